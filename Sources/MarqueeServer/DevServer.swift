import Foundation
import Hummingbird
import Logging
import MarqueeKit
import NIOCore
import ServiceLifecycle

/// `marquee serve`: builds the site, serves it on loopback, watches the site folder, rebuilds on
/// change and tells open pages to reload. A failed rebuild keeps the last good build on screen with
/// the errors shown over it.
public struct DevServer: Sendable {
    public struct Options: Sendable {
        public var build: BuildOptions
        public var host = "127.0.0.1"
        public var port = 1313
        /// How often the site folder is looked at for changes.
        public var pollInterval: Duration = .milliseconds(200)
        /// How long saves must be quiet before a rebuild starts (editors write files in bursts).
        public var debounce: Duration = .milliseconds(80)
        /// How long a stop waits for the requests under way before it cuts their connections: a
        /// client that never finishes sending or reading must not keep the server running.
        public var shutdownGrace: Duration = .milliseconds(1250)
        /// Where the site is built while serving (never the site's own output folder); removed
        /// when `run` returns.
        public var scratchFolder: URL

        public init(build: BuildOptions) {
            self.build = build
            scratchFolder = FileManager.default.temporaryDirectory
                .appendingPathComponent("marquee-serve-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        }
    }

    /// The port asked for is taken (another `marquee serve`, say): said in words, with what to do,
    /// instead of NIO's `bind(descriptor:ptr:bytes:)` error.
    public struct PortInUse: Error, CustomStringConvertible {
        public let host: String
        public let port: Int

        public var description: String {
            "error: port \(port) on \(host) is already in use (another marquee serve, or another server) — stop it, or choose another port with --port \(port == 65535 ? 8000 : port + 1)"
        }
    }

    /// Asks a running server to stop (Ctrl-C): `run` closes the reload streams, which browsers keep
    /// open for ever, lets the other requests finish within `shutdownGrace`, and returns.
    public struct Stopper: Sendable {
        let requests: AsyncStream<Void>
        private let continuation: AsyncStream<Void>.Continuation

        public init() {
            (requests, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
        }

        public func stop() {
            continuation.yield()
        }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Runs until `stopper` is used (then returns once stopped) or the task is cancelled. `onReady`
    /// gets the bound port, `onChange` the files changed (relative to the site folder) as each
    /// rebuild starts, and `onBuild` each build's outcome.
    public func run(stopper: Stopper = Stopper(),
                    onReady: @escaping @Sendable (Int) -> Void = { _ in },
                    onChange: @escaping @Sendable (Set<String>) -> Void = { _ in },
                    onBuild: @escaping @Sendable (BuildOutcome) -> Void = { _ in }) async throws {
        let scratchFolder = options.scratchFolder
        defer { try? FileManager.default.removeItem(at: scratchFolder) }
        var buildOptions = options.build
        buildOptions.outputDirectory = scratchFolder.appendingPathComponent("site")
        buildOptions.force = true
        let state = ServerState(output: buildOptions.outputDirectory)
        let builder = SiteRebuilder(build: IncrementalBuild(options: buildOptions), state: state)
        onBuild(await builder.rebuild(changed: nil))

        let responder = DevResponder(state: state)
        var logger = Logger(label: "marquee.serve")
        logger.logLevel = .warning
        let (host, port) = (options.host, options.port)
        let app = Application(
            responder: CallbackResponder { (request: Request, context: BasicRequestContext) in
                try await responder.respond(to: request, context: context)
            },
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "marquee"),
            onServerRunning: { channel in onReady(channel.localAddress?.port ?? port) },
            logger: logger
        )
        let watcher = ChangeWatcher(root: buildOptions.sourceDirectory, interval: options.pollInterval, debounce: options.debounce)
        // A graceful shutdown stops the services in reverse order: the reload streams are closed
        // first, so the server's own shutdown (which waits for every response to end) can finish.
        var configuration = ServiceGroupConfiguration(services: [
            .init(service: RebuildOnChange(watcher: watcher, builder: builder, onChange: onChange, onBuild: onBuild)),
            .init(service: app),
            .init(service: ReloadStreamCloser(state: state)),
            .init(service: StopListener(requests: stopper.requests), successTerminationBehavior: .gracefullyShutdownGroup),
        ], logger: logger)
        configuration.maximumGracefulShutdownDuration = options.shutdownGrace
        do {
            try await ServiceGroup(configuration: configuration).run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw PortInUse(host: host, port: port)
        }
    }
}

/// Rebuilds the site each time the watcher reports a change, until the server stops.
struct RebuildOnChange: Service {
    let watcher: ChangeWatcher
    let builder: SiteRebuilder
    let onChange: @Sendable (Set<String>) -> Void
    let onBuild: @Sendable (BuildOutcome) -> Void

    func run() async {
        for await changed in watcher.changes().cancelOnGracefulShutdown() {
            onChange(changed)
            onBuild(await builder.rebuild(changed: changed))
        }
    }
}

/// Ends every reload stream when the server stops: an open page never ends its own.
struct ReloadStreamCloser: Service {
    let state: ServerState

    func run() async {
        // Returns on graceful shutdown, and throws on cancellation: either way the streams go.
        try? await gracefulShutdown()
        await state.closeStreams()
    }
}

/// Returns when the server is asked to stop, which shuts the whole group down gracefully.
struct StopListener: Service {
    let requests: AsyncStream<Void>

    func run() async {
        for await _ in requests.cancelOnGracefulShutdown() { return }
    }
}

/// What one build of the served site came to.
public enum BuildOutcome: Sendable {
    case built(pages: Int, warnings: [Diagnostic], seconds: Double)
    case failed([Diagnostic])
}

/// Builds the site for serving, and records the outcome for the responder. After the first build,
/// only what the changed files affect is rebuilt, and only files whose bytes change are written.
struct SiteRebuilder: Sendable {
    let build: IncrementalBuild
    let state: ServerState

    /// `changed`: the files changed since the last build, relative to the site folder; nil if unknown.
    func rebuild(changed: Set<String>?) async -> BuildOutcome {
        let started = Date()
        switch build.build(changed: changed, now: Int64(Date().timeIntervalSince1970)) {
        case .success(let report):
            await state.succeeded(basePath: BaseURL.path(of: report.baseURL))
            return .built(pages: report.pagesWritten, warnings: report.diagnostics, seconds: Date().timeIntervalSince(started))
        case .failure(let failure):
            await state.failed(failure.diagnostics)
            return .failed(failure.diagnostics)
        }
    }
}
