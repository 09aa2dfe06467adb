import Foundation

/// The built `marquee serve` running as a process on a free loopback port (`--port 0`), for what
/// only a process shows: its signals, exit status and messages. `finish` always ends it.
final class ServeProcess {
    let process = Process()
    private let output = CollectedOutput()
    private let errors = CollectedOutput()
    private let ended = ExitTime()

    init(binary: URL, arguments: [String]) throws {
        process.executableURL = binary
        process.arguments = ["serve", "--host", "127.0.0.1"] + arguments
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        output.collect(from: out)
        errors.collect(from: err)
        let ended = self.ended
        process.terminationHandler = { _ in ended.record() }
        try process.run()
    }

    var standardOutput: String { output.text }
    var standardError: String { errors.text }

    /// The port from the "Serving on http://127.0.0.1:PORT/" line, waiting up to `seconds` for it.
    func port(within seconds: Double = 60) async -> Int? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, process.isRunning || standardOutput.contains("Serving on") {
            if let range = standardOutput.range(of: "Serving on http://127.0.0.1:"),
               let port = Int(standardOutput[range.upperBound...].prefix { $0.isNumber }) {
                return port
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    /// Waits up to `seconds` for `text` on standard output.
    func output(contains text: String, within seconds: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, process.isRunning {
            if standardOutput.contains(text) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return standardOutput.contains(text)
    }

    /// Waits up to `seconds` until the process handles Ctrl-C itself, which `marquee serve` sets up
    /// before its first build: Linux shows SIGINT in /proc among the caught (or ignored) signals.
    func handlesCtrlC(within seconds: Double = 60) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, process.isRunning {
            let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
            let masks = status.split(separator: "\n").compactMap { line -> UInt64? in
                guard line.hasPrefix("SigCgt:") || line.hasPrefix("SigIgn:") else { return nil }
                return UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16)
            }
            if masks.contains(where: { $0 & (1 << UInt64(SIGINT - 1)) != 0 }) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return false
    }

    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits up to `seconds` for the process to exit: how long it took, or nil if it was still
    /// running (it is then killed, so no test leaves a server behind). The time is the exit's as
    /// Foundation's own thread saw it, not this task's next wake-up: a test runner busy with other
    /// suites can leave a sleeping task waiting for a thread for a long while.
    func waitForExit(within seconds: Double) async -> Double? {
        let started = Date()
        while process.isRunning, Date().timeIntervalSince(started) < seconds { try? await Task.sleep(for: .milliseconds(5)) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return (ended.time ?? Date()).timeIntervalSince(started)
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// When the process was seen to end, recorded by its termination handler.
private final class ExitTime: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: Date?

    func record() { lock.withLock { recorded = Date() } }
    var time: Date? { lock.withLock { recorded } }
}

/// Everything a pipe delivers, read on a background thread.
private final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func collect(from pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.lock()
                data.append(chunk)
                lock.unlock()
            }
        }
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
