import Foundation

/// The site's settings, from `site.yml` (documented in docs/reference/site-yml.md).
public struct SiteConfig: Sendable {
    public struct Author: Hashable, Sendable {
        public var name: String
        public var bio: String?
        public var url: String?
    }

    public struct Feed: Hashable, Sendable {
        /// How many of the newest reviews the Atom feed carries.
        public var entries: Int = 20
        /// Whole review bodies in the feed (true) or the excerpt only.
        public var fullContent: Bool = true
    }

    public var title: String
    public var description: String?
    /// Always ends with "/", e.g. `https://example.org/blog/`.
    public var baseURL: String
    public var language: String = "en"
    /// The theme's words in `language`: a shipped table or English, with the site's `i18n/<lang>.yml`.
    public var translation = Translation.english
    public var timeZone: TimeZone
    public var timeZoneName: String = "UTC"
    public var author: Author?
    /// The site's reviewers by id (`authors:`), for sites with more than one writer; a review names
    /// its own with `reviewer: ID`, and one that does not is the site's `author`'s.
    public var authors: [String: Author] = [:]
    /// Kinds of work the site adds to `WorkType.all` (`types:`), each with its word and schema.org type.
    public var workTypes: [WorkType] = []
    public var ratingScale: Int = 5
    public var paginate: Int = 10
    /// Review pages list their headings as a table of contents (`toc:`; a review's own `toc:` wins).
    public var tableOfContents = false
    public var markdown = MarkdownOptions()
    public var feed = Feed()
    /// A broken internal link fails the build (`error`) or is reported (`warning`).
    public var brokenLinks: BrokenLinkPolicy = .error
    /// `search:`: the search field, the `/search/` page and its index (`search/`); on unless `false`.
    public var search = true
    /// How "You'll love" links are suggested.
    public var recommendations = RecommendationSettings()
    /// The service embedded for new comments (`comments:`); nil: none.
    public var comments: CommentsProvider?
    /// The taxonomies built, in menu order.
    public var taxonomies: [TaxonomyDefinition] = TaxonomyDefinition.defaults

    /// The taxonomies each front matter key files names under: the built-in ones' keys always
    /// (a taxonomy switched off still shows its names in the credits, without pages), and the keys
    /// of the ones the site added (`country`).
    var taxonomiesOfKey: [String: [String]] {
        var result: [String: [String]] = [:]
        for definition in TaxonomyDefinition.defaults + taxonomies.filter({ !$0.isBuiltIn }) where definition.readsNames {
            for key in definition.keys { result[key, default: []].append(definition.id) }
        }
        return result
    }

    public init(title: String, baseURL: String, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) {
        self.title = title
        self.baseURL = baseURL
        self.timeZone = timeZone
    }

    /// The path part of the base URL, "/" or "/blog/": every link the site writes starts with it.
    public var basePath: String {
        BaseURL.path(of: baseURL)
    }
}
