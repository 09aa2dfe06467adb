import Foundation

/// A site's index and its files, made once per build from the assembled site and shared by the
/// jobs that write them and by the search page (its filters' choices). A rebuild after an edit
/// makes a new one from the edited site and keeps the files whose bytes changed.
final class SearchOutput: Sendable {
    let index: SearchIndex
    /// Path (relative to the output folder) → bytes.
    let files: [String: [UInt8]]
    /// The paths, sorted.
    let paths: [String]

    init(_ site: Site) {
        index = SearchIndex(site)
        let made = SearchFiles.files(index)
        paths = made.map(\.path)
        files = Dictionary(made.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
    }

    private init(index: SearchIndex, files: [String: [UInt8]], paths: [String]) {
        self.index = index
        self.files = files
        self.paths = paths
    }

    /// The output after the excerpt of the document from `source` went from `old` to `new` (its
    /// front matter unchanged): the postings of the words that came and went, and their shards
    /// written again, not the whole index. A common word coming or going changes no file (its
    /// excerpt postings are left out) while it stays common. Nil when a word would become common,
    /// or stop being so (meta.json and the other postings of that word change): make a new one.
    func replacingExcerpt(of source: String, from old: Excerpt, to new: Excerpt) -> SearchOutput? {
        guard let document = index.documents.firstIndex(where: { $0.source == source }) else { return nil }
        let before = Set(SearchFolding.terms(old.text)), after = Set(SearchFolding.terms(new.text))
        guard before != after else { return self }
        var changed = before.symmetricDifference(after)
        var updated = index
        let excerpt = UInt32(SearchIndex.Field.excerpt.rawValue)
        let threshold = SearchIndex.commonThreshold(documents: updated.documents.count)
        for term in changed {
            guard var counts = updated.commonCounts[term] else { continue }
            // Only a posting in the excerpt alone comes or goes: one elsewhere in the document
            // is kept without its excerpt bit either way.
            if updated.postings[term]?.position(of: document) == nil {
                let step = after.contains(term) ? 1 : -1
                counts.postings += step
                counts.excerptOnly += step
            }
            guard counts.isCommon(threshold: threshold) else { return nil }
            updated.commonCounts[term] = counts
            changed.remove(term)
        }
        guard !changed.isEmpty else { return SearchOutput(index: updated, files: files, paths: paths) }
        for term in changed {
            var list = updated.postings[term] ?? []
            let low = list.insertionPoint(of: document)
            let present = low < list.count && Int(list[low] >> 4) == document
            if after.contains(term) {
                if present { list[low] |= excerpt } else { list.insert(UInt32(document) << 4 | excerpt, at: low) }
                if list.count > threshold, list.reduce(0, { $0 + ($1 & 0xF == excerpt ? 1 : 0) }) > threshold { return nil }
            } else if present {
                if list[low] & 0x7 == 0 { list.remove(at: low) } else { list[low] &= ~excerpt }
            }
            updated.postings[term] = list.isEmpty ? nil : list
        }
        let count = SearchFiles.shardCount(documents: updated.documents.count)
        let shards = Set(changed.map { SearchFiles.shard(of: $0, count: count) })
        var terms: [Int: [String]] = [:]
        for term in updated.postings.keys {
            let shard = SearchFiles.shard(of: term, count: count)
            if shards.contains(shard) { terms[shard, default: []].append(term) }
        }
        var files = self.files
        for shard in shards { files[SearchFiles.shardPath(shard)] = SearchFiles.shardBytes(terms[shard] ?? [], updated) }
        return SearchOutput(index: updated, files: files, paths: paths)
    }
}

private extension Array where Element == UInt32 {
    /// Where document `document`'s posting is, or would go (postings are in document order).
    func insertionPoint(of document: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if Int(self[middle] >> 4) < document { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of document `document`'s posting, if it has one.
    func position(of document: Int) -> Int? {
        let at = insertionPoint(of: document)
        return at < count && Int(self[at] >> 4) == document ? at : nil
    }
}
