import MarqueeTemplates

/// `list` on home pages: a page of the list of reviews and articles.
struct ReviewListView: TemplateView {
    var title: String
    /// The cards' values (`CardView.templateValue`).
    var reviews: [TemplateValue]
    var count: Int
    /// The reviews and articles of this page, newest first.
    var items: [TemplateValue] = []

    var templateObject: TemplateObject {
        TemplateObject(["title": .text(title), "reviews": .list(reviews), "count": .int(count), "items": .list(items)])
    }

    static let schema = TemplateObjectType("list", [
        TemplateField("title", .text, "the heading: `Latest reviews` (`Latest reviews, page 2`), or `Director: Majid Majidi` (`…, page 2`)"),
        TemplateField("reviews", CardView.listType, "the cards of the reviews on this page, newest first"),
        TemplateField("count", .number, "the number of reviews in the whole list, on every page"),
        TemplateField("items", PostItemView.listType, "the reviews and articles on this page, newest first, each with its card"),
    ])
}

/// `list` on term pages: the list, and the term it is of.
struct TermListView: TemplateView {
    var list: ReviewListView
    var term: TermView

    var templateObject: TemplateObject { list.templateObject.adding(["term": term.templateValue]) }

    static let schema = ReviewListView.schema.extended(as: "term list", with: [
        TemplateField("term", TermView.type, "the term whose reviews these are, with its taxonomy and average rating"),
    ])
}

/// A taxonomy's term, as its own pages show it (`list.term`).
struct TermView: TemplateView {
    var name: String
    var taxonomy: String
    var singular: String
    var taxonomyURL: String
    var count: Int
    var averageRating: String
    var scale: Int
    var articleCount = 0
    /// "3 reviews", "1 article", "Average rating 4.5 out of 5 across 3 reviews" (", and 1 article") and
    /// "All directors", in the site's language.
    var countText: String
    var articlesText = ""
    var averageText: String
    var allText: String

    var templateObject: TemplateObject {
        TemplateObject([
            "name": .text(name),
            "taxonomy": .text(taxonomy),
            "taxonomyLowercase": .text(taxonomy.lowercased()),
            "singular": .text(singular),
            "taxonomyURL": .text(taxonomyURL),
            "count": .int(count),
            "countText": .text(countText),
            "averageRating": .text(averageRating),
            "averageText": .text(averageText),
            "articleCount": .int(articleCount),
            "articlesText": .text(articlesText),
            "allText": .text(allText),
        ])
    }

    static let schema = TemplateObjectType("term", [
        TemplateField("name", .text, "the term's name as first written (`Majid Majidi`)"),
        TemplateField("taxonomy", .text, "its taxonomy's title (`Directors`)"),
        TemplateField("taxonomyLowercase", .text, "its taxonomy's title in lower case (`directors`)"),
        TemplateField("singular", .text, "its taxonomy's name for one term (`Director`)"),
        TemplateField("taxonomyURL", .text, "the link to the taxonomy's index page (`/blog/directors/`)"),
        TemplateField("count", .number, "the number of reviews with this term"),
        TemplateField("countText", .text, "`1 review` or `3 reviews`"),
        TemplateField("averageRating", .text, "their average rating with at most one decimal (`4.5`, `4`)"),
        TemplateField("averageText", .text, "`Average rating 4.5 out of 5 across 3 reviews` (`term.average`; `…, and 1 article`, `term.average_and_articles`; `2 articles` for a term of articles only)"),
        TemplateField("articleCount", .number, "the number of articles with this term"),
        TemplateField("articlesText", .text, "`1 article` or `2 articles`"),
        TemplateField("allText", .text, "`All directors`, the link to the taxonomy's page (`term.all`)"),
    ])
}

/// What the home pages are rendered with.
struct HomePageView: TemplateView {
    var frame: PageFrame
    var list: ReviewListView
    var pagination: PaginationView

    var templateObject: TemplateObject {
        frame.root(["list": list.templateValue, "pagination": pagination.templateValue])
    }

    static let schema = PageFrame.schema("home page", [
        TemplateField("list", ReviewListView.type, "this page of the list of reviews"),
        TemplateField("pagination", PaginationView.type, "this page's place among the list's pages"),
    ])
}

/// What a term's pages are rendered with (`/directors/majid-majidi/`).
struct TermPageView: TemplateView {
    var frame: PageFrame
    var list: TermListView
    var pagination: PaginationView

    var templateObject: TemplateObject {
        frame.root(["list": list.templateValue, "pagination": pagination.templateValue])
    }

    static let schema = PageFrame.schema("term page", [
        TemplateField("list", TermListView.type, "this page of the term's reviews, and the term"),
        TemplateField("pagination", PaginationView.type, "this page's place among the list's pages"),
    ])
}
