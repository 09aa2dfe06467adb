import MarqueeTemplates

/// `/ratings/`: every review in one table, best first, and a chart of how the ratings are spread,
/// drawn at build time as inline SVG (no JavaScript), with the same counts in text.
enum RatingsPage {
    static func jobs(_ context: RenderContext) -> [RenderJob] {
        [.page(Route.ratings, kind: .ratings, origin: "ratings page", lastModified: context.site.reviews.first?.date.rfc3339) { view($0).templateValue }]
    }

    static func view(_ context: RenderContext) -> RatingsPageView {
        let site = context.site
        let scale = site.config.ratingScale
        let t = site.config.translation
        let keys = site.reviews.map { TaxonomyBuilder.fold($0.movie, accents: true) } // folded once, not per comparison
        // Fields read in place: a `let` of each review would copy it, a reference counted for
        // each of its fields, twice per comparison.
        let order = site.reviews.indices.sorted { a, b in
            if site.reviews[a].rating != site.reviews[b].rating { return site.reviews[a].rating > site.reviews[b].rating }
            return keys[a] != keys[b] ? keys[a] < keys[b] : site.reviews[a].slug < site.reviews[b].slug
        }
        typealias ID = TaxonomyDefinition.ID
        let makerIDs = [ID.directors, ID.authors, ID.artists]
        var makerKinds = Set<String>()
        let rows = order.map { index in
            let review = site.reviews[index]
            let maker = makerIDs.first { !review.names($0).isEmpty }
            if let maker { makerKinds.insert(maker) }
            return RatingsRowView(entry: context.models.entries[index], directors: context.models.nameLinks(review.names(ID.directors), ID.directors),
                                  makers: maker.map { context.models.nameLinks(review.names($0), $0) } ?? [])
        }
        let workLabels = Set(site.reviews.map { $0.workLabel ?? WorkType.film.label })
        let workTitle = workLabels.count == 1 ? t.workLabel(workLabels.first ?? WorkType.film.label, siteKinds: site.config.workTypes) : t.word("ratings.work")
        let makersTitle = makerKinds.count > 1 ? t.word("ratings.by")
            : (site.taxonomies.first { $0.definition.id == makerKinds.first ?? ID.directors }?.definition
               ?? TaxonomyDefinition.builtIn(makerKinds.first ?? ID.directors).map(t.translating))?.singular ?? t.word("ratings.by")
        let frame = context.models.frame(PageMeta(title: t.word("ratings.title"), description: t.phrase("ratings.description", ["site": site.config.title]),
                                                  route: Route.ratings, kind: .ratings))
        return RatingsPageView(frame: frame, ratings: RatingsView(reviews: rows, scale: scale, chart: RatingChartView(site.reviews.map(\.rating), scale: scale, translation: t),
                                                                  makersTitle: makersTitle, workTitle: workTitle,
                                                                  caption: t.phrase("ratings.caption", ["reviews": t.reviews(rows.count)])))
    }
}
