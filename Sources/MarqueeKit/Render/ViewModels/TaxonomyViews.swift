import MarqueeTemplates

/// `taxonomy` on a taxonomy's index page (`/directors/`): its terms, by name and by count.
struct TaxonomyView: TemplateView {
    var id: String
    var title: String
    var singular: String
    var terms: [TermCountView]
    var termsByCount: [TermCountView]

    var templateObject: TemplateObject {
        TemplateObject([
            "id": .text(id),
            "title": .text(title),
            "singular": .text(singular),
            "terms": .list(terms),
            "termsByCount": .list(termsByCount),
            "hasTerms": .flag(!terms.isEmpty),
            "count": .int(terms.count),
        ])
    }

    static let schema = TemplateObjectType("taxonomy", [
        TemplateField("id", .text, "the taxonomy's id (`directors`, `categories`, an added one's key)"),
        TemplateField("title", .text, "the taxonomy's title (`Directors`)"),
        TemplateField("singular", .text, "its name for one term (`Director`)"),
        TemplateField("terms", TermCountView.listType, "every term, by name"),
        TemplateField("termsByCount", TermCountView.listType, "every term, most reviewed first (ties by name)"),
        TemplateField("hasTerms", .flag, "whether there are any terms"),
        TemplateField("count", .number, "the number of terms"),
    ])
}

/// A term in a taxonomy's index, with its number of reviews (and of articles).
struct TermCountView: TemplateView {
    var name: String
    var url: String
    var count: Int
    var articleCount = 0

    /// "3 reviews"; "3 reviews, 1 article" when articles have it too; "2 articles" for articles only.
    var countText: String {
        let reviews = count == 1 ? "1 review" : "\(count) reviews"
        guard articleCount > 0 else { return reviews }
        let articles = articleCount == 1 ? "1 article" : "\(articleCount) articles"
        return count == 0 ? articles : "\(reviews), \(articles)"
    }

    var templateObject: TemplateObject {
        TemplateObject([
            "name": .text(name),
            "url": .text(url),
            "count": .int(count),
            "articleCount": .int(articleCount),
            "countText": .text(countText),
        ])
    }

    static let schema = TemplateObjectType("term entry", [
        TemplateField("name", .text, "the term's name"),
        TemplateField("url", .text, "the link to the term's page"),
        TemplateField("count", .number, "the number of reviews with this term"),
        TemplateField("articleCount", .number, "the number of articles with this term"),
        TemplateField("countText", .text, "`1 review` or `3 reviews`; with articles, `3 reviews, 1 article` or `2 articles`"),
    ])
}

/// What a taxonomy's index page is rendered with.
struct TaxonomyPageView: TemplateView {
    var frame: PageFrame
    var taxonomy: TaxonomyView

    var templateObject: TemplateObject { frame.root(["taxonomy": taxonomy.templateValue]) }

    static let schema = PageFrame.schema("taxonomy page", [
        TemplateField("taxonomy", TaxonomyView.type, "the taxonomy and its terms"),
    ])
}
