import Foundation

/// Groups the published reviews and articles into each taxonomy's terms. Names that differ only in case, accents
/// or spacing are one term ("Asghar Farhadi", "asghar  farhadi"; "Agnès Varda", "Agnes Varda"), shown
/// with the spelling used most; two really different names that would share a URL ("C++" and "C")
/// are an error naming both places.
struct TaxonomyBuilder {
    let reviews: [Review]
    var articles: [Article] = []

    func build(_ definition: TaxonomyDefinition, _ diagnostics: inout Diagnostics) -> Taxonomy {
        // Every name of every review passes through here once per taxonomy, so each is looked up
        // by its text once (`identityOfText`) and everything after goes by index: a String key
        // costs a hash of its bytes on every lookup, and a name used to cost eight of them.
        /// One spelling as written ("Agnès Varda"), made into a slug and folded once.
        struct Identity {
            let text: String
            let slug: String
            let folded: String
            /// It cannot be a term: no letters or digits (refused when read), or a slug too long for a folder name.
            let isRefused: Bool
            var draft: Int?
        }
        struct Draft {
            let slug: String
            /// Uses of each spelling (an index into `identities`), in order of first use.
            var spellings: [(identity: Int, uses: Int)] = []
            /// The first name of each folded spelling, in order of first use: two folded spellings
            /// on one slug are two names that would share a page.
            var firstOfFolded: [Name] = []
            var foldedSpellings: [String] = []
            var reviews: [Int] = []
            var articles: [Int] = []
            var total = 0
        }
        var identities: [Identity] = []
        var identityOfText: [String: Int] = [:]
        var drafts: [Draft] = []
        var draftOfSlug: [String: Int] = [:]
        var draftsOfReview: [[Int]] = Array(repeating: [], count: reviews.count)
        var draftsOfArticle: [[Int]] = Array(repeating: [], count: articles.count)
        var reported = Set<String>()

        func identity(of name: Name) -> Int {
            if let known = identityOfText[name.text] { return known }
            let slug = Slug.make(from: name.text)
            var isRefused = slug.isEmpty
            // The slug is the name of the term's folder: reported once, where the name first appears.
            if !isRefused, let tooLong = FileNameTooLong.check(slug, what: "the \(definition.singular.lowercased())", value: name.text) {
                isRefused = true
                if reported.insert("long|\(slug)").inserted {
                    diagnostics.error(name.location, tooLong.message, hint: FileNameTooLong.hint, stage: .assemble)
                }
            }
            identities.append(Identity(text: name.text, slug: slug, folded: Self.fold(name.text, accents: true), isRefused: isRefused))
            identityOfText[name.text] = identities.count - 1
            return identities.count - 1
        }

        // Reviews first, then articles (which have no rating to add to a term's average).
        let posts = reviews.indices.map { (Post.review($0), Self.names(of: reviews, at: $0, in: definition)) }
            + articles.indices.map { (Post.article($0), definition.readsNames ? articles[$0].names(definition.id) : []) }
        for (post, names) in posts {
            for name in names {
                let id = identity(of: name)
                guard !identities[id].isRefused else { continue }
                let d: Int
                if let known = identities[id].draft {
                    d = known
                } else {
                    let slug = identities[id].slug
                    if let existing = draftOfSlug[slug] { d = existing } else {
                        d = drafts.count
                        drafts.append(Draft(slug: slug))
                        draftOfSlug[slug] = d
                    }
                    identities[id].draft = d
                    // A new spelling of the slug: a new folded one is another name on the same page.
                    let folded = identities[id].folded
                    if !drafts[d].foldedSpellings.contains(folded) {
                        if let other = drafts[d].firstOfFolded.first, reported.insert("\(slug)|\(folded)").inserted {
                            diagnostics.error(name.location, "the \(definition.singular.lowercased()) '\(name.text)' and '\(other.text)' (\(other.location)) would share the page /\(definition.path)/\(slug)/",
                                              hint: "spell them the same way if they are one \(definition.singular.lowercased()), or tell them apart", stage: .assemble)
                        }
                        drafts[d].foldedSpellings.append(folded)
                        drafts[d].firstOfFolded.append(name)
                    }
                }
                // Changed in place (`drafts[d]`): copying a draft out and back would copy its list
                // of reviews on every name, quadratic in the reviews of a common term.
                if let spelling = drafts[d].spellings.firstIndex(where: { $0.identity == id }) {
                    drafts[d].spellings[spelling].uses += 1
                } else {
                    drafts[d].spellings.append((id, 1))
                }
                switch post {
                case .review(let index) where drafts[d].reviews.last != index:
                    drafts[d].reviews.append(index)
                    drafts[d].total += reviews[index].rating.halfSteps
                    draftsOfReview[index].append(d)
                case .article(let index) where drafts[d].articles.last != index:
                    drafts[d].articles.append(index)
                    draftsOfArticle[index].append(d)
                default: break
                }
            }
        }

        let unsorted = drafts.map { draft in
            // The spelling used most, then the alphabetically first, so the choice never depends on order.
            let most = draft.spellings.max { a, b in
                (a.uses, identities[b.identity].text) < (b.uses, identities[a.identity].text)
            }
            let name = most.map { identities[$0.identity].text } ?? draft.slug
            let key = most.map { identities[$0.identity].folded } ?? draft.slug
            return (key: key, term: Term(slug: draft.slug, name: name, reviews: draft.reviews, ratingHalfStepsTotal: draft.total, articles: draft.articles))
        }
        let isYears = !definition.readsNames
        let order = unsorted.indices.sorted { i, j in
            let (a, b) = (unsorted[i], unsorted[j])
            if isYears { return a.term.name > b.term.name } // newest film years first
            return a.key != b.key ? a.key < b.key : a.term.slug < b.term.slug
        }
        let terms = order.map { unsorted[$0].term }
        var positionOfDraft = [Int](repeating: 0, count: drafts.count)
        var position: [String: Int] = [:]
        position.reserveCapacity(terms.count)
        for (index, draft) in order.enumerated() {
            positionOfDraft[draft] = index
            position[drafts[draft].slug] = index
        }
        var taxonomy = Taxonomy(definition: definition, terms: terms, termsOfReview: draftsOfReview.map { $0.map { positionOfDraft[$0] } },
                                termIndex: position)
        taxonomy.termsOfArticle = draftsOfArticle.map { $0.map { positionOfDraft[$0] } }
        taxonomy.termOfName.reserveCapacity(identities.count)
        for identity in identities {
            if let draft = identity.draft { taxonomy.termOfName[identity.text] = positionOfDraft[draft] }
        }
        taxonomy.makeTermRoutes()
        return taxonomy
    }

    /// The names review `index` files under a taxonomy, read in place: passing `reviews[index]`
    /// whole would copy the review (its thirty fields' references retained and released), once per
    /// review per taxonomy.
    static func names(of reviews: [Review], at index: Int, in definition: TaxonomyDefinition) -> [Name] {
        guard definition.readsNames else {
            return reviews[index].year.map { [Name(text: String($0), location: reviews[index].keyLocations["year"] ?? SourceLocation(path: reviews[index].source))] } ?? []
        }
        return reviews[index].terms[definition.id] ?? []
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
