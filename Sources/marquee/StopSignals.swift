import Dispatch
import Foundation

/// Ctrl-C (SIGINT) and SIGTERM for `marquee serve`. The first asks the server to stop gracefully
/// and gives it `deadline` to do so; a second, or the deadline passing, ends the process at once,
/// so nothing (a build under way, a response that does not end) can keep it running.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    /// What the first signal leads to.
    enum FirstStop {
        /// The graceful stop has begun: wait for it, until the deadline.
        case waitForIt
        /// Nothing is worth waiting for (no page served yet): end the process now.
        case endNow
    }

    /// `stop` runs on the first signal; `atDeadline` just before the process is ended because the
    /// stop took too long, or `stop` said to end now (not on a second signal: that one means now).
    init(deadline: Duration, stop: @escaping @Sendable () -> FirstStop, atDeadline: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "marquee.serve.signals")
        let count = SignalCount()
        sources = [SIGINT, SIGTERM].map { number in
            // Handled here instead of by the default action, which ends the process without
            // removing the served build.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                count.value += 1
                if count.value == 1 {
                    if stop() == .endNow {
                        atDeadline()
                        Self.end(status: 0)
                    }
                    queue.asyncAfter(deadline: .now() + .nanoseconds(Int(deadline.nanoseconds))) {
                        atDeadline()
                        Self.end(status: 0)
                    }
                } else {
                    Self.end(status: 128 + number)
                }
            }
            source.resume()
            return source
        }
    }

    /// Ends the process now. `_exit` rather than `exit`: the exit handlers would run while the
    /// build's threads still work, and could wait on them; only the console needs flushing.
    private static func end(status: Int32) -> Never {
        fflush(nil)
        _exit(status)
    }

    deinit {
        for source in sources { source.cancel() }
    }
}

/// The signals received; touched only on the signal queue.
private final class SignalCount: @unchecked Sendable {
    var value = 0
}

private extension Duration {
    var nanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }
}
