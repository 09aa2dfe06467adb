/// `/<slug>/`: the pages of `content/pages/`.
enum PlainPages {
    static func render(_ context: RenderContext) -> ([OutputFile], [Diagnostic]) {
        let results = context.site.pages.map { page -> Result<OutputFile, Diagnostic> in
            let route = Route.page(page.slug)
            let description = page.summary ?? page.body.firstParagraphText ?? ""
            var model = context.models.pageModel(PageMeta(title: page.title, description: description, route: route, kind: "page"))
            model["content"] = [
                "title": page.title,
                "body": page.body.html,
                "isDraft": page.isDraft,
                "params": ParamModel.make(page.params),
            ] as [String: Any]
            // No lastmod: a plain page has no date of its own, and a made-up one would mislead crawlers.
            return context.page("page", model, route: route, origin: page.source)
        }
        return collect(results)
    }
}
