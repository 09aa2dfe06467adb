import MarqueeTemplates

/// What a review's page is rendered with.
struct ReviewPageView: TemplateView {
    var frame: PageFrame
    var review: ReviewView

    var templateObject: TemplateObject { frame.root(["review": review.templateValue]) }

    static let schema = PageFrame.schema("review page", [
        TemplateField("review", ReviewView.type, "the review: its card, credits, body, terms and recommendations"),
    ])
}

/// `content` on a plain page (`content/pages/`).
struct ContentView: TemplateView {
    var title: String
    var body: String
    var isDraft: Bool
    var params: [String: ParamValue]

    var templateObject: TemplateObject {
        TemplateObject([
            "title": .text(title),
            "body": .html(body),
            "isDraft": .flag(isDraft),
            "params": ParamsView.value(params),
        ])
    }

    static let schema = TemplateObjectType("content", [
        TemplateField("title", .text, "the page's title"),
        TemplateField("body", .html, "the page's body rendered as HTML; insert with {{{ }}}"),
        TemplateField("isDraft", .flag, "whether it is a draft (shown only with --drafts)"),
        TemplateField("params", ParamsView.type, "the front matter keys Marquee does not read, by name, as written (free-form)"),
    ])
}

/// What a plain page is rendered with.
struct PlainPageView: TemplateView {
    var frame: PageFrame
    var content: ContentView

    var templateObject: TemplateObject { frame.root(["content": content.templateValue]) }

    static let schema = PageFrame.schema("plain page", [
        TemplateField("content", ContentView.type, "the page's title, body and front matter"),
    ])
}

/// What `/404.html` is rendered with.
struct NotFoundPageView: TemplateView {
    var frame: PageFrame
    var recent: [EntryView]

    var templateObject: TemplateObject {
        frame.root(["recent": .list(recent), "hasRecent": .flag(!recent.isEmpty)])
    }

    static let schema = PageFrame.schema("404 page", [
        TemplateField("recent", EntryView.listType, "the five newest reviews, as entries"),
        TemplateField("hasRecent", .flag, "whether there are any reviews"),
    ])
}
