import MarqueeTemplates

/// Everything the read stage found in a site folder, checked file by file but not yet as a whole.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var reviews: [Review]
    /// The articles of `content/posts/`.
    public var articles: [Article] = []
    public var pages: [Page]
    /// Files under `static/`, relative to it ("style.css", "img/logo.png").
    public var staticFiles: [String]
    /// The site's own templates, which override the default theme's by name.
    public var templates: [TemplateSource]
}
