import Yams

/// `draft: true`, or Jekyll's `published: false` (so that a post moved over keeps its state):
/// either keeps a review, article or page out of the site, whichever of the two comes first.
struct DraftKeys {
    private var draft = false
    private var published = true

    var isDraft: Bool { draft || !published }

    /// Reads `draft:` or `published:` (the caller has matched the key).
    mutating func read(_ key: String, _ value: Node, _ reader: inout MappingReader) {
        if key == "published" { published = reader.bool(key, value) ?? true } else { draft = reader.bool(key, value) ?? false }
    }
}
