import MarqueeTemplates

/// `/reviews/`: every published review, grouped by year of publication, newest first.
enum ArchivePage {
    static func jobs(_ context: RenderContext) -> [RenderJob] {
        [.page(Route.archive, kind: .archive, origin: "reviews/ archive", lastModified: context.site.reviews.first?.date.rfc3339) { view($0).templateValue }]
    }

    static func view(_ context: RenderContext) -> ArchivePageView {
        let site = context.site
        let t = site.config.translation
        var groups: [ArchiveYearView] = []
        for index in site.reviews.indices {
            let year = site.reviews[index].date.year
            if groups.last?.year != year { groups.append(ArchiveYearView(year: year, yearText: t.number(String(year)), reviews: [])) }
            groups[groups.count - 1].reviews.append(context.models.entries[index])
        }
        let frame = context.models.frame(PageMeta(title: t.word("archive.title"), description: t.phrase("archive.description", ["site": site.config.title]),
                                                  route: Route.archive, kind: .archive))
        return ArchivePageView(frame: frame, archive: ArchiveView(years: groups, count: site.reviews.count,
                                                                     summary: t.phrase("archive.summary", ["reviews": t.reviews(site.reviews.count)])))
    }
}
