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
    /// A BCP 47 tag: the site's language, for `<html lang>`. The site's chrome (header, menu,
    /// footer, the theme's words) is in it on every page, so a review in another language says so
    /// on its own content (`contentLanguage`), not on the whole document: the Nu checker and
    /// screen readers then read each part in its language, and the theme's words need one table.
    var language: String
    /// The page's own language (a review's `language:`) when it is not the site's; nil otherwise.
    var contentLanguage: String?

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
            "contentLanguage": .text(orAbsent: contentLanguage),
            "contentDirection": .text(orAbsent: contentDirection),
        ])
    }

    /// `rtl` or `ltr` when the content's direction is not the site's; nil when it is the same.
    var contentDirection: String? {
        guard let contentLanguage else { return nil }
        let rightToLeft = LanguageDirection.isRightToLeft(contentLanguage)
        return rightToLeft == LanguageDirection.isRightToLeft(language) ? nil : rightToLeft ? "rtl" : "ltr"
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
        TemplateField("language", .text, "the site's language, a BCP 47 tag (site.yml's `language`), for `<html lang>`: the theme's words and the site's header and footer are in it"),
        TemplateField("isRightToLeft", .flag, "whether that language is written right to left (Arabic, Persian, Hebrew, Urdu, …), for `dir=\"rtl\"`"),
        TemplateField("contentLanguage", .text, "a review's own `language:` when it is not the site's, for `lang` on its content (`<article>`); empty otherwise"),
        TemplateField("contentDirection", .text, "`rtl` or `ltr` when that language is written the other way from the site's, for `dir` on the content; empty otherwise"),
    ])
}

/// The variables every page has: `site` and `page`. Each page kind's view adds its own to them.
struct PageFrame {
    var site: PageSiteView
    var page: PageView
    /// `WordsView`'s value, made once per build.
    var words: TemplateValue

    /// The page's root object: `site`, `page` and the kind's own variables.
    func root(_ more: KeyValuePairs<String, TemplateValue>) -> TemplateObject {
        TemplateObject(["site": site.templateValue, "page": page.templateValue, "words": words]).adding(more)
    }

    /// A page kind's root schema: `site`, `page`, then `more`.
    static func schema(_ name: String, _ more: [TemplateField]) -> TemplateObjectType {
        TemplateObjectType(name, [
            TemplateField("site", PageSiteView.type, "the site: its title, links, menu, author, and the rendered header and footer"),
            TemplateField("page", PageView.type, "this page's title, description, address and social metadata"),
            TemplateField("words", WordsView.type, "the theme's words in the site's language (see Languages and translations)"),
        ] + more)
    }
}
