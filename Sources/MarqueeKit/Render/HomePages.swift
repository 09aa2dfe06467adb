/// `/`, `/page/2/`, …: every published review, newest first, `paginate` to a page.
enum HomePages {
    static func render(_ context: RenderContext) -> ([OutputFile], [Diagnostic]) {
        let site = context.site
        let reviews = Array(site.reviews.indices)
        return ReviewListPages.render(context, reviews: reviews, segments: [], template: "home", kind: "home", origin: "home page") { number in
            (title: number == 1 ? nil : "Latest reviews, page \(number)",
             heading: number == 1 ? "Latest reviews" : "Latest reviews, page \(number)",
             description: site.config.description ?? "", extra: [:])
        }
    }
}

/// A paginated list of review cards: the home page and every taxonomy term page.
enum ReviewListPages {
    typealias Header = (title: String?, heading: String, description: String, extra: [String: Any])

    static func render(_ context: RenderContext, reviews: [Int], segments: [String], template: String, kind: String,
                       origin: String, section: Route? = nil, header: (Int) -> Header) -> ([OutputFile], [Diagnostic]) {
        let site = context.site
        let pagination = Pagination(itemCount: reviews.count, size: site.config.paginate)
        let links = site.permalinks
        let results = (1...pagination.pageCount).map { number -> Result<OutputFile, Diagnostic> in
            let route = Route.listPage(segments, number)
            let head = header(number)
            var model = context.models.pageModel(PageMeta(title: head.title, description: head.description, route: route, kind: kind, section: section))
            let slice = pagination.range(ofPage: number).map { reviews[$0] }
            var list: [String: Any] = [
                "title": head.heading,
                "reviews": slice.map { context.models.cards[$0] },
                "count": reviews.count,
            ]
            list.merge(head.extra) { $1 }
            model["list"] = list
            model["pagination"] = pagination.model(page: number) { links.link(Route.listPage(segments, $0)) }
            // A list changes when its newest review does.
            let lastModified = slice.first.map { site.reviews[$0].date.rfc3339 }
            return context.page(template, model, route: route, origin: origin, lastModified: lastModified)
        }
        return collect(results)
    }
}
