import Foundation

/// Groups the published reviews and articles into each taxonomy's terms. Names that differ only in case, accents
/// or spacing are one term ("Asghar Farhadi", "asghar  farhadi"; "Agnès Varda", "Agnes Varda"), shown
/// with the spelling used most; two really different names that would share a URL ("C++" and "C")
/// are an error naming both places.
struct TaxonomyBuilder {
    let reviews: [Review]
    var articles: [Article] = []

    func build(_ definition: TaxonomyDefinition, _ diagnostics: inout Diagnostics) -> Taxonomy {
        struct Draft {
            var spellings: [String: Int] = [:]
            var firstSpelling: [String: Name] = [:]
            var reviews: [Int] = []
            var articles: [Int] = []
            var total = 0
        }
        var drafts: [String: Draft] = [:]
        var slugsOfReview: [[String]] = Array(repeating: [], count: reviews.count)
        var slugsOfArticle: [[String]] = Array(repeating: [], count: articles.count)
        var reported = Set<String>()
        // The same names recur across thousands of reviews: slug and fold each spelling once.
        var identities: [String: (slug: String, folded: String)] = [:]

        // Reviews first, then articles (which have no rating to add to a term's average).
        let posts = reviews.indices.map { (Post.review($0), Self.names(of: reviews[$0], in: definition)) }
            + articles.indices.map { (Post.article($0), definition.readsNames ? articles[$0].names(definition.id) : []) }
        for (post, names) in posts {
            for name in names {
                let identity = identities[name.text] ?? (Slug.make(from: name.text), Self.fold(name.text, accents: true))
                identities[name.text] = identity
                let (slug, folded) = identity
                guard !slug.isEmpty else { continue } // names without letters or digits were refused when read
                // The slug is the name of the term's folder: reported once, where the name first appears.
                if let tooLong = FileNameTooLong.check(slug, what: "the \(definition.singular.lowercased())", value: name.text) {
                    if reported.insert("long|\(slug)").inserted {
                        diagnostics.error(name.location, tooLong.message, hint: FileNameTooLong.hint, stage: .assemble)
                    }
                    continue
                }
                // The draft is changed in place (`drafts[slug, default:]`): copying it out and back would
                // copy its list of reviews on every name, quadratic in the reviews of a common term.
                let spellings = drafts[slug]?.firstSpelling
                if let other = spellings?.first(where: { $0.key != folded })?.value, spellings?[folded] == nil,
                   reported.insert("\(slug)|\(folded)").inserted {
                    diagnostics.error(name.location, "the \(definition.singular.lowercased()) '\(name.text)' and '\(other.text)' (\(other.location)) would share the page /\(definition.path)/\(slug)/",
                                      hint: "spell them the same way if they are one \(definition.singular.lowercased()), or tell them apart", stage: .assemble)
                }
                if spellings?[folded] == nil { drafts[slug, default: Draft()].firstSpelling[folded] = name }
                drafts[slug, default: Draft()].spellings[name.text, default: 0] += 1
                switch post {
                case .review(let index) where drafts[slug]?.reviews.last != index:
                    drafts[slug, default: Draft()].reviews.append(index)
                    drafts[slug, default: Draft()].total += reviews[index].rating.halfSteps
                    slugsOfReview[index].append(slug)
                case .article(let index) where drafts[slug]?.articles.last != index:
                    drafts[slug, default: Draft()].articles.append(index)
                    slugsOfArticle[index].append(slug)
                default: break
                }
            }
        }

        var terms = drafts.map { slug, draft in
            // The spelling used most, then the alphabetically first, so the choice never depends on order.
            let name = draft.spellings.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? slug
            return Term(slug: slug, name: name, reviews: draft.reviews, ratingHalfStepsTotal: draft.total, articles: draft.articles)
        }
        let isYears = !definition.readsNames
        let keyed = terms.map { (key: isYears ? $0.name : identities[$0.name]?.folded ?? Self.fold($0.name, accents: true), term: $0) } // folded once
        terms = keyed.sorted { a, b in
            if isYears { return a.key > b.key } // newest film years first
            return a.key != b.key ? a.key < b.key : a.term.slug < b.term.slug
        }.map(\.term)
        var position: [String: Int] = [:]
        for (index, term) in terms.enumerated() { position[term.slug] = index }
        let termsOfReview = slugsOfReview.map { $0.compactMap { position[$0] } }
        var taxonomy = Taxonomy(definition: definition, terms: terms, termsOfReview: termsOfReview, termIndex: position)
        taxonomy.termsOfArticle = slugsOfArticle.map { $0.compactMap { position[$0] } }
        for (name, identity) in identities { taxonomy.termOfName[name] = position[identity.slug] }
        taxonomy.makeTermRoutes()
        return taxonomy
    }

    /// The names a review files under a taxonomy.
    static func names(of review: Review, in definition: TaxonomyDefinition) -> [Name] {
        guard definition.readsNames else {
            return review.year.map { [Name(text: String($0), location: review.location(of: "year"))] } ?? []
        }
        return review.names(definition.id)
    }

    /// Case and spacing folded (and accents, for sorting): the identity of a term.
    static func fold(_ text: String, accents: Bool = false) -> String {
        // ASCII has no accents or widths to fold: collapsing spaces and lowercasing is the whole job,
        // without Foundation's folding (which costs microseconds a call).
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.collapsingWhitespace().lowercased() }
        return foldedByFoundation(text, accents: accents)
    }

    static func foldedByFoundation(_ text: String, accents: Bool) -> String {
        let options: String.CompareOptions = accents ? [.caseInsensitive, .diacriticInsensitive, .widthInsensitive] : [.caseInsensitive]
        return text.collapsingWhitespace().folding(options: options, locale: nil).lowercased()
    }
}
