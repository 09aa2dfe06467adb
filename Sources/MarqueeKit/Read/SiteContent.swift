/// Everything the read stage found in a site folder, checked file by file but not yet as a whole.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var reviews: [Review]
    public var pages: [Page]
    /// Files under `static/`, relative to it ("style.css", "img/logo.png").
    public var staticFiles: [String]
    /// The site's own templates, which override the default theme's by name.
    public var templates: [TemplateSource]
}

/// The text of one Mustache template and where it came from.
public struct TemplateSource: Hashable, Sendable {
    /// The name partials and inheritance use: the file name without `.mustache`.
    public var name: String
    /// "templates/review.mustache", or "(default theme)/review.mustache" for built-in ones.
    public var path: String
    public var text: String

    public init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
    }
}
