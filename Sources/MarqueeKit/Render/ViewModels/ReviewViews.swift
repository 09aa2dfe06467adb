import MarqueeTemplates

/// A date as templates show it.
struct DateView: TemplateView {
    var date: PublicationDate
    /// The day for readers, in the site's language.
    var display: String

    init(date: PublicationDate, translation: Translation = .english) {
        self.date = date
        display = translation.date(date)
    }

    var templateObject: TemplateObject {
        TemplateObject([
            "iso": .text(date.isoDay),
            "rfc3339": .text(date.rfc3339),
            "display": .text(display),
            "year": .int(date.year),
        ])
    }

    static let schema = TemplateObjectType("date", [
        TemplateField("iso", .text, "the day, `2009-03-14`, for `<time datetime>`"),
        TemplateField("rfc3339", .text, "the moment, `2009-03-14T00:00:00+05:30`"),
        TemplateField("display", .text, "the day for readers, in the site's language: `14 March 2009`, `14 mars 2009`"),
        TemplateField("year", .number, "the year, `2009`"),
    ])
}

/// A review as an index shows it (archive, ratings, 404, "Recommended from"): everything drawn from
/// its front matter, nothing from its body, so those pages do not change when a body does.
///
/// A class: every page that lists the review holds it, and a copy of a struct of its fifteen
/// fields was a retain and a release of each.
final class EntryView: TemplateView, Sendable {
    let title: String
    let movie: String
    let year: Int?
    let url: String
    let permalink: String
    let slug: String
    let date: DateView
    let rating: RatingView
    let isDraft: Bool
    let isScheduled: Bool
    /// Its `image:` as a card's thumbnail.
    let thumbnail: PosterView?
    /// Made once: an entry is shown on many pages.
    let templateObject: TemplateObject
    let templateValue: TemplateValue

    init(_ review: Review, links: Permalinks, rating: RatingView, translation: Translation = .english, thumbnail: PosterView? = nil) {
        let route = Route.review(review.slug) // one route for both forms of the address
        let url = links.link(route), permalink = links.absolute(route)
        let date = DateView(date: review.date, translation: translation)
        let object = TemplateObject([
            "title": .text(review.title),
            "movie": .text(review.movie),
            "year": review.year.map { .int($0) } ?? .absent,
            "yearText": review.year.map { .text(translation.number(String($0))) } ?? .absent,
            "url": .text(url),
            "permalink": .text(permalink),
            "slug": .text(review.slug),
            "date": date.templateValue,
            "rating": rating.templateValue,
            "isDraft": .flag(review.isDraft),
            "isScheduled": .flag(review.isScheduled),
            "thumbnail": .view(thumbnail),
        ])
        self.thumbnail = thumbnail
        title = review.title
        movie = review.movie
        year = review.year
        self.url = url
        self.permalink = permalink
        slug = review.slug
        self.date = date
        self.rating = rating
        isDraft = review.isDraft
        isScheduled = review.isScheduled
        templateObject = object
        templateValue = .object(object)
    }

    static let schema = TemplateObjectType("entry", [
        TemplateField("title", .text, "the review's title"),
        TemplateField("movie", .text, "the reviewed work's name (front matter `movie`, or the title)"),
        TemplateField("year", .number, "the work's year; empty when the front matter gives none"),
        TemplateField("yearText", .text, "the work's year as the site's language writes numbers (`2014`, `۲۰۱۴`); empty without one"),
        TemplateField("url", .text, "the review's link, with the base path"),
        TemplateField("permalink", .text, "the review's absolute URL"),
        TemplateField("slug", .text, "the review's slug, as in its address"),
        TemplateField("date", DateView.type, "the review's publication date"),
        TemplateField("rating", RatingView.type, "the review's rating, with its badge"),
        TemplateField("isDraft", .flag, "whether it is a draft (shown only with --drafts)"),
        TemplateField("isScheduled", .flag, "whether it is dated in the future (shown only with --future)"),
        TemplateField("thumbnail", PosterView.type, "its `image:` as a card shows it (small `sizes`, lazy); empty without one"),
    ])
}

/// What the `review-card` fragment is rendered with: the entry and the excerpt.
struct CardFragmentView: TemplateView {
    var entry: EntryView
    /// HTML; marked for the build cache when it records (`BodyMarks.value`).
    var excerpt: TemplateValue
    /// "of Baran", after "Read the review" for screen readers.
    var readMoreOf: String
    var words: TemplateValue

    var templateObject: TemplateObject { entry.templateObject.adding(["excerpt": excerpt, "readMoreOf": .text(readMoreOf), "words": words]) }

    static let schema = EntryView.schema.extended(as: "card", with: [
        TemplateField("excerpt", .html, "the excerpt as HTML (the text before `<!--more-->`, or the first paragraph); insert with {{{ }}}"),
        TemplateField("readMoreOf", .text, "`of Baran`, what follows `Read the review` for screen readers (`card.read_more_of`)"),
        TemplateField("words", WordsView.type, "the theme's words in the site's language"),
    ])
}

/// A review as lists show it (home and term pages): the card's variables and the card rendered.
struct CardView: TemplateView {
    let card: CardFragmentView
    /// HTML; marked as a container when recording, with `innerMarks` the places of the marked
    /// values inside it.
    let html: TemplateValue
    let innerMarks: [MarkedRange]
    /// Made once: a card is shown on many list pages.
    let templateObject: TemplateObject
    let templateValue: TemplateValue
    /// The card as one of `list.items` (`PostItemView`), made once too.
    let itemValue: TemplateValue

    init(card: CardFragmentView, html: TemplateValue, innerMarks: [MarkedRange] = []) {
        self.card = card
        self.html = html
        self.innerMarks = innerMarks
        templateObject = card.templateObject.adding(["html": html])
        templateValue = .object(templateObject)
        itemValue = PostItemView.value(html: html, review: templateValue, article: .absent)
    }

    static let schema = CardFragmentView.schema.extended(as: "listed card", with: [
        TemplateField("html", .html, "the card rendered through the `review-card` template; insert with {{{ }}}"),
    ])
}

/// A name in a review's credits or terms, with the page of its term.
struct NameLinkView: TemplateView {
    var name: String
    var url: String?
    var isFirst: Bool

    var templateObject: TemplateObject {
        TemplateObject(["name": .text(name), "url": .text(orAbsent: url), "isFirst": .flag(isFirst)])
    }

    static let schema = TemplateObjectType("name", [
        TemplateField("name", .text, "the name as the front matter writes it"),
        TemplateField("url", .text, "the link to its term page; empty when that taxonomy is switched off"),
        TemplateField("isFirst", .flag, "whether it is the first of its list (to put commas between names)"),
    ])
}

/// A taxonomy a review has names in: one of its credits (directors, cast…), or an added taxonomy
/// (say `country`), for themes that list them generically.
struct TaxonomyTermsView: TemplateView {
    var id: String
    var title: String
    var singular: String
    var terms: [NameLinkView]

    var templateObject: TemplateObject {
        TemplateObject([
            "id": .text(id),
            "title": .text(title),
            "singular": .text(singular),
            "label": .text(terms.count == 1 ? singular : title),
            "terms": .list(terms),
        ])
    }

    static let schema = TemplateObjectType("taxonomy terms", [
        TemplateField("id", .text, "the taxonomy's id (`directors`, `cast`, `countries`), for a class name"),
        TemplateField("title", .text, "the taxonomy's title (`Countries`)"),
        TemplateField("singular", .text, "the taxonomy's name for one term (`Country`)"),
        TemplateField("label", .text, "the singular for one term, the title for more"),
        TemplateField("terms", NameLinkView.listType, "the review's names in it, each with its page (no link when the taxonomy is switched off)"),
    ])
}

/// A "You'll love" link of a review: to another review, or to a work not reviewed here.
struct RecommendationView: TemplateView {
    var title: String
    var movie: String
    var url: String
    /// nil for an external work.
    var rating: RatingView?
    var isExplicit: Bool
    var reason: String?

    var templateObject: TemplateObject {
        TemplateObject([
            "isExplicit": .flag(isExplicit),
            "isSuggested": .flag(!isExplicit),
            "reason": .text(orAbsent: reason),
            "title": .text(title),
            "movie": .text(movie),
            "url": .text(url),
            "rating": .view(rating),
            "hasRating": .flag(rating != nil),
            "isExternal": .flag(rating == nil),
        ])
    }

    static let schema = TemplateObjectType("recommendation", [
        TemplateField("isExplicit", .flag, "whether the writer named it in `recommend`"),
        TemplateField("isSuggested", .flag, "whether Marquee suggested it from shared directors, writers and tags"),
        TemplateField("reason", .text, "why it was suggested (`Also directed by Majid Majidi`); empty for explicit ones"),
        TemplateField("title", .text, "the recommended review's title, or the external work's title"),
        TemplateField("movie", .text, "the recommended work's name (an external work's title)"),
        TemplateField("url", .text, "the link to the recommended review, or the external work's address"),
        TemplateField("rating", RatingView.type, "the recommended review's rating; empty for an external work"),
        TemplateField("hasRating", .flag, "whether `rating` is set"),
        TemplateField("isExternal", .flag, "whether it is a work not reviewed here"),
    ])
}

/// `review` on a review page: everything in the card, plus credits, body and links.
struct ReviewView: TemplateView {
    /// The card's variables (`CardView.templateObject`), made once per build: the whole
    /// `CardView` copied here would count a reference to each of its fields, shared by the
    /// render threads.
    var cardObject: TemplateObject
    var directors: [NameLinkView]
    var writers: [NameLinkView]
    var categories: [NameLinkView]
    var tags: [NameLinkView]
    var yearURL: String?
    /// Its credits (directors, authors, artists, writers, cast) that it names, in that order.
    var credits: [TaxonomyTermsView]
    var otherTaxonomies: [TaxonomyTermsView]
    var directorsLabel: String
    var writersLabel: String
    var categoriesLabel: String
    /// The body's HTML, and the numbers drawn from it as text: marked for the build cache when it records.
    var body: TemplateValue
    var wordCount: TemplateValue
    var readingMinutes: TemplateValue
    var params: [String: ParamValue]
    var image: String?
    /// Its `image:` as its own page shows it, on the first screen.
    var poster: PosterView?
    var recommendations: [RecommendationView]
    var recommendedBy: [EntryView]
    /// The body's headings, nested, when the review (or site.yml) asks for a table of contents.
    var tableOfContents: [TableOfContentsEntry] = []
    /// Who wrote it: its `reviewer`, or the site's author.
    var reviewer: AuthorView?
    /// Whether the review names its own reviewer (the default theme then shows a byline).
    var hasOwnReviewer = false
    /// The credits' word for the kind of work (`type:`): "Film", "Book", "Album".
    var workLabel = WorkType.film.label
    /// The language of `params.original_title` (`original_language:`), for `<bdi lang>`.
    var originalLanguage: String?
    /// "By Mina R.", in the site's language; nil without a reviewer.
    var byline: String?
    /// "Scheduled: not published until 3 May 2024", in the site's language.
    var scheduledText = ""
    /// Its readers' comments and the service for new ones.
    var comments = CommentsFields.none

    var templateObject: TemplateObject {
        cardObject.adding(comments.fields).adding([
            "directors": .list(directors),
            "writers": .list(writers),
            "categories": .list(categories),
            "tags": .list(tags),
            "yearURL": .text(orAbsent: yearURL),
            "credits": .list(credits),
            "otherTaxonomies": .list(otherTaxonomies),
            "hasDirectors": .flag(!directors.isEmpty),
            "hasWriters": .flag(!writers.isEmpty),
            "hasCategories": .flag(!categories.isEmpty),
            "hasTags": .flag(!tags.isEmpty),
            "directorsLabel": .text(directorsLabel),
            "writersLabel": .text(writersLabel),
            "categoriesLabel": .text(categoriesLabel),
            "body": body,
            "wordCount": wordCount,
            "readingMinutes": readingMinutes,
            "params": ParamsView.value(params),
            "image": .text(orAbsent: image),
            "poster": .view(poster),
            "recommendations": .list(recommendations),
            "hasRecommendations": .flag(!recommendations.isEmpty),
            "recommendedBy": .list(recommendedBy),
            "hasRecommendedBy": .flag(!recommendedBy.isEmpty),
            "toc": .list(tableOfContents),
            "hasToc": .flag(!tableOfContents.isEmpty),
            "reviewer": .view(reviewer),
            "hasOwnReviewer": .flag(hasOwnReviewer),
            "workLabel": .text(workLabel),
            "originalLanguage": .text(orAbsent: originalLanguage),
            "byline": .text(orAbsent: byline),
            "scheduledText": .text(scheduledText),
        ])
    }

    static let schema = CardView.schema.extended(as: "review", with: [
        TemplateField("directors", NameLinkView.listType, "the directors (front matter `director`), each with its term page"),
        TemplateField("writers", NameLinkView.listType, "the writers (front matter `writer`), each with its term page"),
        TemplateField("categories", NameLinkView.listType, "the categories (front matter `categories`), each with its term page"),
        TemplateField("tags", NameLinkView.listType, "the tags (front matter `tags`), each with its term page"),
        TemplateField("yearURL", .text, "the link to the page of the work's year; empty without a year or with the years taxonomy off"),
        TemplateField("credits", TaxonomyTermsView.listType, "the credits it names, in the order director, author (of a book), artist, writer, cast, each with its label and names"),
        TemplateField("otherTaxonomies", TaxonomyTermsView.listType, "the added taxonomies (site.yml `taxonomies`) this review has terms in"),
        TemplateField("hasDirectors", .flag, "whether `directors` has entries"),
        TemplateField("hasWriters", .flag, "whether `writers` has entries"),
        TemplateField("hasCategories", .flag, "whether `categories` has entries"),
        TemplateField("hasTags", .flag, "whether `tags` has entries"),
        TemplateField("directorsLabel", .text, "`Director` or `Directors` by count (the taxonomy's own names when renamed)"),
        TemplateField("writersLabel", .text, "`Writer` or `Writers` by count (the taxonomy's own names when renamed)"),
        TemplateField("categoriesLabel", .text, "`Category` or `Categories` by count (the taxonomy's own names when renamed)"),
        TemplateField("body", .html, "the body rendered as HTML; insert with {{{ }}}"),
        TemplateField("wordCount", .text, "the number of words in the body, as text (so the build cache can update it)"),
        TemplateField("readingMinutes", .text, "minutes to read at 220 words a minute, at least 1, as text"),
        TemplateField("params", ParamsView.type, "the front matter keys Marquee does not read, by name, as written (free-form)"),
        TemplateField("image", .text, "the link to the review's `image`, with the base path; empty without one"),
        TemplateField("poster", PosterView.type, "its `image:` as its page shows it: resized variants for `srcset`, size, alt text; empty without one"),
        TemplateField("recommendations", RecommendationView.listType, "the \"You'll love\" links, explicit ones first"),
        TemplateField("hasRecommendations", .flag, "whether `recommendations` has entries"),
        TemplateField("recommendedBy", EntryView.listType, "the reviews that name this one in `recommend`, as entries"),
        TemplateField("hasRecommendedBy", .flag, "whether `recommendedBy` has entries"),
        TemplateField("toc", TableOfContentsEntry.listType, "the body's headings as a nested table of contents, when `toc: true` (in the review or site.yml); empty otherwise"),
        TemplateField("hasToc", .flag, "whether `toc` has entries"),
        TemplateField("reviewer", AuthorView.type, "who wrote it: the author of site.yml's `authors` its `reviewer:` names, else the site's `author`; empty when there is none"),
        TemplateField("hasOwnReviewer", .flag, "whether the review names its reviewer (`reviewer:`)"),
        TemplateField("originalLanguage", .text, "the language of `params.original_title` (front matter `original_language`), for `<bdi lang>`; empty without one"),
        TemplateField("workLabel", .text, "the credits' word for the kind of work its `type:` names: `Film` (the default), `Series`, `Book`, `Album`, `Game`, `Play`, `Restaurant` (in the site's language)"),
        TemplateField("byline", .text, "`By Mina R.` (`review.by`), for the reviewer; empty when there is none"),
        TemplateField("scheduledText", .text, "`Scheduled: not published until 3 May 2024` (`review.scheduled`), for a future-dated review; empty otherwise"),
    ] + CommentsFields.schema)
}

/// Front matter keys Marquee does not know, as templates see them under `params`: text, flags,
/// numbers, lists and nested objects, as written. Its fields are free-form: the schema declares an
/// object with none, and the template checker is to accept any name under it.
enum ParamsView {
    static let schema = TemplateObjectType.freeForm("params")
    static var type: TemplateType { .object(schema) }

    static func value(_ params: [String: ParamValue]) -> TemplateValue {
        .object(TemplateObject(fields: params.mapValues(convert)))
    }

    static func convert(_ value: ParamValue) -> TemplateValue {
        switch value {
        case .string(let text): .text(text)
        case .bool(let flag): .flag(flag)
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .list(let items): .list(items.map(convert))
        case .map(let map): .object(TemplateObject(fields: map.mapValues(convert)))
        }
    }
}
