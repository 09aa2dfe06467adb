import MarqueeTemplates

/// `/reviews/<slug>/`: one page per published review.
enum ReviewPages {
    static func jobs(_ context: RenderContext) -> [RenderJob] {
        context.site.reviews.indices.map { index in
            let review = context.site.reviews[index]
            let route = Route.review(review.slug)
            return .page(route, kind: .review, origin: review.source, lastModified: review.date.rfc3339) { context in
                let site = context.site
                let review = site.reviews[index]
                let marks = context.models.marks
                let image = context.models.socialImage(of: review)
                let (json, description) = ReviewStructuredData.json(for: review, at: route, site: site, imageURL: image)
                var meta = PageMeta(title: review.title, description: review.excerpt.text, route: route, kind: .review,
                                    section: Route.archive, image: image, jsonLD: marks.container(.html(json), .jsonLD, of: index))
                meta.describedReview = index
                meta.language = review.language
                // Where the JSON-LD's description is inside it, for the build cache.
                let inner = description.map { range in
                    [BodyMarks.id(review: index, container: .jsonLD):
                        [MarkedRange(offset: range.lowerBound, length: range.count, id: BodyMarks.id(review: index, part: .excerptText), encoding: .json)]]
                } ?? [:]
                return (ReviewPageView(frame: context.models.frame(meta), review: context.models.reviewView(at: index)).templateValue, inner)
            }
        }
    }
}
