import MarqueeTemplates

/// `/posts/<slug>/`: one page per published article; and `/posts/`, `/posts/page/2/`, …: the
/// articles alone, newest first, as the home page lists them (the address the feed's `article`
/// category names as its scheme). A site without articles has neither.
enum ArticlePages {
    static func jobs(_ context: RenderContext) -> [RenderJob] {
        articlePages(context) + listPages(context)
    }

    private static func listPages(_ context: RenderContext) -> [RenderJob] {
        let site = context.site
        guard !site.articles.isEmpty else { return [] }
        return ReviewListPages.jobs(context, posts: site.articles.indices.map(Post.article), segments: [Route.articlesFolder], kind: .home,
                                    origin: "posts/ list") { number in
            let title = number == 1 ? "Articles" : "Articles, page \(number)"
            return (title: title, heading: title, description: "Every article on \(site.config.title), newest first.")
        } view: { frame, list, pagination in
            HomePageView(frame: frame, list: list, pagination: pagination).templateValue
        }
    }

    private static func articlePages(_ context: RenderContext) -> [RenderJob] {
        context.site.articles.indices.map { index in
            let article = context.site.articles[index]
            let route = Route.article(article.slug)
            return .page(route, kind: .article, origin: article.source, lastModified: (article.updated ?? article.date).rfc3339) { context in
                let site = context.site
                let article = site.articles[index]
                let image = context.models.socialImage(of: article)
                let json = ArticleStructuredData.json(for: article, site: site, imageURL: image)
                var meta = PageMeta(title: article.title, description: article.excerpt.text, route: route, kind: .article,
                                    image: image, jsonLD: .html(json))
                meta.language = article.language
                return ArticlePageView(frame: context.models.frame(meta), article: context.models.articleView(at: index)).templateValue
            }
        }
    }
}
