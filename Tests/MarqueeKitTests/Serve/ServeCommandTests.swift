import Foundation
import Testing
@testable import MarqueeKit

/// The built `marquee serve`, as a writer runs it: stopped by Ctrl-C with a page open, or while
/// it builds. Loopback only; every wait is bounded.
@Suite(.serialized) struct ServeCommandTests {
    /// A site in a temporary folder, removed after `body`.
    static func withSite(_ body: (URL, URL) async throws -> Void) async throws {
        let binary = try #require(Paths.marqueeBinary, "the marquee executable was not built next to the tests")
        let site = try TestSite(["content/reviews/a.md": TestSite.review(title: "Alpha")]).writeToDisk()
        defer { try? FileManager.default.removeItem(at: site) }
        try await body(binary, site)
    }

    /// Every served build in the temporary folder, this test's or not.
    static func allScratchFolders() -> Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)) ?? []
        return Set(names.filter { $0.hasPrefix("marquee-serve-") })
    }

    /// The served build of process `pid`, if it is still in the temporary folder: not one that was
    /// there before the test began (a killed run's, whose pid the system may give this server again).
    static func scratchFolders(of pid: Int32, besides before: Set<String>) -> [String] {
        allScratchFolders().subtracting(before).filter { $0.hasPrefix("marquee-serve-\(pid)-") }.sorted()
    }

    /// With a page listening for reloads (a stream that never ends on its own), Ctrl-C or SIGTERM
    /// closes the stream and the process ends within 2 s, removing the served build.
    @Test(arguments: [SIGINT, SIGTERM])
    func signalStopsTheServerWithAPageOpen(signal: Int32) async throws {
        try await Self.withSite { binary, site in
            let before = Self.allScratchFolders()
            let serve = try ServeProcess(binary: binary, arguments: ["--source", site.path, "--port", "0"])
            let port = try #require(await serve.port(), "not serving: \(serve.standardError)")
            let events = try HTTPProbe.EventStream(port: port, path: "/__marquee/events")
            defer { events.close() }
            #expect(await events.wait(seconds: 5) { events.text.contains(": connected") })

            serve.send(signal)
            let seconds = try #require(await serve.waitForExit(within: 10), "still running 10 s after the signal")
            #expect(seconds < 2, "stopped after \(seconds) s")
            #expect(serve.process.terminationStatus == 0, "\(serve.standardError)")
            #expect(events.ended)
            // A stop that reached the deadline (a busy machine) leaves the removal to an `rm` of
            // its own, which goes on after the server has ended: give it a moment.
            #expect(await Self.scratchFoldersGone(of: serve.process.processIdentifier, besides: before, within: 5))
        }
    }

    static func scratchFoldersGone(of pid: Int32, besides before: Set<String>, within seconds: Double) async -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while !scratchFolders(of: pid, besides: before).isEmpty {
            guard Date() < end else { return false }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return true
    }

    /// A site whose first build takes seconds in a debug build: what can hold a stop (a build is
    /// not cut half-way by the server itself).
    static func slowSite() -> TestSite {
        let body = String(repeating: "A paragraph of a long review, with *emphasis* and [a link](https://example.org/). ", count: 60)
        var files: [String: String] = [:]
        for index in 0..<600 {
            files["content/reviews/r\(index).md"] = TestSite.review(title: "Review \(index)", extra: "director: Director \(index % 200)\ntags: [t\(index % 40)]", body: body)
        }
        return TestSite(files)
    }

    #if os(Linux)
    /// Ctrl-C during the first build, before anything is served: nothing is worth waiting for, so
    /// the process ends at once (well within 2 s) and the half-made build is removed.
    @Test func ctrlCDuringTheFirstBuildStopsAtOnce() async throws {
        let binary = try #require(Paths.marqueeBinary, "the marquee executable was not built next to the tests")
        let site = try Self.slowSite().writeToDisk()
        defer { try? FileManager.default.removeItem(at: site) }
        let before = Self.allScratchFolders()
        let serve = try ServeProcess(binary: binary, arguments: ["--source", site.path, "--port", "0"])
        #expect(await serve.handlesCtrlC())
        try await Task.sleep(for: .milliseconds(100))
        serve.send(SIGINT)
        let seconds = try #require(await serve.waitForExit(within: 10), "still running 10 s after Ctrl-C")
        #expect(seconds < 2, "stopped after \(seconds) s")
        #expect(serve.process.terminationStatus == 0, "\(serve.standardError)")
        #expect(!serve.standardOutput.contains("Serving on"), "the first build ended before Ctrl-C: the site is too small to test this")
        // Removed by a process of its own, which may still be at it.
        let pid = serve.process.processIdentifier
        let gone = Date().addingTimeInterval(10)
        while !Self.scratchFolders(of: pid, besides: before).isEmpty, Date() < gone { try await Task.sleep(for: .milliseconds(20)) }
        #expect(Self.scratchFolders(of: pid, besides: before) == [])
    }

    /// A stop that has to wait (a rebuild under way, which is not cut half-way): the first Ctrl-C
    /// waits for it, up to the deadline; a second ends the process at once.
    @Test func secondCtrlCQuitsAtOnce() async throws {
        let binary = try #require(Paths.marqueeBinary, "the marquee executable was not built next to the tests")
        let site = try Self.slowSite().writeToDisk()
        defer { try? FileManager.default.removeItem(at: site) }
        let before = Self.allScratchFolders()
        let serve = try ServeProcess(binary: binary, arguments: ["--source", site.path, "--port", "0"])
        _ = try #require(await serve.port(), "not serving: \(serve.standardError)")
        // A new title: every page changes, so the whole site is rebuilt.
        let siteYML = site.appendingPathComponent("site.yml")
        let yml = try String(contentsOf: siteYML, encoding: .utf8)
        try (yml.replacingOccurrences(of: "title:", with: "title: Renamed") + "\n").write(to: siteYML, atomically: true, encoding: .utf8)
        #expect(await serve.output(contains: "Changed site.yml; rebuilding…", within: 10), "\(serve.standardOutput)")
        serve.send(SIGINT)
        try await Task.sleep(for: .milliseconds(200))
        try #require(serve.process.isRunning, "the rebuild ended before the second Ctrl-C: the site is too small to test this")
        serve.send(SIGINT)
        let seconds = try #require(await serve.waitForExit(within: 10), "still running 10 s after the second Ctrl-C")
        #expect(seconds < 0.5, "quit \(seconds) s after the second Ctrl-C")
        #expect(serve.process.terminationStatus == 128 + SIGINT)
        #expect(serve.standardOutput.contains("Stopping… (press Ctrl-C again to quit at once)"))
        // Quitting at once leaves the served build in the temporary folder, by design: the test removes it.
        for name in Self.scratchFolders(of: serve.process.processIdentifier, besides: before) {
            try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent(name))
        }
    }
    #endif


}
