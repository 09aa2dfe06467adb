import MarqueeTemplates

/// What the search page's template is rendered with.
struct SearchPageView: TemplateView {
    var frame: PageFrame
    var search: SearchFormView

    var templateObject: TemplateObject { frame.root(["search": search.templateValue]) }

    static let schema = PageFrame.schema("search page", [
        TemplateField("search", SearchFormView.type, "the index, the script and the filters' choices"),
    ])
}

/// `search` on the search page.
struct SearchFormView: TemplateView {
    /// The folder of the index, with the base path (`/blog/search/`).
    var index: String
    var script: String
    /// The home page's link (`/blog/`): results' links and thumbnails are relative to it.
    var base: String
    var ratings: [SearchChoiceView]
    var categories: [SearchChoiceView]
    var decades: [SearchChoiceView]
    var badges: [SearchBadgeView]
    /// The script's phrases in the site's language, as JSON.
    var phrases: String

    var templateObject: TemplateObject {
        TemplateObject([
            "index": .text(index),
            "script": .text(script),
            "base": .text(base),
            "ratings": .list(ratings),
            "hasRatings": .flag(!ratings.isEmpty),
            "categories": .list(categories),
            "hasCategories": .flag(categories.count > 1),
            "decades": .list(decades),
            "hasDecades": .flag(decades.count > 1),
            "badges": .list(badges),
            "phrases": .text(phrases),
        ])
    }

    static let schema = TemplateObjectType("search", [
        TemplateField("index", .text, "the link to the index's folder (`/blog/search/`), for the script's `data-index`"),
        TemplateField("script", .text, "the link to the script (`/blog/search.js`)"),
        TemplateField("base", .text, "the home page's link (`/blog/`): the index's links are relative to it"),
        TemplateField("ratings", SearchChoiceView.listType, "the rating filter's choices, best first: `value` is the rating in half steps"),
        TemplateField("hasRatings", .flag, "whether there are ratings to filter by"),
        TemplateField("categories", SearchChoiceView.listType, "the category filter's choices: `value` is the category's number in the index"),
        TemplateField("hasCategories", .flag, "whether there are at least two categories"),
        TemplateField("decades", SearchChoiceView.listType, "the decade filter's choices, oldest first: `value` is the decade (`1990`)"),
        TemplateField("hasDecades", .flag, "whether the works span at least two decades"),
        TemplateField("badges", SearchBadgeView.listType, "one rating badge per rating given, for the script to show on results"),
        TemplateField("phrases", .text, "the script's phrases in the site's language, as JSON, for its `data-phrases`"),
    ])
}

/// One choice of a filter.
struct SearchChoiceView: TemplateView {
    var value: String
    var label: String

    var templateObject: TemplateObject { TemplateObject(["value": .text(value), "label": .text(label)]) }

    static let schema = TemplateObjectType("filter choice", [
        TemplateField("value", .text, "what the filter is set to"),
        TemplateField("label", .text, "what the reader sees: `4.5 or more`, a category's name, `1990s`"),
    ])
}

/// A rating badge, rendered by `rating-badge`, for results of that rating.
struct SearchBadgeView: TemplateView {
    var halfSteps: Int
    var html: String

    var templateObject: TemplateObject { TemplateObject(["halfSteps": .int(halfSteps), "html": .html(html)]) }

    static let schema = TemplateObjectType("search badge", [
        TemplateField("halfSteps", .number, "the rating in half steps (9 is 4.5)"),
        TemplateField("html", .html, "the badge as `rating-badge` renders it; insert with {{{ }}}"),
    ])
}
