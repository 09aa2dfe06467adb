import Foundation
import Testing
@testable import MarqueeKit

@Suite struct SuggestionTests {
    @Test func aMisspeltCommandGetsDidYouMean() throws {
        #expect(Suggestion.closest(to: "biuld", among: ["build", "check", "serve", "new"]) == "build")
        #expect(Suggestion.closest(to: "deploy", among: ["build", "check", "serve", "new"]) == nil)
        let binary = try #require(Paths.marqueeBinary, "the marquee executable was not built next to the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["biuld"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text == "error: unknown command 'biuld' — did you mean 'build'?\n")
        #expect(process.terminationStatus == 2)
    }
}
