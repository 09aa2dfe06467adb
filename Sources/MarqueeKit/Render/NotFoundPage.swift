/// `/404.html`: served by static hosts for any missing URL, at any depth, so every link in it is
/// absolute (all of the theme's links are).
enum NotFoundPage {
    static func render(_ context: RenderContext) -> ([OutputFile], [Diagnostic]) {
        let route = Route(file: "404.html")
        var model = context.models.pageModel(PageMeta(title: "Page not found", description: "", route: route, kind: "404"))
        model["recent"] = Array(context.models.cards.prefix(5))
        model["hasRecent"] = !context.models.cards.isEmpty
        return collect([context.page("404", model, route: route, origin: "404 page")])
    }
}
