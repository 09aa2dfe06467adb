import Foundation

/// Notices changes to a site's sources by polling their modification times and sizes: portable,
/// no inotify limits, and cheap (a `stat` per file). A burst of saves becomes one change.
struct ChangeWatcher: Sendable {
    let root: URL
    let interval: Duration
    let debounce: Duration
    static let watched = ["site.yml", "content", "templates", "static"]

    func changes() -> AsyncStream<Void> {
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
                    last = current
                    continuation.yield(())
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    struct Stamp: Equatable {
        var modified: Int64
        var size: Int64
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
            result[relative] = Stamp(modified: Self.modified(info), size: Int64(info.st_size))
        }
    }
}
