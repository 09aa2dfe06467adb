import Foundation
import MarqueeKit

/// What the server knows about the site: where the last good build is, the errors of the last
/// build if it failed, and the pages listening for reload events.
actor ServerState {
    let output: URL
    private(set) var basePath = "/"
    private(set) var errors: [Diagnostic] = []
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
    /// Set when the server stops: a page reconnecting then gets a stream that ends at once.
    private var streamsClosed = false

    init(output: URL) {
        self.output = output
    }

    func succeeded(basePath: String) {
        self.basePath = basePath
        errors = []
        broadcast("reload")
    }

    func failed(_ diagnostics: [Diagnostic]) {
        errors = diagnostics.filter { $0.severity == .error }
        broadcast("reload")
    }

    /// A stream of events for one open page; it ends when the page goes away.
    func subscribe() -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(4))
        if streamsClosed { continuation.finish() } else { listeners[id] = continuation }
        return (id, stream)
    }

    /// Ends every open page's stream, for good: the server is stopping, and it waits for every
    /// response to end, which a reload stream never does on its own.
    func closeStreams() {
        streamsClosed = true
        for continuation in listeners.values { continuation.finish() }
        listeners = [:]
    }

    func unsubscribe(_ id: UUID) {
        listeners.removeValue(forKey: id)?.finish()
    }

    private func broadcast(_ event: String) {
        for continuation in listeners.values { continuation.yield(event) }
    }
}
