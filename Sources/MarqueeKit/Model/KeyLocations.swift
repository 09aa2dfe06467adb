/// Where each front matter key of a review or article was written, for the errors found after
/// reading (a slug taken twice, an unknown recommendation): the line and column of each key, the
/// file's path once. A `[String: SourceLocation]` kept the path again for every key and half-empty
/// hash buckets: 8.4 MB of a 10,000-review build's 200 MB heap, against about 4 MB here.
public struct KeyLocations: Hashable, Sendable {
    private struct Entry: Hashable, Sendable {
        var key: String
        var line: Int32
        var column: Int32
    }

    /// The file all keys are in.
    public private(set) var path: String
    // In the order of the keys, sorted: one file's keys are few, a search through them is quick.
    private var entries: [Entry] = []
    // A key placed in another file than `path` (none that Marquee reads today; kept whole).
    private var elsewhere: [String: SourceLocation] = [:]

    public init(path: String, _ locations: [String: SourceLocation] = [:]) {
        self.path = path
        entries.reserveCapacity(locations.count)
        for key in locations.keys.sorted() {
            guard let location = locations[key] else { continue }
            if location.path == path, let line = Int32(exactly: location.line), let column = Int32(exactly: location.column) {
                entries.append(Entry(key: key, line: line, column: column))
            } else {
                elsewhere[key] = location
            }
        }
    }

    public subscript(key: String) -> SourceLocation? {
        if let entry = entries.first(where: { $0.key == key }) {
            return SourceLocation(path: path, line: Int(entry.line), column: Int(entry.column))
        }
        return elsewhere[key]
    }
}
