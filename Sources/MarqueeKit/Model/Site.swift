import MarqueeTemplates
/// A recommendation as the site shows it: "Liked X? You'll love Y".
public struct Recommendation: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        /// Another review of this site, by its index in `Site.reviews`.
        case review(Int)
        /// A work not reviewed here.
        case external(title: String, url: String)
    }

    public var target: Target
    /// True when the writer named it in `recommend`; false for one Marquee suggested.
    public var isExplicit: Bool
    /// Why it was suggested ("Also directed by Majid Majidi"), for suggestions.
    public var reason: String?
}

/// The assembled site: every review and page that will be published, in order, with every
/// cross-reference resolved and checked. Render reads only this.
public struct Site: Sendable {
    public let config: SiteConfig
    public let permalinks: Permalinks
    /// Newest first; ties broken by slug.
    public internal(set) var reviews: [Review]
    /// By slug.
    public let pages: [Page]
    /// `recommendations[i]` belongs to `reviews[i]`.
    public let recommendations: [[Recommendation]]
    /// `recommendedBy[i]`: indexes of the reviews that explicitly recommend `reviews[i]`.
    public let recommendedBy: [[Int]]
    public let staticFiles: [String]
    public let templates: [TemplateSource]
    /// Slug → index in `reviews`.
    public let reviewIndex: [String: Int]
    /// In the order of `config.taxonomies`.
    public let taxonomies: [Taxonomy]
    /// The published articles (`content/posts/`), newest first; ties broken by slug.
    public internal(set) var articles: [Article] = []
    /// The resized variants of its images (`ImageStage`), filled in between assemble and render.
    public internal(set) var images = ImageCatalog()

    public func review(slug: String) -> Review? {
        reviewIndex[slug].map { reviews[$0] }
    }
}
