import Dispatch

/// A value made on another thread while the caller goes on: `value` waits for it. For work that
/// needs only what is already at hand and fills a core the stage beside it leaves idle (the
/// search index beside the view models, the build cache's review entries beside the pages).
final class Pending<Value>: @unchecked Sendable {
    // Written once, by the work, before `group` is left; read only after waiting on it.
    private var made: Value?
    private let group = DispatchGroup()

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: group) { self.made = work() }
    }

    /// The value, once the work is done.
    var value: Value? {
        group.wait()
        return made
    }
}
