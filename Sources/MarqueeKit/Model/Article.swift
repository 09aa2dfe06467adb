/// One article as the writer wrote it: a dated post without a rating or credits (an essay, a
/// list, news), read from `content/posts/<slug>.md` or `<slug>/index.md`, built at `/posts/<slug>/`.
/// It is listed among the reviews (home page, term pages, archive, feed) but is not one: it has no
/// badge, no work and no recommendations.
public struct Article: Hashable, Sendable {
    /// Path of the Markdown file relative to the site folder.
    public var source: String
    public var slug: String
    public var title: String
    public var date: PublicationDate
    /// When it was last revised (`updated:`); nil when never.
    public var updated: PublicationDate?
    /// The names it files under each taxonomy (tags, categories, a site's own `country`…), by
    /// taxonomy id, as a review's (`Review.terms`); never a credit.
    public var terms: [String: [Name]] = [:]
    public var summary: String?
    public var isDraft = false
    /// Dated in the future and shown only because the build asked for future posts (set by assemble).
    public var isScheduled = false
    public var image: String?
    /// `image_alt:`: what the image shows, for its alt text (nil: the article's title).
    public var imageAlt: String?
    /// `toc:` in its front matter (nil: as site.yml says).
    public var tableOfContents: Bool?
    public var aliases: [Alias] = []
    /// `language:`, a BCP 47 tag; nil for the site's.
    public var language: String?
    /// `reviewer:`, an id of site.yml's `authors`; nil for the site's `author`.
    public var reviewer: String?
    public var params: [String: ParamValue] = [:]
    public var body: RenderedMarkdown
    public var excerpt: Excerpt
    /// For a folder article: its other files, relative to the folder.
    public var bundleFiles: [String] = []
    /// Readers' comments from its comments file (`CommentsFiles`), in the file's order.
    public var comments: [Comment] = []
    public var keyLocations = KeyLocations(path: "")

    public func names(_ taxonomy: String) -> [Name] { terms[taxonomy] ?? [] }

    public func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? SourceLocation(path: source)
    }
}
