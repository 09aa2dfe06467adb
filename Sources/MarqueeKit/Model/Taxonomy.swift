/// One term of a taxonomy ("Majid Majidi" of directors) and the reviews filed under it.
public struct Term: Hashable, Sendable {
    public var slug: String
    /// The spelling used most often across the reviews.
    public var name: String
    /// Indexes into `Site.reviews`, newest first.
    public var reviews: [Int]
    /// Sum of the reviews' ratings in half steps, for the average shown on the term page.
    public var ratingHalfStepsTotal: Int
    /// Indexes into `Site.articles` filed under it, newest first (they have no rating).
    public var articles: [Int] = []

    public var averageRating: Double {
        reviews.isEmpty ? 0 : Double(ratingHalfStepsTotal) / Double(reviews.count) / 2
    }
}

/// A taxonomy with its terms sorted by name, ready to render.
public struct Taxonomy: Sendable {
    public var definition: TaxonomyDefinition
    /// Sorted by name, accents and case folded ("Agnès" sorts with "Agnes", before "Asghar").
    public var terms: [Term]
    /// `termsOfReview[i]`: indexes into `terms` of review i's terms, in the order the writer gave them.
    public var termsOfReview: [[Int]]
    /// `termsOfArticle[i]`: the same for article i.
    public var termsOfArticle: [[Int]] = []
    /// Slug → index into `terms`.
    public var termIndex: [String: Int]
    /// Each spelling used in front matter → index into `terms` (saves making slugs again while rendering).
    public var termOfName: [String: Int] = [:]

    /// The term a name files under, when it is one.
    public func term(named name: String) -> Int? {
        termOfName[name] ?? termIndex[Slug.make(from: name)]
    }

    /// Page 1 of each term, made once (`termRoutes`, in the order of `terms`): every card and
    /// review page links to its terms.
    public var termRoutes: [Route] = []

    public func route(ofTerm index: Int, page: Int = 1) -> Route {
        if page <= 1, termRoutes.count == terms.count, termRoutes.indices.contains(index) { return termRoutes[index] }
        return Route.listPage([definition.path, terms[index].slug], page)
    }

    /// Makes `termRoutes` again after `terms` changed.
    mutating func makeTermRoutes() {
        termRoutes = terms.map { Route(folder: [definition.path, $0.slug]) }
    }

    public var indexRoute: Route { Route(folder: [definition.path]) }
}
