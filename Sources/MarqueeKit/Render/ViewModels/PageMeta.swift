import MarqueeTemplates
/// What a page says about itself in `<head>`: its title, description, address and social metadata.
struct PageMeta {
    var title: String?
    var description: String
    var route: Route
    var kind: PageKind
    /// The navigation entry this page belongs under, when it is not one itself.
    var section: Route?
    /// Absolute URL of the page's image (Open Graph, Twitter card).
    var image: String?
    /// The review whose excerpt `description` is (marked for the build cache as such).
    var describedReview: Int?
    /// A ready `<script type="application/ld+json">` body, JSON-encoded and escaped for HTML.
    var jsonLD: TemplateValue
    /// The page's own language (a review's `language:`); nil for the site's.
    var language: String?

    init(title: String?, description: String, route: Route, kind: PageKind, section: Route? = nil, image: String? = nil, jsonLD: TemplateValue = .absent) {
        self.title = title
        self.description = description
        self.route = route
        self.kind = kind
        self.section = section
        self.image = image
        self.jsonLD = jsonLD
    }
}
