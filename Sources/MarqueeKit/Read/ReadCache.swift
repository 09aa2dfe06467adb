import Foundation

/// Remembers parsed reviews between builds in one process (`marquee serve`): a rebuild after one
/// edit parses one file, not all of them. Files are still read each time and compared byte for
/// byte with what was parsed (reading is cheap, parsing is not), so a cached review is never stale,
/// whatever the file system's timestamps do. A changed setting reads every file again.
public final class ReadCache: @unchecked Sendable {
    struct Entry {
        var bytes: Data
        var settings: String
        var review: Review?
        var diagnostics: [Diagnostic]
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Files parsed and files reused by the last build, for tests and timings.
    public private(set) var parsed = 0
    public private(set) var reused = 0

    public init() {}

    func beginBuild() {
        lock.withLock { parsed = 0; reused = 0 }
    }

    func lookup(_ path: String, bytes: Data, settings: String) -> (Review?, [Diagnostic])? {
        lock.withLock {
            guard let entry = entries[path], entry.settings == settings, entry.bytes == bytes else { return nil }
            reused += 1
            return (entry.review, entry.diagnostics)
        }
    }

    /// What the last read of `path` came to, whatever its bytes are now.
    func parsed(_ path: String) -> (review: Review?, diagnostics: [Diagnostic])? {
        lock.withLock { entries[path].map { ($0.review, $0.diagnostics) } }
    }

    func store(_ path: String, bytes: Data, settings: String, review: Review?, diagnostics: [Diagnostic]) {
        lock.withLock {
            parsed += 1
            entries[path] = Entry(bytes: bytes, settings: settings, review: review, diagnostics: diagnostics)
        }
    }
}
