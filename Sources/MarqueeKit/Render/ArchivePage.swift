import MarqueeTemplates

/// `/reviews/`: every published review and article, grouped by year of publication, newest first.
enum ArchivePage {
    static func jobs(_ context: RenderContext) -> [RenderJob] {
        [.page(Route.archive, kind: .archive, origin: "reviews/ archive", lastModified: context.site.allPosts.first.map { context.site.date(of: $0).rfc3339 }) { view($0).templateValue }]
    }

    static func view(_ context: RenderContext) -> ArchivePageView {
        let site = context.site
        var groups: [ArchiveYearView] = []
        for post in site.allPosts {
            let year = site.date(of: post).year
            if groups.last?.year != year { groups.append(ArchiveYearView(year: year, reviews: [])) }
            switch post {
            case .review(let index):
                groups[groups.count - 1].reviews.append(context.models.entries[index])
                groups[groups.count - 1].items.append(ArchiveItemView(review: context.models.entries[index]))
            case .article(let index):
                groups[groups.count - 1].items.append(ArchiveItemView(article: context.models.articleCards[index].card.entry))
            }
        }
        let frame = context.models.frame(PageMeta(title: "All reviews", description: "Every review on \(site.config.title), by year.",
                                                  route: Route.archive, kind: .archive))
        return ArchivePageView(frame: frame, archive: ArchiveView(years: groups, count: site.reviews.count, articleCount: site.articles.count))
    }
}
