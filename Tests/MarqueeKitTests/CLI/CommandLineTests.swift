import Foundation
import Testing
@testable import MarqueeKit

/// The `marquee` executable itself, run as a writer runs it (it has no test target of its own).
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var standardError: String
    }

    func marquee(_ arguments: [String], in folder: URL? = nil) throws -> Run {
        let binary = try #require(Paths.marqueeBinary, "the marquee executable was not built next to the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, standardError: String(decoding: data, as: UTF8.self))
    }

    @Test func aMistypedCommandGetsASuggestion() throws {
        let run = try marquee(["biuld"])
        #expect(run.status == 2)
        #expect(run.standardError == "error: unknown command 'biuld' — did you mean 'build'?\n")
        #expect(try marquee(["new", "sitee", "x"]).standardError == "error: unknown command 'sitee' — did you mean 'site'?\n")
        #expect(try marquee(["chekc"]).standardError == "error: unknown command 'chekc' — did you mean 'check'?\n")
    }

    /// A word near no command keeps the parser's own message.
    @Test func aWordNearNoCommandGetsTheParsersMessage() throws {
        let run = try marquee(["publish"])
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("Error: Unexpected argument 'publish'"))
    }

    /// Near names only: up to two edits, fewer than half the name's letters; a swap of two letters is one.
    @Test(arguments: [("nwe", "new"), ("serv", "serve"), ("BUILD", "build"), ("bulid", "build"), ("x", nil), ("foo", nil), ("chck", "check")])
    func suggestions(word: String, suggestion: String?) throws {
        let message = try marquee([word]).standardError
        #expect(message == suggestion.map { "error: unknown command '\(word)' — did you mean '\($0)'?\n" } ?? message)
        if suggestion == nil { #expect(!message.contains("did you mean")) }
    }

    /// A diagnostic about a binary file (an unused image of `marquee check`) shows no line of it.
    @Test func aDiagnosticAboutABinaryFileShowsNoExcerpt() throws {
        let site = try TestSite(["content/reviews/a.md": TestSite.review()]).writeToDisk()
        defer { try? FileManager.default.removeItem(at: site) }
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
        png.append(contentsOf: [0xFF, 0xFE, 0x0A, 0x41])
        try FileManager.default.createDirectory(at: site.appendingPathComponent("static"), withIntermediateDirectories: true)
        try png.write(to: site.appendingPathComponent("static/unused.png"))
        let run = try marquee(["check"], in: site)
        let lines = run.standardError.split(separator: "\n", omittingEmptySubsequences: false)
        let warning = try #require(lines.firstIndex { $0.hasPrefix("static/unused.png:1:1: warning:") }, "\(run.standardError)")
        let next = lines.index(after: warning)
        #expect(next == lines.endIndex || !lines[next].hasPrefix("    "), "an excerpt was printed: \(run.standardError)")
        #expect(!run.standardError.contains("PNG"))
    }
}
