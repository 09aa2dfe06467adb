import Foundation

/// Runs a program to its end, as a script or a workflow step would: standard output and error
/// together in one text (the order a terminal shows), so a failure's message reads whole.
enum Shell {
    struct Run {
        var status: Int32
        var output: String
    }

    static func run(_ executable: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// `bash -c script`, with GitHub's options for a `run:` step (-e, pipefail, no profile).
    static func bash(_ script: String, in folder: URL? = nil, environment: [String: String]? = nil) throws -> Run {
        try run("/bin/bash", ["--noprofile", "--norc", "-e", "-o", "pipefail", "-c", script], in: folder, environment: environment)
    }

    /// A program on PATH, or nil.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
