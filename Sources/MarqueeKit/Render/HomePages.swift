import MarqueeTemplates

/// `/`, `/page/2/`, …: every published review and article, newest first, `paginate` to a page.
enum HomePages {
    static func jobs(_ context: RenderContext) -> [RenderJob] {
        let description = context.site.config.description ?? ""
        let t = context.site.config.translation
        let heading = t.word("home.title")
        return ReviewListPages.jobs(context, posts: context.site.allPosts, segments: [], kind: .home,
                                    origin: "home page") { number in
            (title: number == 1 ? nil : t.phrase("list.page", ["title": heading, "number": t.number(String(number))]),
             heading: number == 1 ? heading : t.phrase("list.page", ["title": heading, "number": t.number(String(number))]),
             description: description)
        } view: { frame, list, pagination in
            HomePageView(frame: frame, list: list, pagination: pagination).templateValue
        }
    }
}

/// A paginated list of review and article cards: the home page and every taxonomy term page.
enum ReviewListPages {
    typealias Header = (title: String?, heading: String, description: String)

    /// `view` makes the page kind's root value from the common parts.
    static func jobs(_ context: RenderContext, posts: [Post], segments: [String], kind: PageKind,
                     origin: String, section: Route? = nil, header: @escaping (Int) -> Header,
                     view: @escaping (PageFrame, ReviewListView, PaginationView) -> TemplateValue) -> [RenderJob] {
        let site = context.site
        let pagination = Pagination(itemCount: posts.count, size: site.config.paginate)
        let reviewCount = posts.reduce(0) { if case .review = $1 { $0 + 1 } else { $0 } }
        return (1...pagination.pageCount).map { number in
            let route = Route.listPage(segments, number)
            let slice = pagination.range(ofPage: number).map { posts[$0] }
            // A list changes when its newest post does.
            let lastModified = slice.first.map { site.date(of: $0).rfc3339 }
            return .page(route, kind: kind, origin: origin, lastModified: lastModified) { context in
                let head = header(number)
                let frame = context.models.frame(PageMeta(title: head.title, description: head.description, route: route, kind: kind, section: section))
                // The cards' values, made once per build: a whole `CardView` copied here would count
                // a reference to each of its fields, objects every render thread shares. Sized
                // first: compactMap grows its array as it goes.
                var reviews: [TemplateValue] = []
                reviews.reserveCapacity(slice.count)
                for post in slice { if case .review(let index) = post { reviews.append(context.models.cards[index].templateValue) } }
                let list = ReviewListView(title: head.heading, reviews: reviews, count: reviewCount, items: context.models.items(slice))
                let links = context.site.permalinks
                return view(frame, list, pagination.view(page: number, translation: site.config.translation) { links.link(Route.listPage(segments, $0)) })
            }
        }
    }
}
