import MarqueeTemplates

/// An article as an index shows it (the archive): everything drawn from its front matter.
struct ArticleEntryView: TemplateView {
    let title: String
    let url: String
    let permalink: String
    let slug: String
    let date: DateView
    let updated: DateView?
    let isDraft: Bool
    let isScheduled: Bool
    private(set) var templateObject = TemplateObject()

    init(_ article: Article, links: Permalinks, translation: Translation) {
        title = article.title
        url = links.link(Route.article(article.slug))
        permalink = links.absolute(Route.article(article.slug))
        slug = article.slug
        date = DateView(date: article.date, translation: translation)
        updated = article.updated.map { DateView(date: $0, translation: translation) }
        isDraft = article.isDraft
        isScheduled = article.isScheduled
        templateObject = TemplateObject([
            "title": .text(title),
            "url": .text(url),
            "permalink": .text(permalink),
            "slug": .text(slug),
            "date": date.templateValue,
            "updated": .view(updated),
            "isDraft": .flag(isDraft),
            "isScheduled": .flag(isScheduled),
        ])
    }

    static let schema = TemplateObjectType("article entry", [
        TemplateField("title", .text, "the article's title"),
        TemplateField("url", .text, "the article's link, with the base path (`/blog/posts/ten-films/`)"),
        TemplateField("permalink", .text, "the article's absolute URL"),
        TemplateField("slug", .text, "the article's slug, as in its address"),
        TemplateField("date", DateView.type, "the article's publication date"),
        TemplateField("updated", DateView.type, "when it was last revised (front matter `updated`); empty when never"),
        TemplateField("isDraft", .flag, "whether it is a draft (shown only with --drafts)"),
        TemplateField("isScheduled", .flag, "whether it is dated in the future (shown only with --future)"),
    ])
}

/// What the `article-card` fragment is rendered with: the entry, the excerpt and its tags.
struct ArticleCardFragmentView: TemplateView {
    var entry: ArticleEntryView
    var excerpt: String
    var tags: [NameLinkView]
    var words: TemplateValue

    var templateObject: TemplateObject {
        entry.templateObject.adding(["excerpt": .html(excerpt), "tags": .list(tags), "hasTags": .flag(!tags.isEmpty), "words": words])
    }

    static let schema = ArticleEntryView.schema.extended(as: "article card", with: [
        TemplateField("excerpt", .html, "the excerpt as HTML (the text before `<!--more-->`, the summary, or the first paragraph); insert with {{{ }}}"),
        TemplateField("tags", NameLinkView.listType, "its tags (front matter `tags`), each with its term page"),
        TemplateField("hasTags", .flag, "whether `tags` has entries"),
        TemplateField("words", WordsView.type, "the theme's words in the site's language"),
    ])
}

/// An article as lists show it: the card's variables and the card rendered once.
struct ArticleCardView: TemplateView {
    let card: ArticleCardFragmentView
    let html: String
    let templateObject: TemplateObject
    /// The card as one of `list.items` (`PostItemView`), made once: a card is on many list pages.
    let itemValue: TemplateValue

    init(card: ArticleCardFragmentView, html: String) {
        self.card = card
        self.html = html
        templateObject = card.templateObject.adding(["html": .html(html)])
        itemValue = PostItemView.value(html: .html(html), review: .absent, article: .object(templateObject))
    }

    static let schema = ArticleCardFragmentView.schema.extended(as: "listed article card", with: [
        TemplateField("html", .html, "the card rendered through the `article-card` template; insert with {{{ }}}"),
    ])
}

/// One item of a list that shows reviews and articles together (`list.items` on home and term
/// pages): either a review's card or an article's, with its rendered HTML either way.
/// Each card makes its item once (`CardView.itemValue`, `ArticleCardView.itemValue`).
enum PostItemView {
    static func value(html: TemplateValue, review: TemplateValue, article: TemplateValue) -> TemplateValue {
        .object(TemplateObject([
            "html": html,
            "isReview": .flag(review != .absent),
            "isArticle": .flag(article != .absent),
            "review": review,
            "article": article,
        ]))
    }

    static var listType: TemplateType { .list(.object(schema)) }

    static let schema = TemplateObjectType("post", [
        TemplateField("html", .html, "the item's card rendered (`review-card` or `article-card`); insert with {{{ }}}"),
        TemplateField("isReview", .flag, "whether it is a review"),
        TemplateField("isArticle", .flag, "whether it is an article (`content/posts/`)"),
        TemplateField("review", CardView.type, "the review's card variables; empty for an article"),
        TemplateField("article", ArticleCardView.type, "the article's card variables; empty for a review"),
    ])
}

/// `article` on an article's page: the card's variables, plus its body, terms and author.
struct ArticleView: TemplateView {
    var card: ArticleCardView
    var categories: [NameLinkView]
    var otherTaxonomies: [TaxonomyTermsView]
    var categoriesLabel: String
    var body: String
    var wordCount: Int
    var params: [String: ParamValue]
    var image: String?
    var poster: PosterView?
    var tableOfContents: [TableOfContentsEntry]
    var reviewer: AuthorView?
    var hasOwnReviewer: Bool
    /// "By Mina R.", in the site's language; nil without a reviewer of its own.
    var byline: String?
    /// "Scheduled: not published until 3 May 2024", in the site's language.
    var scheduledText: String
    var comments = CommentsFields.none

    var templateObject: TemplateObject {
        card.templateObject.adding(comments.fields).adding([
            "byline": .text(orAbsent: byline),
            "scheduledText": .text(scheduledText),
            "categories": .list(categories),
            "hasCategories": .flag(!categories.isEmpty),
            "categoriesLabel": .text(categoriesLabel),
            "otherTaxonomies": .list(otherTaxonomies),
            "body": .html(body),
            "wordCount": .text(String(wordCount)),
            "readingMinutes": .text(String(max(1, Int((Double(wordCount) / 220).rounded())))),
            "params": ParamsView.value(params),
            "image": .text(orAbsent: image),
            "poster": .view(poster),
            "toc": .list(tableOfContents),
            "hasToc": .flag(!tableOfContents.isEmpty),
            "reviewer": .view(reviewer),
            "hasOwnReviewer": .flag(hasOwnReviewer),
        ])
    }

    static let schema = ArticleCardView.schema.extended(as: "article", with: [
        TemplateField("categories", NameLinkView.listType, "the categories (front matter `categories`), each with its term page"),
        TemplateField("hasCategories", .flag, "whether `categories` has entries"),
        TemplateField("categoriesLabel", .text, "`Category` or `Categories` by count (the taxonomy's own names when renamed)"),
        TemplateField("otherTaxonomies", TaxonomyTermsView.listType, "the added taxonomies (site.yml `taxonomies`) this article has terms in"),
        TemplateField("body", .html, "the body rendered as HTML; insert with {{{ }}}"),
        TemplateField("wordCount", .text, "the number of words in the body, as text"),
        TemplateField("readingMinutes", .text, "minutes to read at 220 words a minute, at least 1, as text"),
        TemplateField("params", ParamsView.type, "the front matter keys Marquee does not read, by name, as written (free-form)"),
        TemplateField("image", .text, "the link to the article's `image`, with the base path; empty without one"),
        TemplateField("poster", PosterView.type, "its `image:` as its page shows it, as a review's `poster` (alt text: `image_alt`, else its title); empty without one"),
        TemplateField("toc", TableOfContentsEntry.listType, "the body's headings as a nested table of contents, when `toc: true` (in the article or site.yml); empty otherwise"),
        TemplateField("hasToc", .flag, "whether `toc` has entries"),
        TemplateField("reviewer", AuthorView.type, "who wrote it: the author of site.yml's `authors` its `reviewer:` names, else the site's `author`; empty when there is none"),
        TemplateField("hasOwnReviewer", .flag, "whether the article names its writer (`reviewer:`)"),
        TemplateField("byline", .text, "`By Mina R.` (`review.by`), when the article names its writer; empty otherwise"),
        TemplateField("scheduledText", .text, "`Scheduled: not published until 3 May 2024` (`review.scheduled`), for a future-dated article; empty otherwise"),
    ] + CommentsFields.schema)
}

/// What an article's page is rendered with (`/posts/<slug>/`).
struct ArticlePageView: TemplateView {
    var frame: PageFrame
    var article: ArticleView

    var templateObject: TemplateObject { frame.root(["article": article.templateValue]) }

    static let schema = PageFrame.schema("article page", [
        TemplateField("article", ArticleView.type, "the article"),
    ])
}
