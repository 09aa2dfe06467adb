import MarqueeTemplates

/// `/posts/<slug>/`: one page per published article.
enum ArticlePages {
    static func jobs(_ context: RenderContext) -> [RenderJob] {
        context.site.articles.indices.map { index in
            let article = context.site.articles[index]
            let route = Route.article(article.slug)
            return .page(route, kind: .article, origin: article.source, lastModified: (article.updated ?? article.date).rfc3339) { context in
                let site = context.site
                let article = site.articles[index]
                let image = article.image.map { site.permalinks.baseURL + String(context.models.articleImageLink($0, of: article).dropFirst(site.permalinks.basePath.count)) }
                let json = ArticleStructuredData.json(for: article, site: site, imageURL: image)
                var meta = PageMeta(title: article.title, description: article.excerpt.text, route: route, kind: .article,
                                    image: image, jsonLD: .html(json))
                meta.language = article.language
                return ArticlePageView(frame: context.models.frame(meta), article: context.models.articleView(at: index)).templateValue
            }
        }
    }
}
