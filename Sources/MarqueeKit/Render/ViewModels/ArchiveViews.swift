import MarqueeTemplates

/// `archive` on `/reviews/`: every published review and article, grouped by year of publication.
struct ArchiveView: TemplateView {
    var years: [ArchiveYearView]
    var count: Int
    var articleCount = 0

    var templateObject: TemplateObject {
        TemplateObject([
            "years": .list(years), "count": .int(count), "hasReviews": .flag(count > 0),
            "articleCount": .int(articleCount), "hasArticles": .flag(articleCount > 0),
            "articlesText": .text(articleCount == 1 ? "1 article" : "\(articleCount) articles"),
        ])
    }

    static let schema = TemplateObjectType("archive", [
        TemplateField("years", ArchiveYearView.listType, "the years with reviews or articles, newest first"),
        TemplateField("count", .number, "the number of reviews"),
        TemplateField("hasReviews", .flag, "whether there are any reviews"),
        TemplateField("articleCount", .number, "the number of articles"),
        TemplateField("hasArticles", .flag, "whether there are any articles"),
        TemplateField("articlesText", .text, "`1 article` or `3 articles`"),
    ])
}

/// One year of the archive.
struct ArchiveYearView: TemplateView {
    var year: Int
    var reviews: [EntryView]
    var items: [ArchiveItemView] = []

    var templateObject: TemplateObject {
        TemplateObject(["year": .int(year), "reviews": .list(reviews), "count": .int(reviews.count), "id": .text("year-\(year)"),
                        "items": .list(items)])
    }

    static let schema = TemplateObjectType("archive year", [
        TemplateField("year", .number, "the year of publication"),
        TemplateField("reviews", EntryView.listType, "the reviews published that year, newest first, as entries"),
        TemplateField("count", .number, "the number of reviews that year"),
        TemplateField("id", .text, "an id for the year's heading: `year-2014`"),
        TemplateField("items", ArchiveItemView.listType, "the reviews and articles published that year, newest first"),
    ])
}

/// One post of an archive year: a review's entry or an article's.
struct ArchiveItemView: TemplateView {
    var review: EntryView?
    var article: ArticleEntryView?

    var templateObject: TemplateObject {
        TemplateObject(["isReview": .flag(review != nil), "isArticle": .flag(article != nil), "review": .view(review), "article": .view(article)])
    }

    static let schema = TemplateObjectType("archive item", [
        TemplateField("isReview", .flag, "whether it is a review"),
        TemplateField("isArticle", .flag, "whether it is an article"),
        TemplateField("review", EntryView.type, "the review's entry; empty for an article"),
        TemplateField("article", ArticleEntryView.type, "the article's entry; empty for a review"),
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
