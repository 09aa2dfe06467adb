/// A name given in front matter (a director, a tag…) with where it was written.
public struct Name: Hashable, Sendable {
    public var text: String
    public var location: SourceLocation
}

/// What a review recommends: another review of the site, by slug, or a work not reviewed here.
public enum RecommendationReference: Hashable, Sendable {
    case review(slug: String, location: SourceLocation)
    case external(title: String, url: String, location: SourceLocation)
}

/// A front matter value for templates (`params`): the keys Marquee does not know itself.
public indirect enum ParamValue: Hashable, Sendable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([ParamValue])
    case map([String: ParamValue])
}

/// One review as the writer wrote it: read from `content/reviews/<slug>.md` or `<slug>/index.md`.
///
/// A value, with its fields in one shared box that is copied on the first write to a shared
/// copy: a review is read by every page that lists it, and a copy of 28 fields cost a retain and
/// a release of each (3% of a build's CPU at 10,000 reviews); a copy of the box costs one.
public struct Review: Hashable, Sendable {
    /// The fields themselves; `Review` forwards each of them.
    struct Fields: Hashable, Sendable {
        var source: String
        var slug: String
        var title: String
        var movie: String
        var year: Int?
        var terms: [String: [Name]] = [:]
        var rating: Rating
        var date: PublicationDate
        var recommendations: [RecommendationReference] = []
        var summary: String?
        var isDraft: Bool = false
        var isScheduled: Bool = false
        var image: String?
        var imageAlt: String?
        var type: String?
        var tableOfContents: Bool?
        var aliases: [Alias] = []
        var workLabel: String?
        var language: String?
        var reviewer: String?
        var originalLanguage: String?
        var params: [String: ParamValue] = [:]
        var body: RenderedMarkdown
        var excerpt: Excerpt
        var bundleFiles: [String] = []
        var comments: [Comment] = []
        var keyLocations = KeyLocations(path: "")
        var frontMatterDigest: UInt64 = 0
    }

    // Never written while shared: every setter below writes to a box of its own first.
    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    public init(source: String, slug: String, title: String, movie: String, year: Int? = nil, rating: Rating,
                date: PublicationDate, body: RenderedMarkdown, excerpt: Excerpt) {
        box = Box(Fields(source: source, slug: slug, title: title, movie: movie, year: year, rating: rating,
                         date: date, body: body, excerpt: excerpt))
    }

    public static func == (lhs: Review, rhs: Review) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    /// The box, made this value's own before a write.
    private var fields: Fields {
        get { box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    /// Path of the Markdown file relative to the site folder.
    public var source: String {
        get { box.fields.source }
        _modify { yield &fields.source }
    }
    public var slug: String {
        get { box.fields.slug }
        _modify { yield &fields.slug }
    }
    public var title: String {
        get { box.fields.title }
        _modify { yield &fields.title }
    }
    /// The reviewed work; the title when not given.
    public var movie: String {
        get { box.fields.movie }
        _modify { yield &fields.movie }
    }
    public var year: Int? {
        get { box.fields.year }
        _modify { yield &fields.year }
    }
    /// The names it files under each taxonomy (directors, tags, a site's own `country`…), by
    /// taxonomy id (`TaxonomyDefinition.ID`), in the order the writer gave them. Years come from `year`.
    public var terms: [String: [Name]] {
        get { box.fields.terms }
        _modify { yield &fields.terms }
    }
    public var rating: Rating {
        get { box.fields.rating }
        _modify { yield &fields.rating }
    }
    public var date: PublicationDate {
        get { box.fields.date }
        _modify { yield &fields.date }
    }
    public var recommendations: [RecommendationReference] {
        get { box.fields.recommendations }
        _modify { yield &fields.recommendations }
    }
    public var summary: String? {
        get { box.fields.summary }
        _modify { yield &fields.summary }
    }
    public var isDraft: Bool {
        get { box.fields.isDraft }
        _modify { yield &fields.isDraft }
    }
    /// Dated in the future and shown only because the build asked for future reviews (set by assemble).
    public var isScheduled: Bool {
        get { box.fields.isScheduled }
        _modify { yield &fields.isScheduled }
    }
    public var image: String? {
        get { box.fields.image }
        _modify { yield &fields.image }
    }
    /// `image_alt:`: what the image shows, for its alt text (nil: the work's name).
    public var imageAlt: String? {
        get { box.fields.imageAlt }
        _modify { yield &fields.imageAlt }
    }
    public var type: String? {
        get { box.fields.type }
        _modify { yield &fields.type }
    }
    /// `toc:` in its front matter: list its headings as a table of contents (nil: as site.yml says).
    public var tableOfContents: Bool? {
        get { box.fields.tableOfContents }
        _modify { yield &fields.tableOfContents }
    }
    /// Old addresses of the review (`aliases:`), each written as a page that redirects here.
    public var aliases: [Alias] {
        get { box.fields.aliases }
        _modify { yield &fields.aliases }
    }
    /// The credits' word for its kind of work (`type:`); nil for a film.
    public var workLabel: String? {
        get { box.fields.workLabel }
        _modify { yield &fields.workLabel }
    }
    /// The language it is written in (`language:`, a BCP 47 tag); nil for the site's.
    public var language: String? {
        get { box.fields.language }
        _modify { yield &fields.language }
    }
    /// Who wrote it (`reviewer:`): an id of site.yml's `authors`; nil for the site's `author`.
    public var reviewer: String? {
        get { box.fields.reviewer }
        _modify { yield &fields.reviewer }
    }
    /// The language of the original title (`original_language:`), for `<bdi lang>`.
    public var originalLanguage: String? {
        get { box.fields.originalLanguage }
        _modify { yield &fields.originalLanguage }
    }
    public var params: [String: ParamValue] {
        get { box.fields.params }
        _modify { yield &fields.params }
    }
    public var body: RenderedMarkdown {
        get { box.fields.body }
        _modify { yield &fields.body }
    }
    /// The teaser for lists and feeds: the part before `<!--more-->`, else the summary, else the first paragraph.
    public var excerpt: Excerpt {
        get { box.fields.excerpt }
        _modify { yield &fields.excerpt }
    }
    /// For a folder review: its other files, relative to the folder ("poster.jpg", "stills/1.jpg").
    public var bundleFiles: [String] {
        get { box.fields.bundleFiles }
        _modify { yield &fields.bundleFiles }
    }
    /// Readers' comments from its comments file (`CommentsFiles`), in the file's order.
    public var comments: [Comment] {
        get { box.fields.comments }
        _modify { yield &fields.comments }
    }
    /// Where each front matter key was written, for errors found after reading.
    public var keyLocations: KeyLocations {
        get { box.fields.keyLocations }
        _modify { yield &fields.keyLocations }
    }
    /// Fingerprint of the file but its body (`ContentFile.frontMatterDigest`): the build cache
    /// trusts an edit that keeps it to have changed the body only.
    public var frontMatterDigest: UInt64 {
        get { box.fields.frontMatterDigest }
        _modify { yield &fields.frontMatterDigest }
    }

    /// Its names in one taxonomy: `review.names(TaxonomyDefinition.ID.directors)`.
    public func names(_ taxonomy: String) -> [Name] { terms[taxonomy] ?? [] }

    public func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? SourceLocation(path: source)
    }
}

/// A short text that stands for a review in lists, feeds and meta descriptions.
public struct Excerpt: Hashable, Sendable {
    public var html: String
    /// The same words without markup, for `<meta name="description">`.
    public var text: String

    /// Picks the excerpt the content format promises: `<!--more-->`, else `summary`, else the first paragraph.
    static func choose(body: RenderedMarkdown, summary: String?) -> Excerpt {
        if let html = body.moreExcerptHTML, let text = body.moreExcerptText {
            return Excerpt(html: html, text: text)
        }
        // A summary is plain text, like every front matter value: escaped, never parsed as Markdown or HTML.
        let summaryText = summary?.collapsingWhitespace() ?? ""
        if !summaryText.isEmpty {
            return Excerpt(html: "<p>\(HTMLText.escape(summaryText))</p>\n", text: summaryText)
        }
        return Excerpt(html: body.firstParagraphHTML ?? "", text: body.firstParagraphText ?? "")
    }
}

/// A plain page: `content/pages/<slug>.md`, built at `/<slug>/`.
public struct Page: Sendable {
    public var source: String
    public var slug: String
    public var title: String
    public var summary: String?
    public var isDraft = false
    public var params: [String: ParamValue] = [:]
    public var body: RenderedMarkdown
    /// The language the page is written in (`language:`, a BCP 47 tag), when it is not the site's.
    public var language: String?
    /// Old addresses of the page (`aliases:`), each written as a page that redirects here.
    public var aliases: [Alias] = []
}
