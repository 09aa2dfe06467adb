import Foundation

/// The index as the files the client fetches, under `search/` (format version 3):
///
/// - `meta.json`: the format version, the number of documents and of documents per file, the
///   rating scale, the number of term shards, the common words (`SearchIndex.common`: their
///   excerpt postings are left out, and a result need not have them), and the filters' values: `ratings` is
///   `[halfSteps, n]` for each rating given (the first n documents are rated at least that),
///   `categories` `[name, documents]`, `decades` `[decade, documents]`.
/// - `terms/<shard>.json`: `{"terms":{…},"results":{…}}`. `terms`: terms with their postings,
///   `d << 4 | fields`, `d` the document number for the first and the distance from the one
///   before for the rest (`SearchIndex.Field` bits). A term's shard is a hash of its first three
///   characters (`shard(of:count:)`), so the terms a prefix of three or more matches are in one
///   file (a shorter last word matches whole, as a prefix it would need many); the number of
///   shards depends on the number of documents only, so an edit to a body never adds or removes a
///   file, it only changes some. `results`: document number → the row `docs/` has for it, for
///   each term's first results (`leaders(of:)`), so that most queries need no `docs/` file at
///   all: a query's first page lies in the shards it fetched, where its ten results would
///   otherwise be spread over as many `docs/` files as there are results.
/// - `docs/<n>.json`: documents n × perFile onwards, each `[title, url, halfSteps, year, thumbnail]`
///   (url and thumbnail relative to the base URL; null where there is none).
/// - `filters/c<i>.json`, `filters/d<decade>.json`: the documents of category i or of a decade,
///   delta-encoded, fetched only when that filter is chosen.
///
/// JSON written by hand, keys in a fixed order, integers only: the same bytes every build.
enum SearchFiles {
    static let folder = "search/"
    static let version = 3
    /// Documents per `docs/` file. Ten: the results of a query of several words that its shards'
    /// leaders do not hold are spread over the site (numbered by rating and date, not by word), so
    /// a page of ten usually takes one file per result, and a file of ten rows is a fifth of one
    /// of a hundred once gzipped. Measured at 10,000 reviews (scripts/search-random-visits.py):
    /// a word added from the same title went from a median of 13.1 KB fetched (56 of 96 visits
    /// over 10 KB) with a hundred to 6.2 KB (1 of 96) with ten, for 900 files more (their cost:
    /// docs/developers/performance.md, 4 December 2026).
    static let perFile = 10

    /// Path (relative to the output folder) → bytes, sorted by path.
    static func files(_ index: SearchIndex) -> [(path: String, bytes: [UInt8])] {
        let count = shardCount(documents: index.documents.count)
        var shards = Array(repeating: [String](), count: count)
        for term in index.postings.keys { shards[shard(of: term, count: count)].append(term) }
        // Each document's row once: a shard has the rows of its terms' leaders, so a document's
        // row is in a few shards, and in its docs/ file.
        let rows = ConcurrentMap.map(Array(index.documents.indices)) { row(of: index.documents[$0]) }
        // Each shard on its own core: the postings are most of the index's bytes.
        var files: [(path: String, bytes: [UInt8])] = ConcurrentMap.map(Array(shards.enumerated())) { name, terms in
            (shardPath(name), shardBytes(terms, index, rows: rows))
        }
        for start in stride(from: 0, to: index.documents.count, by: perFile) {
            let documents = start..<min(start + perFile, index.documents.count)
            var out: [UInt8] = [UInt8(ascii: "[")]
            for document in documents {
                if document > start { out += ",\n".utf8 }
                out += rows[document]
            }
            out += "]\n".utf8
            files.append((documentsPath(start / perFile), out))
        }
        for (position, category) in index.categories.enumerated() {
            files.append((categoryPath(position), Array((deltas(category.documents) + "\n").utf8)))
        }
        for decade in index.decades {
            files.append((decadePath(decade.decade), Array((deltas(decade.documents) + "\n").utf8)))
        }
        let ratings = Set(index.documents.compactMap { $0.rating?.halfSteps }).sorted(by: >)
            .map { "[\($0),\(index.documentsRated(atLeast: $0))]" }
        let meta = "{\"version\":\(version),\"documents\":\(index.documents.count),\"perFile\":\(perFile),\"scale\":\(index.scale),"
            + "\"shards\":\(count),"
            + "\"common\":[\(index.common.map(quoted).joined(separator: ","))],"
            + "\"ratings\":[\(ratings.joined(separator: ","))],"
            + "\"categories\":[\(index.categories.map { "[\(quoted($0.name)),\($0.documents.count)]" }.joined(separator: ","))],"
            + "\"decades\":[\(index.decades.map { "[\($0.decade),\($0.documents.count)]" }.joined(separator: ","))]}\n"
        files.append((metaPath, Array(meta.utf8)))
        return files.sorted { $0.path < $1.path }
    }

    // Each file's name, for `files(_:)` and `paths(of:)` alike.
    static let metaPath = "\(folder)meta.json"
    static func shardPath(_ shard: Int) -> String { "\(folder)terms/\(shard).json" }
    private static func documentsPath(_ file: Int) -> String { "\(folder)docs/\(file).json" }
    private static func categoryPath(_ position: Int) -> String { "\(folder)filters/c\(position).json" }
    private static func decadePath(_ decade: Int) -> String { "\(folder)filters/d\(decade).json" }

    /// The paths `files(_:)` writes for `site`, sorted, known without making the index: the
    /// render stage lists its jobs while the index is still being made.
    static func paths(of site: Site) -> [String] {
        let documents = site.reviews.count + site.articles.count
        var paths = [metaPath]
        paths += (0..<shardCount(documents: documents)).map(shardPath)
        paths += stride(from: 0, to: documents, by: perFile).map { documentsPath($0 / perFile) }
        let categories = site.taxonomies.first { $0.definition.id == TaxonomyDefinition.ID.categories }?.terms.count ?? 0
        paths += (0..<categories).map(categoryPath)
        paths += Set(site.reviews.compactMap(\.year).map(SearchIndex.decade(of:))).map(decadePath)
        return paths.sorted()
    }

    /// A shard's file: its terms, sorted, with their postings, and the rows of their leaders
    /// (each document once, by number).
    static func shardBytes(_ terms: [String], _ index: SearchIndex, rows: [[UInt8]]? = nil) -> [UInt8] {
        var out: [UInt8] = Array("{\"terms\":{".utf8)
        var results = Set<Int>()
        for (position, term) in terms.sorted().enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            JSONValue.writeString(term, to: &out)
            out.append(UInt8(ascii: ":"))
            let postings = index.postings[term] ?? []
            appendPostings(postings, to: &out)
            results.formUnion(leaders(of: postings))
        }
        out += "},\"results\":{".utf8
        for (position, document) in results.sorted().enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            appendDecimal(document, to: &out)
            out += "\":".utf8
            out += rows?[document] ?? row(of: index.documents[document])
        }
        out += "}}\n".utf8
        return out
    }

    /// Rows a shard carries per term: the client's first page of results for a one-word query
    /// (ten), and as many again, so that a word added to it (`ashes` → `ashes of`) more often finds
    /// its first page in the shards it fetched. Measured at 10,000 reviews (scripts/bench-search.sh,
    /// the #20 note): twenty rather than ten took `ashes of` from 12.2 to 3.3 KB and `tender
    /// night` from 13.7 to 11.3, for 0.6–1.2 KB more on a one-word query.
    static let leadersPerTerm = 20

    /// The documents a one-word query for this term shows first, among those that have it outside
    /// their excerpt: by field (title, then credit, then tag, as the client weighs them), then by
    /// number (`leadersPerTerm` of them). A prefix query's first page is among its terms' leaders
    /// too, since a document's score there is its best field. Documents found in the excerpt
    /// alone are left to `docs/`: every rare word of every excerpt would carry its rows, many
    /// times the index, and an edit to a body would change rows in shards.
    static func leaders(of postings: [UInt32]) -> [Int] {
        var byField: [[Int]] = [[], [], []] // title, credit, tag
        for posting in postings {
            let fields = posting & 0x7
            guard fields != 0 else { continue }
            let field = fields & 1 != 0 ? 0 : fields & 2 != 0 ? 1 : 2
            if byField[field].count < leadersPerTerm { byField[field].append(Int(posting >> 4)) }
        }
        return Array(byField.joined().prefix(leadersPerTerm))
    }

    /// `[title, url, halfSteps, year, thumbnail]`, null where there is none.
    private static func row(of document: SearchIndex.Document) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        JSONValue.writeString(document.title, to: &out)
        out.append(UInt8(ascii: ","))
        JSONValue.writeString(document.url, to: &out)
        out.append(UInt8(ascii: ","))
        if let rating = document.rating { appendDecimal(rating.halfSteps, to: &out) } else { out += "null".utf8 }
        out.append(UInt8(ascii: ","))
        if let year = document.year { appendDecimal(year, to: &out) } else { out += "null".utf8 }
        out.append(UInt8(ascii: ","))
        if let thumbnail = document.thumbnail { JSONValue.writeString(thumbnail, to: &out) } else { out += "null".utf8 }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// `value` in decimal digits, written in place (a minus sign first when it is negative).
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var rest = value.magnitude
        if rest < 10 { return out.append(UInt8(ascii: "0") + UInt8(rest)) }
        // The digits from the last, into a buffer on the stack (20 hold any Int).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var at = 20
            repeat {
                at -= 1
                digits[at] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[at...]))
        }
    }

    /// The shard holding a term: FNV-1a (32 bits) of the UTF-8 of its first three scalars, modulo
    /// the number of shards (`search.js` computes the same).
    static func shard(of term: String, count: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        for byte in String(String.UnicodeScalarView(term.unicodeScalars.prefix(prefixLength))).utf8 {
            hash = (hash ^ UInt32(byte)) &* 0x0100_0193
        }
        return Int(hash % UInt32(count))
    }

    /// The scalars of a term that pick its shard; the client matches the last word of a query as a
    /// prefix only when it has at least as many.
    static let prefixLength = 3

    /// About one shard per 8 documents, a power of two from 16 to 16,384: a query fetches one
    /// shard per word, a few KB however large the site (up to 130,000 documents), and a small site
    /// gets few files.
    static func shardCount(documents: Int) -> Int {
        var count = 16
        while count < 16384, count * 8 < documents { count *= 2 }
        return count
    }

    private static func quoted(_ text: String) -> String {
        "\"" + JSONValue.stringBody(text) + "\""
    }

    /// `[d << 4 | fields, …]` with `d` the distance from the document before, digits written by hand.
    private static func appendPostings(_ postings: [UInt32], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        var previous: UInt32 = 0
        for (position, posting) in postings.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            let document = posting >> 4
            appendDecimal(Int((document - previous) << 4 | (posting & 0xF)), to: &out)
            previous = document
        }
        out.append(UInt8(ascii: "]"))
    }

    private static func deltas(_ documents: [Int]) -> String {
        var previous = 0
        return "[" + documents.map { document in
            defer { previous = document }
            return String(document - previous)
        }.joined(separator: ",") + "]"
    }
}
