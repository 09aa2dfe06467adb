/// What the site's search knows, made from the assembled site (never from its HTML): for every
/// published review and article, the terms of its title, work, original title, credits, tags,
/// categories, year and excerpt (`SearchFolding`), each with the fields it was found in; and what a
/// result shows (title, link, rating, year, thumbnail) and what the filters need.
///
/// Documents are numbered in the order results are ranked when they match as well: reviews by
/// rating, best first, then newest first; then the articles, newest first. So the client ranks by
/// fields and then by number alone, and "rated at least 4" is the documents before one number.
struct SearchIndex: Equatable {
    /// Where a term was found, as a bit mask: ranking puts title and work before credits, before
    /// tags and categories, before the excerpt.
    enum Field: UInt8 {
        case title = 1
        case credit = 2
        case tag = 4
        case excerpt = 8
    }

    struct Document: Equatable {
        var title: String
        /// Relative to the base URL: "reviews/baran/".
        var url: String
        /// Nil for an article.
        var rating: Rating?
        var year: Int?
        /// Relative to the base URL; nil without a resized poster.
        var thumbnail: String?
        /// Where the review or article came from, for the build cache.
        var source: String
    }

    var documents: [Document]
    /// Term → its postings in document order, each `document << 4 | fields`.
    var postings: [String: [UInt32]]
    /// Words in the excerpts of so many documents (`CommonCount.isCommon`) that finding them there
    /// tells a reader nothing ("the", "film"): their excerpt postings are left out, the others
    /// kept, and the client does not require them of a result. Each with what made it common,
    /// kept so that an excerpt edit can tell whether it still is (`SearchOutput.replacingExcerpt`):
    /// its postings, and those in an excerpt alone.
    var commonCounts: [String: CommonCount] = [:]

    /// The common words, sorted.
    var common: [String] { commonCounts.keys.sorted() }

    struct CommonCount: Equatable {
        var postings: Int
        var excerptOnly: Int

        func isCommon(threshold: Int) -> Bool { postings > threshold && excerptOnly > threshold }
    }
    /// Per category (in the taxonomy's order): its name, slug and documents, ascending.
    var categories: [(name: String, slug: String, documents: [Int])]
    /// Per decade ("1990"), ascending: its documents, ascending.
    var decades: [(decade: Int, documents: [Int])]
    var scale: Int

    static func == (a: SearchIndex, b: SearchIndex) -> Bool {
        a.documents == b.documents && a.postings == b.postings && a.commonCounts == b.commonCounts && a.scale == b.scale && a.decades.map(\.decade) == b.decades.map(\.decade)
            && a.decades.map(\.documents) == b.decades.map(\.documents) && a.categories.map(\.slug) == b.categories.map(\.slug)
            && a.categories.map(\.documents) == b.categories.map(\.documents)
    }

    init(_ site: Site) {
        scale = site.config.ratingScale
        // Reviews are newest first already: a stable sort by rating keeps that within a rating.
        let reviewOrder = site.reviews.indices.sorted { a, b in
            let (x, y) = (site.reviews[a].rating.halfSteps, site.reviews[b].rating.halfSteps)
            return x != y ? x > y : a < b
        }
        let creditIDs = Set(TaxonomyDefinition.defaults.filter(\.isCredit).map(\.id) + site.taxonomies.filter(\.definition.isCredit).map(\.definition.id))
        var documents: [Document] = []
        var texts: [[(field: Field, texts: [String])]] = [] // per document, folded below on every core
        var documentOfReview = Array(repeating: 0, count: site.reviews.count)
        for index in reviewOrder {
            let review = site.reviews[index]
            documentOfReview[index] = documents.count
            var credits: [String] = [], tags: [String] = review.year.map { [String($0)] } ?? []
            for (taxonomy, names) in review.terms.sorted(by: { $0.key < $1.key }) {
                if creditIDs.contains(taxonomy) { credits += names.map(\.text) } else { tags += names.map(\.text) }
            }
            var titles = [review.title, review.movie]
            if case .string(let original)? = review.params["original_title"] { titles.append(original) }
            texts.append([(.title, titles), (.credit, credits), (.tag, tags), (.excerpt, [review.excerpt.text])])
            documents.append(Document(title: review.title, url: Route.review(review.slug).url, rating: review.rating, year: review.year,
                                      thumbnail: Self.thumbnail(of: review, site), source: review.source))
        }
        let firstArticle = documents.count
        for article in site.articles {
            let tags = article.terms.sorted(by: { $0.key < $1.key }).flatMap { $0.value.map(\.text) }
            texts.append([(.title, [article.title]), (.tag, tags), (.excerpt, [article.excerpt.text])])
            documents.append(Document(title: article.title, url: Route.article(article.slug).url, rating: nil, year: nil,
                                      thumbnail: nil, source: article.source))
        }
        // Each core folds a run of documents into postings of its own, by term number (a word
        // seen again in the same document adds its field to the last posting); the runs are in
        // document order, so their postings are joined as they are, and a String is made once
        // per term, not per word.
        let runs = ConcurrentMap.map(ConcurrentMap.ranges(of: texts.count, atLeast: 64)) { range -> (terms: TermTable, postings: [[UInt32]]) in
            var terms = TermTable()
            var postings: [[UInt32]] = []
            for document in range {
                let id = UInt32(document) << 4
                for (field, list) in texts[document] {
                    let mask = UInt32(field.rawValue)
                    for text in list {
                        SearchFolding.forEachTermBytes(text) { term in
                            let number = terms.number(of: term)
                            if number == postings.count { postings.append([]) }
                            postings[number].add(id, mask)
                        }
                    }
                }
            }
            return (terms, postings)
        }
        var all = TermTable()
        var joined: [[UInt32]] = []
        for run in runs {
            for number in run.postings.indices {
                let global = run.terms.withBytes(of: number) { all.number(of: $0) }
                if global == joined.count { joined.append(run.postings[number]) } else { joined[global] += run.postings[number] }
            }
        }
        var postings: [String: [UInt32]] = [:]
        postings.reserveCapacity(joined.count)
        for (number, list) in joined.enumerated() { postings[all.term(number)] = list }

        // Common words: only where they are more than excerpt words (a title's "The").
        let threshold = Self.commonThreshold(documents: documents.count)
        var commonCounts: [String: CommonCount] = [:]
        for (term, list) in postings where list.count > threshold {
            let counts = CommonCount(postings: list.count, excerptOnly: list.reduce(0, { $0 + ($1 & 0xF == UInt32(Field.excerpt.rawValue) ? 1 : 0) }))
            if counts.isCommon(threshold: threshold) { commonCounts[term] = counts }
        }
        for term in commonCounts.keys {
            let kept = (postings[term] ?? []).compactMap { posting -> UInt32? in posting & 0x7 == 0 ? nil : posting & ~UInt32(Field.excerpt.rawValue) }
            postings[term] = kept.isEmpty ? nil : kept
        }
        self.commonCounts = commonCounts
        self.documents = documents
        self.postings = postings

        var decades: [Int: [Int]] = [:]
        for (index, review) in site.reviews.enumerated() {
            if let year = review.year { decades[Self.decade(of: year), default: []].append(documentOfReview[index]) }
        }
        self.decades = decades.keys.sorted().map { ($0, (decades[$0] ?? []).sorted()) }
        let categories = site.taxonomies.first { $0.definition.id == TaxonomyDefinition.ID.categories }
        self.categories = (categories?.terms ?? []).map { term in
            (term.name, term.slug, (term.reviews.map { documentOfReview[$0] } + term.articles.map { firstArticle + $0 }).sorted())
        }
    }

    /// A fingerprint of the terms an excerpt gives the index (each once, in order): a body edit
    /// that keeps it leaves every file of the index as it was, since the rest of a document's
    /// terms come from its front matter.
    ///
    /// Made from each distinct term's own stable hash, sorted, with no String made for a term: the
    /// build cache takes it of every review after a full build.
    static func excerptDigest(_ excerpt: Excerpt) -> UInt64 {
        var terms = Set<UInt64>()
        SearchFolding.forEachTermBytes(excerpt.text) { bytes in
            var term = StableHash()
            term.combine(bytes: bytes)
            terms.insert(term.value)
        }
        var hash = StableHash()
        for term in terms.sorted() { hash.combine(Int(bitPattern: UInt(term))) }
        return hash.value
    }

    /// A word is common when the excerpts of more than an eighth of the documents have it (and
    /// more than 100: a small site keeps every word).
    static func commonThreshold(documents: Int) -> Int {
        max(documents / 8, 100)
    }

    /// The decade a year is in: 1990 for 1997, -10 for -3.
    static func decade(of year: Int) -> Int {
        year - ((year % 10) + 10) % 10
    }

    /// The number of documents rated `halfSteps` or better: they come first.
    func documentsRated(atLeast halfSteps: Int) -> Int {
        documents.prefix { ($0.rating?.halfSteps ?? -1) >= halfSteps }.count
    }

    /// The smallest resized variant of a review's local poster (a thumbnail is small).
    private static func thumbnail(of review: Review, _ site: Site) -> String? {
        guard let image = review.image, case .local(let path) = ImageReference(image, postSource: review.source),
              let processed = site.images.images[path] else { return nil }
        return (processed.own.isEmpty ? processed.webp : processed.own).min { $0.width < $1.width }.map { $0.path.split(separator: "/").map { Permalinks.encode(String($0)) }.joined(separator: "/") }
    }
}

private extension Array where Element == UInt32 {
    /// A posting of `id` (`document << 4`) with `mask`, merged into the last when it is the same document's.
    mutating func add(_ id: UInt32, _ mask: UInt32) {
        if let last, last >> 4 == id >> 4 { self[count - 1] = last | mask } else { append(id | mask) }
    }
}
