import Foundation
import Testing
@testable import MarqueeKit

/// A build killed with SIGKILL while it writes leaves the previous output byte for byte as it was,
/// and the next build cleans up after it.
@Suite struct KillTests {
    @Test func killedBuildLeavesThePreviousOutputUntouched() throws {
        let binary = try #require(Paths.marqueeBinary, "the marquee executable was not built next to the tests")
        var files: [String: String] = [:]
        let body = String(repeating: "A paragraph of a long review, with *emphasis* and [a link](https://example.org/). ", count: 60)
        for index in 0..<1500 {
            files["content/reviews/r\(index).md"] = TestSite.review(title: "Review \(index)", date: "2020-01-01", rating: "4",
                                                                extra: "director: Director \(index % 300)\ntags: [t\(index % 50)]", body: body)
        }
        let site = try TestSite(files).writeToDisk()
        let output = try PreviousOutput.make(in: site)

        var killedWhileWriting = false
        for _ in 0..<3 where !killedWhileWriting {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["build", "--source", site.path, "--output", output.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait until the build is writing its staging folder, then kill it outright.
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning, Date() < deadline {
                let staging = (try? FileManager.default.contentsOfDirectory(atPath: site.path))?.first { $0.hasPrefix(".public.marquee-new-") }
                if let staging, (try? FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent(staging).path))?.isEmpty == false {
                    kill(process.processIdentifier, SIGKILL)
                    killedWhileWriting = true
                    break
                }
                usleep(500)
            }
            process.waitUntilExit()
            try PreviousOutput.expectUntouched(output, allowingStaging: true)
        }
        #expect(killedWhileWriting, "the build finished before it could be killed")

        // The next build removes the killed build's staging folder and replaces the output.
        var options = BuildOptions(sourceDirectory: site, outputDirectory: output)
        options.now = TestSite.fixedNow
        guard case .success = Build.run(options) else { Issue.record("rebuild failed"); return }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("reviews/r1/index.html").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.contains("marquee-") }
        #expect(leftovers == [])
    }
}
