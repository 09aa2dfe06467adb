/// `/reviews/`: every published review, grouped by year of publication, newest first.
enum ArchivePage {
    static func jobs(_ context: RenderContext) -> [RenderJob] {
        [.page(Route.archive, template: "archive", origin: "reviews/ archive", lastModified: context.site.reviews.first?.date.rfc3339, model: model)]
    }

    private static func model(_ context: RenderContext) -> [String: Any] {
        let site = context.site
        var groups: [[String: Any]] = []
        var currentYear: Int?
        var current: [[String: Any]] = []
        func flush() {
            if let year = currentYear {
                groups.append(["year": year, "reviews": current, "count": current.count, "id": "year-\(year)"])
            }
        }
        for index in site.reviews.indices {
            let year = site.reviews[index].date.year
            if year != currentYear {
                flush()
                currentYear = year
                current = []
            }
            current.append(context.models.entries[index])
        }
        flush()
        var model = context.models.pageModel(PageMeta(title: "All reviews", description: "Every review on \(site.config.title), by year.",
                                                      route: Route.archive, kind: "archive"))
        model["archive"] = ["years": groups, "count": site.reviews.count, "hasReviews": !site.reviews.isEmpty] as [String: Any]
        return model
    }
}
