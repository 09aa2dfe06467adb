import Foundation
import Testing
@testable import MarqueeKit
@testable import MarqueeServer

/// Starts `serve` on a free port and uses it as a writer's browser would.
@Suite struct DevServerTests {
    @Test func servesReloadsShowsErrorsAndRefusesTraversal() async throws {
        let siteYML = TestSite.siteYML.replacingOccurrences(of: "https://example.org/", with: "https://example.org/blog/")
        let testSite = TestSite([
            "content/reviews/a.md": TestSite.review(title: "Alpha", body: "First version."),
            "content/reviews/draft.md": TestSite.review(title: "Unfinished", extra: "draft: true"),
        ], siteYML: siteYML)
        try await ServedSite.serving(testSite, configure: { $0.build.includeDrafts = true }) { served in
        let (site, port, probe) = (served.folder, served.port, served.probe)
        // The page, under the base path and at /, with the reload script; drafts shown and marked.
        let page = try await probe.get("/blog/reviews/a/")
        #expect(page.status == 200)
        #expect(page.body.contains("First version."))
        #expect(page.body.contains("__marquee/events"))
        #expect(try await probe.get("/reviews/a/").status == 200)
        #expect(try await probe.get("/blog/reviews/draft/").body.contains("Draft: not published"))

        // Edit the review: a reload event, and the new text, within 2 s. (Saved atomically, as
        // editors do: a file caught half-written by a loaded machine would be a fourth rebuild.)
        let events = try HTTPProbe.EventStream(port: port, path: "/blog/__marquee/events")
        defer { events.close() }
        try await Task.sleep(for: .milliseconds(100))
        try Data(TestSite.review(title: "Alpha", body: "Second version.").utf8).write(to: site.appendingPathComponent("content/reviews/a.md"), options: .atomic)
        #expect(await events.wait(for: "reload", count: 1, seconds: 2))
        #expect(try await probe.get("/blog/reviews/a/").body.contains("Second version."))

        // Break it: the last good page is still served, with the errors over it.
        try Data(TestSite.review(title: "Alpha", rating: "9", body: "Broken version.").utf8).write(to: site.appendingPathComponent("content/reviews/a.md"), options: .atomic)
        #expect(await events.wait(for: "reload", count: 2, seconds: 2))
        let broken = try await probe.get("/blog/reviews/a/")
        #expect(broken.status == 200)
        #expect(broken.body.contains("Second version."))
        #expect(broken.body.contains("id=\"marquee-errors\""))
        #expect(broken.body.contains("rating 9 is above the site&#39;s scale of 5") || broken.body.contains("rating 9 is above the site's scale of 5"))

        // Fix it: the overlay goes.
        try Data(TestSite.review(title: "Alpha", body: "Third version.").utf8).write(to: site.appendingPathComponent("content/reviews/a.md"), options: .atomic)
        #expect(await events.wait(for: "reload", count: 3, seconds: 2))
        let fixed = try await probe.get("/blog/reviews/a/")
        #expect(fixed.body.contains("Third version."))
        #expect(!fixed.body.contains("marquee-errors"))

        // Nothing outside the build is reachable.
        for path in ["/../site.yml", "/blog/../../site.yml", "/blog/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e/site.yml",
                     "/blog/reviews/..%2f..%2fsite.yml", "/blog/%00", "/etc/passwd"] {
            #expect(try await probe.get(path).status == 404, "\(path) was served")
        }
        }
    }

    /// A site under /blog/, served to the tests below.
    static func blogSite() -> TestSite {
        TestSite([
            "content/reviews/a.md": TestSite.review(title: "Alpha"),
        ], siteYML: TestSite.siteYML.replacingOccurrences(of: "https://example.org/", with: "https://example.org/blog/"))
    }

    /// Stopping (Ctrl-C) ends the reload streams, which an open page never ends itself, so the
    /// server stops at once instead of waiting for them (the grace period is long here: the
    /// streams must be closed, not cut).
    @Test func stopClosesReloadStreamsAndReturnsAtOnce() async throws {
        try await ServedSite.serving(Self.blogSite(), configure: { $0.shutdownGrace = .seconds(60) }) { served in
        let events = try HTTPProbe.EventStream(port: served.port, path: "/blog/__marquee/events")
        defer { events.close() }
        #expect(await events.wait(seconds: 5) { events.text.contains(": connected") })
        let took = await served.stop(within: 10)
        let seconds = try #require(took, "the server was still running 10 s after the stop")
        #expect(seconds < .seconds(2))
        #expect(await events.wait(seconds: 2) { events.ended })
        #expect(!FileManager.default.fileExists(atPath: served.scratchFolder.path))
        }
    }

    /// A port already taken is said in words, with the flag that helps (it was NIO's
    /// `bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)`).
    @Test func aPortInUseIsSaidInWords() async throws {
        let taken = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(taken) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try #require(withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(taken, $0, length) } } == 0)
        try #require(listen(taken, 1) == 0)
        try #require(withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(taken, $0, &length) } } == 0)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let site = try Self.blogSite().writeToDisk()
        defer { try? FileManager.default.removeItem(at: site) }
        var options = DevServer.Options(build: BuildOptions(sourceDirectory: site))
        options.port = port
        do {
            try await DevServer(options: options).run()
            Issue.record("the server ran on a port in use")
        } catch let error as DevServer.PortInUse {
            #expect(error.description == "error: port \(port) on 127.0.0.1 is already in use (another marquee serve, or another server) — stop it, or choose another port with --port \(port + 1)")
        }
        #expect(!FileManager.default.fileExists(atPath: options.scratchFolder.path))
    }

    /// Clients that never finish their request (an upload stalled half-way, a request head cut
    /// short) do not hold the stop either: their connections are closed as soon as no response
    /// is under way.
    @Test func stopDoesNotWaitForStalledClients() async throws {
        try await ServedSite.serving(Self.blogSite(), configure: { $0.shutdownGrace = .seconds(60) }) { served in
        let probe = served.probe
        let upload = try probe.connect()
        defer { close(upload) }
        try probe.send(upload, "POST /blog/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\nfirst bytes")
        let head = try probe.connect()
        defer { close(head) }
        try probe.send(head, "GET /blog/ HTTP/1.1\r\nHost: 127.0")
        let events = try HTTPProbe.EventStream(port: served.port, path: "/__marquee/events")
        defer { events.close() }
        #expect(await events.wait(seconds: 5) { events.text.contains(": connected") })
        let took = await served.stop(within: 10)
        let seconds = try #require(took, "the server was still running 10 s after the stop")
        #expect(seconds < .seconds(2))
        }
    }

    @Test func fileResolverRefusesLinksOutOfTheBuild() throws {
        let root = Paths.temporaryFolder("resolver")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data("ok".utf8).write(to: root.appendingPathComponent("a/index.html"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("etc").path, withDestinationPath: "/etc")
        let resolver = FileResolver(root: root, basePath: "/blog/")
        #expect(resolver.resolve("/blog/a/") != nil)
        #expect(resolver.resolve("/a/") != nil)
        #expect(resolver.resolve("/blog/etc/passwd") == nil)
        #expect(resolver.resolve("/blog/a/%2e%2e/%2e%2e/x") == nil)
    }

    @Test func aFileIsServedAsItselfAndOnlyAFolderGetsTheSlash() throws {
        let root = Paths.temporaryFolder("resolver")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("reviews"), withIntermediateDirectories: true)
        try Data("ok".utf8).write(to: root.appendingPathComponent("reviews/index.html"))
        try Data("body{}".utf8).write(to: root.appendingPathComponent("style.css"))
        let resolver = FileResolver(root: root, basePath: "/")
        #expect(resolver.resolve("/style.css")?.lastPathComponent == "style.css")
        #expect(resolver.resolve("/style.css/") == nil) // what made every file answer 301 to itself plus a slash
        #expect(resolver.resolve("/reviews/") != nil)
        #expect(DevResponder.folderLocation("//reviews") == "/reviews/")
        #expect(DevResponder.folderLocation("/blog//reviews") == "/blog/reviews/")
    }
}
