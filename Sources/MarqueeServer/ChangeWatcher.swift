import Foundation
import MarqueeKit

/// Notices changes to a site's sources by polling their modification times, sizes and inodes:
/// portable, no inotify limits, and cheap (a `stat` per file). A burst of saves becomes one change,
/// reported as the set of files (relative to the site folder) added, removed or modified, which
/// lets the rebuild redo only what depends on them.
struct ChangeWatcher: Sendable {
    let root: URL
    let interval: Duration
    let debounce: Duration

    func changes() -> AsyncStream<Set<String>> {
        AsyncStream { continuation in
            let task = Task {
                var last = snapshot()
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    var current = snapshot()
                    guard current != last else { continue }
                    // Wait until the writer has stopped saving.
                    while !Task.isCancelled {
                        try? await Task.sleep(for: debounce)
                        let settled = snapshot()
                        if settled == current { break }
                        current = settled
                    }
                    let changed = Self.difference(last, current)
                    last = current
                    if !changed.isEmpty { continuation.yield(changed) }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    static func difference(_ old: [String: SourceStamp], _ new: [String: SourceStamp]) -> Set<String> {
        SourceStamps.difference(old, new)
    }

    func snapshot() -> [String: SourceStamp] {
        SourceStamps.snapshot(of: root)
    }
}
