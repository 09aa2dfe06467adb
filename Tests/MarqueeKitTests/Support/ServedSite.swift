import Foundation
@testable import MarqueeKit
@testable import MarqueeServer

/// A test site written to a temporary folder and served in-process on a free loopback port, as
/// `marquee serve` does it. `stop()` stops the server and removes the folder.
final class ServedSite: Sendable {
    let folder: URL
    let port: Int
    let scratchFolder: URL
    private let stopper: DevServer.Stopper
    private let server: Task<Void, any Error>

    /// Starts the server; throws if it does not get ready within 60 s.
    init(_ site: TestSite, configure: (inout DevServer.Options) -> Void = { _ in }) async throws {
        folder = try site.writeToDisk()
        var options = DevServer.Options(build: BuildOptions(sourceDirectory: folder))
        options.port = 0
        options.pollInterval = .milliseconds(50)
        options.debounce = .milliseconds(30)
        configure(&options)
        scratchFolder = options.scratchFolder
        let stopper = DevServer.Stopper()
        self.stopper = stopper
        let (ready, readyContinuation) = AsyncStream<Int?>.makeStream()
        server = Task { [options] in
            defer { readyContinuation.yield(nil) }
            try await DevServer(options: options).run(stopper: stopper, onReady: { readyContinuation.yield($0) })
        }
        let timeout = Task {
            try await Task.sleep(for: .seconds(60))
            readyContinuation.yield(nil)
        }
        defer { timeout.cancel() }
        var iterator = ready.makeAsyncIterator()
        guard let next = await iterator.next(), let port = next else {
            server.cancel()
            try? FileManager.default.removeItem(at: folder)
            throw ServedSiteError.notReady
        }
        self.port = port
    }

    var probe: HTTPProbe { HTTPProbe(port: port) }

    /// Serves `site` for `body`, and stops it afterwards, also when `body` fails.
    static func serving(_ site: TestSite, configure: (inout DevServer.Options) -> Void = { _ in },
                        _ body: (ServedSite) async throws -> Void) async throws {
        let served = try await ServedSite(site, configure: configure)
        do {
            try await body(served)
        } catch {
            await served.stop()
            throw error
        }
        await served.stop()
    }

    /// Asks the server to stop, as Ctrl-C does, and waits at most `seconds` for `run` to return:
    /// the time it took, or nil if it was still running (it is then cancelled).
    @discardableResult
    func stop(within seconds: Double = 10) async -> Duration? {
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = ContinuousClock()
        let started = clock.now
        stopper.stop()
        let server = self.server
        let finished = await withTaskGroup(of: Bool.self) { group in
            group.addTask { _ = await server.result; return true }
            group.addTask { try? await Task.sleep(for: .seconds(seconds)); return false }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        if !finished { server.cancel() }
        return finished ? clock.now - started : nil
    }
}

enum ServedSiteError: Error {
    case notReady
}
