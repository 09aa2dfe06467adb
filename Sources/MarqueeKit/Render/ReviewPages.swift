/// `/reviews/<slug>/`: one page per published review.
enum ReviewPages {
    static func render(_ context: RenderContext) -> ([OutputFile], [Diagnostic]) {
        let site = context.site
        let results = ConcurrentMap.map(Array(site.reviews.indices)) { index -> Result<OutputFile, Diagnostic> in
            let review = site.reviews[index]
            let route = Route.review(review.slug)
            let image = review.image.map { site.permalinks.baseURL + String(context.models.imageLink($0, of: review).dropFirst(site.permalinks.basePath.count)) }
            let meta = PageMeta(title: review.title, description: review.excerpt.text, route: route, kind: "review",
                                section: Route.archive, image: image,
                                jsonLD: ReviewStructuredData.json(for: review, site: site, imageURL: image))
            var model = context.models.pageModel(meta)
            model["review"] = context.models.reviewModel(at: index)
            return context.page("review", model, route: route, origin: review.source, lastModified: review.date.rfc3339)
        }
        return collect(results)
    }
}
