/// `/`, `/page/2/`, …: every published review, newest first, `paginate` to a page.
enum HomePages {
    static func jobs(_ context: RenderContext) -> [RenderJob] {
        let description = context.site.config.description ?? ""
        return ReviewListPages.jobs(context, reviews: Array(context.site.reviews.indices), segments: [], template: "home", kind: "home",
                                    origin: "home page") { number in
            (title: number == 1 ? nil : "Latest reviews, page \(number)",
             heading: number == 1 ? "Latest reviews" : "Latest reviews, page \(number)",
             description: description, extra: [:])
        }
    }
}

/// A paginated list of review cards: the home page and every taxonomy term page.
enum ReviewListPages {
    typealias Header = (title: String?, heading: String, description: String, extra: [String: Any])

    static func jobs(_ context: RenderContext, reviews: [Int], segments: [String], template: String, kind: String,
                     origin: String, section: Route? = nil, header: @escaping (Int) -> Header) -> [RenderJob] {
        let site = context.site
        let pagination = Pagination(itemCount: reviews.count, size: site.config.paginate)
        return (1...pagination.pageCount).map { number in
            let route = Route.listPage(segments, number)
            let slice = pagination.range(ofPage: number).map { reviews[$0] }
            // A list changes when its newest review does.
            let lastModified = slice.first.map { site.reviews[$0].date.rfc3339 }
            return .page(route, template: template, origin: origin, lastModified: lastModified, showsBodiesOf: slice) { context in
                let head = header(number)
                var model = context.models.pageModel(PageMeta(title: head.title, description: head.description, route: route, kind: kind, section: section))
                var list: [String: Any] = [
                    "title": head.heading,
                    "reviews": slice.map { context.models.cards[$0] },
                    "count": reviews.count,
                ]
                list.merge(head.extra) { $1 }
                model["list"] = list
                let links = context.site.permalinks
                model["pagination"] = pagination.model(page: number) { links.link(Route.listPage(segments, $0)) }
                return model
            }
        }
    }
}
