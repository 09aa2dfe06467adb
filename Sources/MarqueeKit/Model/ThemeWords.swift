/// Every word and phrase the theme shows, by id, in English: the catalogue the shipped tables
/// (`ThemeLanguages`) and a site's `i18n/<lang>.yml` translate. `{name}` in a text stands for
/// what the build puts there; ids ending in `.one` / `.other` are the forms of a count.
///
/// Kept as Swift data rather than embedded YAML: the compiler checks the tables, a build parses
/// nothing to get them, and the tests hold every shipped table to this list.
public struct ThemeWord: Sendable, Hashable {
    public let id: String
    public let english: String
    /// What it is for, in docs/reference/theme-words.md's list.
    public let note: String
    /// Who fills it in.
    public let use: Use

    public enum Use: Sendable, Hashable {
        /// The view models fill in its placeholders and give templates the result.
        case model
        /// Shown to templates as is, `words.<id>` (`{{words.card.read_more}}`).
        case template
        /// Placed around what the template itself puts at its placeholders (a link, a marked
        /// value): templates get the text `before`, `between` and `after` them. Its placeholders
        /// must all be there, in the English order.
        case split
    }

    init(_ id: String, _ english: String, _ note: String, template: Bool = false, split: Bool = false) {
        self.id = id
        self.english = english
        self.note = note
        use = split ? .split : template ? .template : .model
    }

    var inTemplates: Bool { use != .model }

    /// The `{name}`s in `text`, in order.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) { names.append(String(name)) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

extension ThemeWord {
    /// The catalogue, in docs/reference/theme-words.md's order.
    public static let all: [ThemeWord] = chrome + search + lists + review + ratings + taxonomies + works + formats

    static let byID: [String: ThemeWord] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    private static let chrome: [ThemeWord] = [
        ThemeWord("site.skip_to_content", "Skip to content", "the link to the main content, first on every page", template: true),
        ThemeWord("site.menu", "Site", "the accessible name of the site's menu", template: true),
        ThemeWord("site.feed", "Atom feed", "the footer's link to the feed", template: true),
        ThemeWord("site.by", "by {name}", "the footer's credit to the site's author"),
        ThemeWord("menu.home", "Home", "the menu entry of the home page"),
        ThemeWord("menu.reviews", "Reviews", "the menu entry of the list of all reviews"),
        ThemeWord("menu.ratings", "Ratings", "the menu entry of the ratings page"),
        ThemeWord("not_found.title", "Page not found", "the 404 page's title"),
        ThemeWord("not_found.text", "There is nothing at this address. Try the {home} or {archive}.", "the 404 page's message, with links", split: true),
        ThemeWord("not_found.home", "home page", "the text of the 404 page's link home", template: true),
        ThemeWord("not_found.archive", "all reviews", "the text of the 404 page's link to the archive", template: true),
        ThemeWord("not_found.recent", "Recent reviews", "the 404 page's list of the newest reviews", template: true),
        ThemeWord("pagination.label", "Pages", "the accessible name of the pagination", template: true),
        ThemeWord("pagination.newer", "Newer", "the link to the newer page", template: true),
        ThemeWord("pagination.older", "Older", "the link to the older page", template: true),
        ThemeWord("pagination.position", "Page {current} of {total}", "where this page is"),
    ]

    private static let lists: [ThemeWord] = [
        ThemeWord("home.title", "Latest reviews", "the home page's heading"),
        ThemeWord("list.page", "{title}, page {number}", "the title of a list's page 2 and after"),
        ThemeWord("list.empty", "No reviews yet.", "a list with no reviews", template: true),
        ThemeWord("count.reviews.one", "{count} review", "a number of reviews, singular"),
        ThemeWord("count.reviews.other", "{count} reviews", "a number of reviews, plural"),
        ThemeWord("archive.title", "All reviews", "the archive's title"),
        ThemeWord("archive.description", "Every review on {site}, by year.", "the archive's meta description"),
        ThemeWord("archive.summary", "{reviews}, newest first.", "the archive's line under its heading"),
        ThemeWord("card.read_more", "Read the review", "a card's link to the review", template: true),
        ThemeWord("card.read_more_of", "of {work}", "what screen readers hear after it (visually hidden)"),
        ThemeWord("card.draft", "Draft", "the mark on a draft's card", template: true),
        ThemeWord("card.scheduled", "Scheduled", "the mark on a future-dated review's card", template: true),
        ThemeWord("count.articles.one", "{count} article", "a number of articles, singular"),
        ThemeWord("count.articles.other", "{count} articles", "a number of articles, plural"),
        ThemeWord("count.reviews_and_articles", "{reviews}, {articles}", "a term's count on a taxonomy page when articles have it too"),
        ThemeWord("archive.summary_with_articles", "{reviews} and {articles}, newest first.", "the archive's line on a site with articles"),
        ThemeWord("card.article", "Article", "the mark on an article's card, and the feed's label for articles", template: true),
        ThemeWord("card.read_article", "Read the article", "an article card's link to the article", template: true),
        ThemeWord("article.updated", "Updated", "before the date an article was last revised", template: true),
    ]

    private static let review: [ThemeWord] = [
        ThemeWord("review.draft", "Draft: not published", "the mark on a draft's page (reviews and pages)", template: true),
        ThemeWord("review.scheduled", "Scheduled: not published until {date}", "the mark on a future-dated review"),
        ThemeWord("review.by", "By {name}", "the byline of a review that names its reviewer"),
        ThemeWord("review.reading_time", "{minutes} min read", "the reading time", split: true),
        ThemeWord("review.contents", "Contents", "the table of contents' heading", template: true),
        ThemeWord("review.rating", "Rating", "a label for the rating (the default theme shows the badge under the title, unlabelled)", template: true),
        ThemeWord("review.tags", "Tags:", "before the review's tags", template: true),
        ThemeWord("review.recommendations", "You'll love", "a short heading of the recommendations, for themes of your own (the default theme uses `review.liked_heading`)", template: true),
        ThemeWord("review.recommendation", "Liked {liked}? You'll love {other}", "one recommendation as a sentence: the review's work, then the recommended one (for themes of your own)", split: true),
        ThemeWord("review.liked_heading", "Liked {liked}? You'll love these", "the heading of the recommendations, with the review's work (the default theme's, which lists the works under it)", split: true),
        ThemeWord("review.recommended_by", "Recommended from", "the heading of the reviews recommending this one", template: true),
        ThemeWord("review.about_author", "About the author", "the accessible name of the author box", template: true),
        ThemeWord("rating.text", "{value} out of {scale}", "a rating"),
        ThemeWord("rating.label", "Rated {value} out of {scale}", "a rating as the default theme's badges show and say it"),
        ThemeWord("feed.rating", "Rating: {rating}", "the rating in the feed's credits line"),
        ThemeWord("comments.heading.one", "{count} thought on “{title}”", "the heading over a post's readers' comments, for one"),
        ThemeWord("comments.heading.other", "{count} thoughts on “{title}”", "the heading over a post's readers' comments, for more"),
        ThemeWord("comments.leave", "Leave a comment", "the heading over the service for new comments (site.yml `comments:`)", template: true),
        ThemeWord("feed.comments.one", "{count} comment", "a post's comments, at the end of its feed entry, for one"),
        ThemeWord("feed.comments.other", "{count} comments", "a post's comments, at the end of its feed entry, for more"),
    ]

    private static let ratings: [ThemeWord] = [
        ThemeWord("ratings.title", "Ratings", "the ratings page's title", template: true),
        ThemeWord("ratings.description", "Every rating on {site} in one table, with how they are spread.", "its meta description"),
        ThemeWord("ratings.caption", "All {reviews}, best rated first", "the table's caption"),
        ThemeWord("ratings.work", "Work", "the works' column when they are of several kinds"),
        ThemeWord("ratings.year", "Year", "the year's column", template: true),
        ThemeWord("ratings.by", "By", "the makers' column when they are of several kinds"),
        ThemeWord("ratings.rating", "Rating", "the rating's column", template: true),
        ThemeWord("chart.title", "How {count} ratings are spread from 0 to {scale}", "the chart's title"),
        ThemeWord("chart.bar", "{rating}: {reviews}", "one bar of the chart"),
        ThemeWord("chart.empty", "No ratings yet.", "the chart with no ratings"),
    ]

    private static let taxonomies: [ThemeWord] = [
        ThemeWord("taxonomy.by_name", "By name", "a taxonomy's terms by name", template: true),
        ThemeWord("taxonomy.by_count", "By number of reviews", "a taxonomy's terms by count", template: true),
        ThemeWord("taxonomy.empty", "Nothing here yet.", "a taxonomy with no terms", template: true),
        ThemeWord("taxonomy.description", "{taxonomy} of the reviews on {site}.", "a taxonomy page's meta description"),
        ThemeWord("term.title", "{singular}: {name}", "a term page's title"),
        ThemeWord("term.description", "Reviews filed under {name}: {reviews}, average rating {average} out of {scale}.", "a term page's meta description"),
        ThemeWord("term.average", "Average rating {average} out of {scale} across {reviews}", "a term page's line under its heading"),
        ThemeWord("term.average_and_articles", "{average}, and {articles}", "a term page's line when articles have the term too"),
        ThemeWord("term.description_articles", "Articles filed under {name}: {articles}.", "the meta description of a term of articles only"),
        ThemeWord("term.description_and_articles", "{description} And {articles}.", "the meta description of a term of reviews and articles"),
        ThemeWord("term.all", "All {taxonomy_lowercase}", "a term page's link to its taxonomy (also {taxonomy}, as written)"),
        ThemeWord("reason.same", "Same {singular_lowercase}: {name}", "why an added taxonomy's shared term suggested a review (also {singular})"),
    ] + TaxonomyDefinition.defaults.flatMap { definition in
        [ThemeWord("taxonomy.\(definition.id).title", definition.title, "the \(definition.id) taxonomy's title"),
         ThemeWord("taxonomy.\(definition.id).singular", definition.singular, "its name for one term")]
            + (definition.suggestionReason.map { [ThemeWord("reason.\(definition.id)", $0, "why a shared term suggested a review")] } ?? [])
    }

    /// One word per built-in kind of work, by its label (several ids share "Game").
    private static let works: [ThemeWord] = {
        var seen = Set<String>()
        return WorkType.all.filter { seen.insert($0.label).inserted }.map {
            ThemeWord("work.\($0.label.lowercased())", $0.label, "the credits' word for a work of `type: \($0.id)`")
        }
    }()

    private static let formats: [ThemeWord] = [
        ThemeWord("date.format", "{day} {month} {year}", "a day for readers"),
    ] + CivilCalendar.monthNames.enumerated().map { index, name in
        ThemeWord("date.month.\(index + 1)", name, "the month's name in a date")
    } + [
        ThemeWord("number.decimal", ".", "the decimal separator of ratings (`4.5`)"),
        ThemeWord("number.digits", "0123456789", "the ten digits numbers are written with"),
        ThemeWord("plural.rule", "one", "which counts take the `.one` form: `one` (1 only) or `zero-one` (0 and 1, as in French)"),
    ]
}
