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

/// The `marquee` executable killed, or failing on a full disk, while the build cache patches the
/// output: with `strace` to stop it at an exact system call (skipped where strace is not installed).
@Suite struct PatchKillTests {
    static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Run {
        var status: Int32
        var killed: Bool
    }

    /// Runs `marquee build` (under strace with `straceArguments`, when given) and waits for it.
    static func build(_ binary: URL, site: URL, output: URL, noCache: Bool = false, straceArguments: [String]? = nil) throws -> Run {
        let process = Process()
        var arguments = ["build", "--source", site.path, "--output", output.path] + (noCache ? ["--no-cache"] : [])
        if let straceArguments, let strace {
            process.executableURL = URL(fileURLWithPath: strace)
            arguments = ["-f", "-qq"] + straceArguments + ["--", binary.path] + arguments
        } else {
            process.executableURL = binary
        }
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        // Killed under strace, the build's SIGKILL shows as strace's own exit status 128 + 9.
        let killed = process.terminationReason == .uncaughtSignal || process.terminationStatus == 137
        return Run(status: process.terminationStatus, killed: killed)
    }

    /// A built site (by the executable: the cache is only used by the executable that made it) with
    /// one review's body edited, and a clean build of it now.
    struct Site {
        let binary: URL
        let fixture: CachedRebuildTests.Fixture
        var output: URL { fixture.output }

        init() throws {
            binary = try #require(Paths.marqueeBinary, "the marquee executable was not built next to the tests")
            fixture = try CachedRebuildTests.Fixture()
            let run = try PatchKillTests.build(binary, site: fixture.source, output: fixture.output)
            #expect(run.status == 0)
        }

        func clean() throws -> [String: Data] {
            let folder = Paths.temporaryFolder("clean")
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(try PatchKillTests.build(binary, site: fixture.source, output: folder, noCache: true).status == 0)
            return try IncrementalBuildTests.Fixture.snapshot(folder)
        }
    }

    @Test(.enabled(if: strace != nil, "strace is not installed"))
    func aBuildKilledBetweenTheRenamesOfAPatchIsCompletedByTheNext() throws {
        let site = try Site()
        defer { site.fixture.remove() }
        // Which of the build's renames put the patched files into the output, seen on a first edit.
        try site.fixture.replace("Second paragraph of film 4.", with: "Changed.", in: "content/reviews/film-04.md")
        let log = Paths.temporaryFolder("strace")
        defer { try? FileManager.default.removeItem(at: log) }
        let traced = try Self.build(site.binary, site: site.fixture.source, output: site.output,
                                    straceArguments: ["-o", log.path, "-e", "trace=rename,renameat,renameat2"])
        #expect(traced.status == 0)
        let renames = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").filter { $0.contains("rename") && !$0.contains("resumed>") }
        let intoOutput = renames.indices.filter { renames[$0].contains("\"\(site.output.path)/") }
        try #require(intoOutput.count == 2, "the patch renames two files into the output: \(renames)")

        // The same edit again, killed at the second of those renames.
        try site.fixture.replace("Changed.", with: "Changed again.", in: "content/reviews/film-04.md")
        let before = try IncrementalBuildTests.Fixture.snapshot(site.output)
        let after = try site.clean()
        let killed = try Self.build(site.binary, site: site.fixture.source, output: site.output,
                                    straceArguments: ["-o", "/dev/null", "-e", "trace=rename,renameat,renameat2",
                                                      "-e", "inject=rename,renameat,renameat2:signal=KILL:when=\(intoOutput[1] + 1)"])
        #expect(killed.killed)
        let half = try IncrementalBuildTests.Fixture.snapshot(site.output)
        let patched = after.keys.filter { before[$0] != after[$0] }
        #expect(patched.count == 2)
        #expect(patched.filter { half[$0] == after[$0] }.count == 1, "killed between the renames, one file is new and one old")
        #expect(try PatchJournalTests.strays(in: site.output) == [])

        let next = try Self.build(site.binary, site: site.fixture.source, output: site.output)
        #expect(next.status == 0)
        #expect(try IncrementalBuildTests.Fixture.snapshot(site.output) == after)
        #expect(try PatchJournalTests.strays(in: site.output) == [])
        #expect(PatchJournalTests.leftovers(beside: site.output) == [])
    }

    /// Every fsync failing as on a full disk: the patch cannot stage its files, and the full build
    /// that follows is what writes. When it fails too (its marker file is synced), the output is
    /// byte for byte as it was, as its message says.
    @Test(.enabled(if: strace != nil, "strace is not installed"))
    func aFullDiskFailsThePatchAndTheFullBuildWithoutChangingTheOutput() throws {
        let site = try Site()
        defer { site.fixture.remove() }
        let before = try IncrementalBuildTests.Fixture.snapshot(site.output)
        try site.fixture.replace("Second paragraph of film 4.", with: "Changed.", in: "content/reviews/film-04.md")
        let run = try Self.build(site.binary, site: site.fixture.source, output: site.output,
                                 straceArguments: ["-o", "/dev/null", "-e", "trace=fsync,fdatasync", "-e", "inject=fsync,fdatasync:error=ENOSPC"])
        #expect(try IncrementalBuildTests.Fixture.snapshot(site.output) == (run.status == 0 ? try site.clean() : before))
        #expect(PatchJournalTests.leftovers(beside: site.output) == [])
        #expect(try Self.build(site.binary, site: site.fixture.source, output: site.output).status == 0)
        #expect(try IncrementalBuildTests.Fixture.snapshot(site.output) == (try site.clean()))
    }
}
