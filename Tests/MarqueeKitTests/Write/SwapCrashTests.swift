import Foundation
import Testing
@testable import MarqueeKit

/// The swap's crash windows, made real with strace's fault injection on the built `marquee`: a
/// build killed at the exchange leaves the previous output whole, and one killed between the two
/// renames of the swap without an exchange (ENOSYS injected) is put right by the next build.
@Suite struct SwapCrashTests {
    static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.strace))
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }

    @Test(.enabled(if: strace != nil, "strace is not installed (scripts/ensure-strace.sh installs it)"))
    func killedAtEveryStepOfTheSwap() throws {
        let binary = try #require(Paths.marqueeBinary, "the marquee executable was not built next to the tests")
        let site = try TestSite(["content/reviews/fine.md": TestSite.review(title: "Fine")]).writeToDisk()
        defer { try? FileManager.default.removeItem(at: site) }
        let output = try PreviousOutput.make(in: site)
        let build = [binary.path, "build", "--source", site.path, "--output", output.path, "--no-cache"]

        // Killed as it enters the exchange: the previous output, byte for byte.
        try run(["-f", "-qq", "-e", "trace=renameat2", "-e", "inject=renameat2:signal=SIGKILL"] + build)
        try PreviousOutput.expectUntouched(output, allowingStaging: true)

        // No exchange, killed as it enters the second rename: the output is missing for now...
        try run(["-f", "-qq", "-e", "trace=rename,renameat2", "-e", "inject=renameat2:error=ENOSYS",
                 "-e", "inject=rename:signal=SIGKILL:when=2"] + build)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        // ...and the next build restores it before anything else, even one that then fails.
        try Data("---\ntitle: [broken\n---\n".utf8).write(to: site.appendingPathComponent("content/reviews/broken.md"))
        _ = try PreviousOutput.buildExpectingFailure(site: site, output: output)
        try PreviousOutput.expectUntouched(output)
    }
}
