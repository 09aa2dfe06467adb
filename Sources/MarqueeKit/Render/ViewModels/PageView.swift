import MarqueeTemplates

/// `page`: what a page says about itself in `<head>` (title, description, address, social metadata).
struct PageView: TemplateView {
    var title: String
    var documentTitle: String
    /// Text, already shortened (and marked for the build cache when it is a review's excerpt);
    /// absent when there is none.
    var description: TemplateValue
    var canonical: String
    var url: String
    var kind: PageKind
    var image: String?
    /// JSON-LD escaped for `<script>`, as HTML (marked as a container when recording); absent
    /// on pages without one.
    var jsonLD: TemplateValue
    /// A BCP 47 tag: the page's own language, or the site's.
    var language: String

    var templateObject: TemplateObject {
        TemplateObject([
            "title": .text(title),
            "documentTitle": .text(documentTitle),
            "description": description,
            "canonical": .text(canonical),
            "url": .text(url),
            "kind": .text(kind.template),
            "isIndexable": .flag(kind != .notFound),
            "openGraphType": .text(kind == .review ? "article" : "website"),
            "image": .text(orAbsent: image),
            "twitterCard": .text(image == nil ? "summary" : "summary_large_image"),
            "jsonLD": jsonLD,
            "language": .text(language),
            "isRightToLeft": .flag(LanguageDirection.isRightToLeft(language)),
        ])
    }

    static let schema = TemplateObjectType("page", [
        TemplateField("title", .text, "the page's own title (the site's title on the first home page)"),
        TemplateField("documentTitle", .text, "the title for `<title>`: `<title> — <site title>`, or the site's title alone on the first home page"),
        TemplateField("description", .text, "the meta description, at most about 160 characters; empty when neither the page nor the site has one"),
        TemplateField("canonical", .text, "the page's absolute URL"),
        TemplateField("url", .text, "the page's link, with the base path"),
        TemplateField("kind", .text, "the kind of page: `home`, `review`, `page`, `taxonomy`, `term`, `archive`, `ratings` or `404`"),
        TemplateField("isIndexable", .flag, "false on the 404 page only (which gets `noindex` and no canonical link)"),
        TemplateField("openGraphType", .text, "`article` on review pages, `website` elsewhere"),
        TemplateField("image", .text, "the absolute URL of a review's `image`; empty on other pages and reviews without one"),
        TemplateField("twitterCard", .text, "`summary_large_image` when the page has an image, `summary` otherwise"),
        TemplateField("jsonLD", .html, "a review's schema.org JSON-LD, escaped for `<script>` (insert with {{{ }}}); empty on other pages"),
        TemplateField("language", .text, "the page's language, a BCP 47 tag: a review's `language:`, else site.yml's `language`, for `<html lang>`"),
        TemplateField("isRightToLeft", .flag, "whether that language is written right to left (Arabic, Persian, Hebrew, Urdu, …), for `dir=\"rtl\"`"),
    ])
}

/// The variables every page has: `site` and `page`. Each page kind's view adds its own to them.
struct PageFrame {
    var site: PageSiteView
    var page: PageView

    /// The page's root object: `site`, `page` and the kind's own variables.
    func root(_ more: KeyValuePairs<String, TemplateValue>) -> TemplateObject {
        TemplateObject(["site": site.templateValue, "page": page.templateValue]).adding(more)
    }

    /// A page kind's root schema: `site`, `page`, then `more`.
    static func schema(_ name: String, _ more: [TemplateField]) -> TemplateObjectType {
        TemplateObjectType(name, [
            TemplateField("site", PageSiteView.type, "the site: its title, links, menu, author, and the rendered header and footer"),
            TemplateField("page", PageView.type, "this page's title, description, address and social metadata"),
        ] + more)
    }
}
