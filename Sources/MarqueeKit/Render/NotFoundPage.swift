import MarqueeTemplates

/// `/404.html`: served by static hosts for any missing URL, at any depth, so every link in it is
/// absolute (all of the theme's links are).
enum NotFoundPage {
    static func jobs(_ context: RenderContext) -> [RenderJob] {
        let route = Route(file: "404.html")
        return [.page(route, kind: .notFound, origin: "404 page") { context in
            NotFoundPageView(frame: context.models.frame(PageMeta(title: context.site.config.translation.word("not_found.title"), description: "", route: route, kind: .notFound)),
                             recent: Array(context.models.entries.prefix(5))).templateValue
        }]
    }
}
