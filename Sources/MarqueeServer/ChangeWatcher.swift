import Foundation

/// Notices changes to a site's sources by polling their modification times, sizes and inodes:
/// portable, no inotify limits, and cheap (a `stat` per file). A burst of saves becomes one change,
/// reported as the set of files (relative to the site folder) added, removed or modified, which
/// lets the rebuild redo only what depends on them.
struct ChangeWatcher: Sendable {
    let root: URL
    let interval: Duration
    let debounce: Duration
    static let watched = ["site.yml", "content", "templates", "static"]

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

    struct Stamp: Equatable {
        var modified: Int64
        var size: Int64
        var inode: UInt64 = 0
    }

    /// Files added, removed or modified between two snapshots; folders only when added or removed
    /// (a folder's time changes with every file saved in it, and those files are reported themselves).
    static func difference(_ old: [String: Stamp], _ new: [String: Stamp]) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] == nil || (!path.hasSuffix("/") && old[path] != stamp) { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }

    func snapshot() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for name in Self.watched {
            walk(root.appendingPathComponent(name).path, relative: name, depth: 0, into: &result)
        }
        return result
    }

    private static func modified(_ info: stat) -> Int64 {
        #if os(Linux)
        Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #else
        Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #endif
    }

    private func walk(_ path: String, relative: String, depth: Int, into result: inout [String: Stamp]) {
        var info = stat()
        guard depth < 32, stat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            result[relative + "/"] = Stamp(modified: Self.modified(info), size: 0)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names where !name.hasPrefix(".") {
                walk(path + "/" + name, relative: relative + "/" + name, depth: depth + 1, into: &result)
            }
        } else {
            result[relative] = Stamp(modified: Self.modified(info), size: Int64(info.st_size), inode: UInt64(info.st_ino))
        }
    }
}
