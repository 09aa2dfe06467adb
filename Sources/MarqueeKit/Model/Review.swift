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
public struct Review: Hashable, Sendable {
    /// Path of the Markdown file relative to the site folder.
    public var source: String
    public var slug: String
    public var title: String
    /// The reviewed work; the title when not given.
    public var movie: String
    public var year: Int?
    /// The names it files under each taxonomy (directors, tags, a site's own `country`…), by
    /// taxonomy id (`TaxonomyDefinition.ID`), in the order the writer gave them. Years come from `year`.
    public var terms: [String: [Name]] = [:]
    public var rating: Rating
    public var date: PublicationDate
    public var recommendations: [RecommendationReference] = []
    public var summary: String?
    public var isDraft = false
    /// Dated in the future and shown only because the build asked for future reviews (set by assemble).
    public var isScheduled = false
    public var image: String?
    /// `image_alt:`: what the image shows, for its alt text (nil: the work's name).
    public var imageAlt: String?
    public var type: String?
    /// `toc:` in its front matter: list its headings as a table of contents (nil: as site.yml says).
    public var tableOfContents: Bool?
    /// Old addresses of the review (`aliases:`), each written as a page that redirects here.
    public var aliases: [Alias] = []
    /// The credits' word for its kind of work (`type:`); nil for a film.
    public var workLabel: String?
    /// The language it is written in (`language:`, a BCP 47 tag); nil for the site's.
    public var language: String?
    /// Who wrote it (`reviewer:`): an id of site.yml's `authors`; nil for the site's `author`.
    public var reviewer: String?
    /// The language of the original title (`original_language:`), for `<bdi lang>`.
    public var originalLanguage: String?
    public var params: [String: ParamValue] = [:]
    public var body: RenderedMarkdown
    /// The teaser for lists and feeds: the part before `<!--more-->`, else the summary, else the first paragraph.
    public var excerpt: Excerpt
    /// For a folder review: its other files, relative to the folder ("poster.jpg", "stills/1.jpg").
    public var bundleFiles: [String] = []
    /// Readers' comments from its comments file (`CommentsFiles`), in the file's order.
    public var comments: [Comment] = []
    /// Where each front matter key was written, for errors found after reading.
    public var keyLocations: [String: SourceLocation] = [:]
    /// Fingerprint of the file but its body (`ContentFile.frontMatterDigest`): the build cache
    /// trusts an edit that keeps it to have changed the body only.
    public var frontMatterDigest: UInt64 = 0

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
