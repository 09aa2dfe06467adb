/// `/404.html`: served by static hosts for any missing URL, at any depth, so every link in it is
/// absolute (all of the theme's links are).
enum NotFoundPage {
    static func jobs(_ context: RenderContext) -> [RenderJob] {
        let route = Route(file: "404.html")
        return [.page(route, template: "404", origin: "404 page") { context in
            var model = context.models.pageModel(PageMeta(title: "Page not found", description: "", route: route, kind: "404"))
            model["recent"] = Array(context.models.entries.prefix(5))
            model["hasRecent"] = !context.models.entries.isEmpty
            return model
        }]
    }
}
