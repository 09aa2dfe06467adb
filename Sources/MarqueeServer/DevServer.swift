import Foundation
import Hummingbird
import Logging
import MarqueeKit
import NIOCore

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

        public init(build: BuildOptions) {
            self.build = build
        }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Runs until cancelled (Ctrl-C). `onReady` gets the bound port, then `onBuild` each build's outcome.
    public func run(onReady: @escaping @Sendable (Int) -> Void = { _ in },
                    onBuild: @escaping @Sendable (BuildOutcome) -> Void = { _ in }) async throws {
        let outputRoot = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-serve-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: outputRoot) }
        var buildOptions = options.build
        buildOptions.outputDirectory = outputRoot.appendingPathComponent("site")
        buildOptions.force = true
        let state = ServerState(output: buildOptions.outputDirectory)
        let builder = SiteRebuilder(build: IncrementalBuild(options: buildOptions), state: state)
        onBuild(await builder.rebuild(changed: nil))

        let responder = DevResponder(state: state)
        var logger = Logger(label: "marquee.serve")
        logger.logLevel = .warning
        let app = Application(
            responder: CallbackResponder { (request: Request, context: BasicRequestContext) in
                try await responder.respond(to: request, context: context)
            },
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: "marquee"),
            onServerRunning: { channel in onReady(channel.localAddress?.port ?? options.port) },
            logger: logger
        )
        let watcher = ChangeWatcher(root: buildOptions.sourceDirectory, interval: options.pollInterval, debounce: options.debounce)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await app.runService()
            }
            group.addTask {
                for await changed in watcher.changes() {
                    onBuild(await builder.rebuild(changed: changed))
                }
            }
            try await group.next()
            group.cancelAll()
        }
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
