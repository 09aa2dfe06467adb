/// `/reviews/<slug>/`: one page per published review.
enum ReviewPages {
    static func render(_ context: RenderContext) -> ([OutputFile], [Diagnostic]) {
        let site = context.site
        let results = ConcurrentMap.map(Array(site.reviews.indices)) { index -> Result<OutputFile, Diagnostic> in
            let review = site.reviews[index]
            let route = Route.review(review.slug)
            var model = context.models.pageModel(title: review.title, description: review.excerpt.text, route: route, kind: "review")
            model["review"] = context.models.reviewModel(at: index)
            return context.page("review", model, route: route, origin: review.source)
        }
        return collect(results)
    }
}
