import MarqueeTemplates

/// `archive` on `/reviews/`: every published review, grouped by year of publication.
struct ArchiveView: TemplateView {
    var years: [ArchiveYearView]
    var count: Int
    /// "12 reviews, newest first.", in the site's language.
    var summary: String

    var templateObject: TemplateObject {
        TemplateObject(["years": .list(years), "count": .int(count), "hasReviews": .flag(count > 0), "summary": .text(summary)])
    }

    static let schema = TemplateObjectType("archive", [
        TemplateField("years", ArchiveYearView.listType, "the years with reviews, newest first"),
        TemplateField("count", .number, "the number of reviews"),
        TemplateField("hasReviews", .flag, "whether there are any reviews"),
        TemplateField("summary", .text, "`12 reviews, newest first.` (`archive.summary`)"),
    ])
}

/// One year of the archive.
struct ArchiveYearView: TemplateView {
    var year: Int
    /// The year in the site's digits.
    var yearText: String
    var reviews: [EntryView]

    var templateObject: TemplateObject {
        TemplateObject(["year": .int(year), "yearText": .text(yearText), "reviews": .list(reviews), "count": .int(reviews.count), "id": .text("year-\(year)")])
    }

    static let schema = TemplateObjectType("archive year", [
        TemplateField("year", .number, "the year of publication"),
        TemplateField("yearText", .text, "the year as the site's language writes numbers (`2014`, `۲۰۱۴`)"),
        TemplateField("reviews", EntryView.listType, "the reviews published that year, newest first, as entries"),
        TemplateField("count", .number, "the number of reviews that year"),
        TemplateField("id", .text, "an id for the year's heading: `year-2014`"),
    ])
}

/// What `/reviews/` is rendered with.
struct ArchivePageView: TemplateView {
    var frame: PageFrame
    var archive: ArchiveView

    var templateObject: TemplateObject { frame.root(["archive": archive.templateValue]) }

    static let schema = PageFrame.schema("archive page", [
        TemplateField("archive", ArchiveView.type, "every review, by year"),
    ])
}
