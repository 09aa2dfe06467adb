import MarqueeTemplates

/// `/reviews/<slug>/`: one page per published review.
enum ReviewPages {
    static func jobs(_ context: RenderContext) -> [RenderJob] {
        context.site.reviews.indices.map { index in
            let review = context.site.reviews[index]
            let route = Route.review(review.slug)
            return .page(route, kind: .review, origin: review.source, lastModified: review.date.rfc3339, showsBodiesOf: [index]) { context in
                let site = context.site
                let review = site.reviews[index]
                let image = review.image.map { site.permalinks.baseURL + String(context.models.imageLink($0, of: review).dropFirst(site.permalinks.basePath.count)) }
                var meta = PageMeta(title: review.title, description: review.excerpt.text, route: route, kind: .review,
                                    section: Route.archive, image: image,
                                    jsonLD: ReviewStructuredData.json(for: review, at: index, site: site, imageURL: image, marks: context.models.marks))
                meta.describedReview = index
                return ReviewPageView(frame: context.models.frame(meta), review: context.models.reviewView(at: index)).templateValue
            }
        }
    }
}
