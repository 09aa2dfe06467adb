/// `/`, `/page/2/`, …: every published review, newest first, `paginate` to a page.
enum HomePages {
    static func render(_ context: RenderContext) -> ([OutputFile], [Diagnostic]) {
        let site = context.site
        let pagination = Pagination(itemCount: site.reviews.count, size: site.config.paginate)
        let links = site.permalinks
        let results = (1...pagination.pageCount).map { number -> Result<OutputFile, Diagnostic> in
            let route = Route.listPage([], number)
            let title = number == 1 ? nil : "Page \(number)"
            var model = context.models.pageModel(title: title, description: site.config.description ?? "", route: route, kind: "home")
            model["list"] = [
                "title": number == 1 ? "Latest reviews" : "Latest reviews, page \(number)",
                "reviews": pagination.range(ofPage: number).map { context.models.cards[$0] },
            ] as [String: Any]
            model["pagination"] = pagination.model(page: number) { links.link(Route.listPage([], $0)) }
            return context.page("home", model, route: route, origin: "home page")
        }
        return collect(results)
    }
}
