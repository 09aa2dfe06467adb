import MarqueeTemplates

/// `/<slug>/`: the pages of `content/pages/`.
enum PlainPages {
    static func jobs(_ context: RenderContext) -> [RenderJob] {
        context.site.pages.indices.map { index in
            let page = context.site.pages[index]
            let route = Route.page(page.slug)
            // No lastmod: a plain page has no date of its own, and a made-up one would mislead crawlers.
            return .page(route, kind: .page, origin: page.source) { context in
                let page = context.site.pages[index]
                let description = page.summary ?? page.body.firstParagraphText ?? ""
                var meta = PageMeta(title: page.title, description: description, route: route, kind: .page)
                meta.language = page.language
                let frame = context.models.frame(meta)
                return PlainPageView(frame: frame, content: ContentView(title: page.title, body: page.body.html, isDraft: page.isDraft, params: page.params)).templateValue
            }
        }
    }
}
