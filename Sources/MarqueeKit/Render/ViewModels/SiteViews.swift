import MarqueeTemplates

/// `site` as the header and footer fragments see it: the site's settings, links and menu.
struct SiteView: TemplateView {
    var title: String
    var description: String?
    var language: String
    var url: String
    var home: String
    var archive: String
    var ratings: String
    var feed: String
    var stylesheet: String
    /// The search page's link; nil with `search: false`.
    var search: String?
    var ratingScale: Int
    var nav: [NavItemView]
    var author: AuthorView?
    /// "by Vivek S.", in the site's language; nil without an author.
    var byAuthor: String?

    var templateObject: TemplateObject {
        TemplateObject([
            "title": .text(title),
            "description": .text(orAbsent: description),
            "language": .text(language),
            "url": .text(url),
            "home": .text(home),
            "archive": .text(archive),
            "ratings": .text(ratings),
            "feed": .text(feed),
            "stylesheet": .text(stylesheet),
            "search": .text(orAbsent: search),
            "ratingScale": .int(ratingScale),
            "nav": .list(nav),
            "author": .view(author),
            "byAuthor": .text(orAbsent: byAuthor),
        ])
    }

    static let schema = TemplateObjectType("site", [
        TemplateField("title", .text, "the site's title (site.yml `title`)"),
        TemplateField("description", .text, "the site's description (site.yml `description`); empty when it has none"),
        TemplateField("language", .text, "the site's language tag, for `<html lang>` (site.yml `language`, default `en`)"),
        TemplateField("url", .text, "the base URL, ending in `/` (`https://example.org/blog/`)"),
        TemplateField("home", .text, "the link to the home page, with the base path (`/blog/`)"),
        TemplateField("archive", .text, "the link to the list of all reviews (`/blog/reviews/`)"),
        TemplateField("ratings", .text, "the link to the ratings page (`/blog/ratings/`)"),
        TemplateField("feed", .text, "the link to the Atom feed (`/blog/feed.xml`)"),
        TemplateField("stylesheet", .text, "the link to the stylesheet (`/blog/style.css`)"),
        TemplateField("search", .text, "the link to the search page (`/blog/search/`), the header's search form's `action`; empty with `search: false` in site.yml"),
        TemplateField("ratingScale", .number, "the top of the rating scale (site.yml `rating_scale`, default 5)"),
        TemplateField("nav", NavItemView.listType, "the menu: home, reviews, ratings, the listed taxonomies and the plain pages"),
        TemplateField("author", AuthorView.type, "the site's author (site.yml `author`); empty when it names none"),
        TemplateField("byAuthor", .text, "`by Vivek S.`, the footer's credit in the site's language (`site.by`); empty without an author"),
    ])
}

/// One entry of the site's menu.
struct NavItemView: TemplateView {
    var title: String
    var url: String
    var isCurrent: Bool

    var templateObject: TemplateObject {
        TemplateObject(["title": .text(title), "url": .text(url), "isCurrent": .flag(isCurrent)])
    }

    static let schema = TemplateObjectType("menu entry", [
        TemplateField("title", .text, "the entry's label (`Reviews`, a taxonomy's title, a page's title)"),
        TemplateField("url", .text, "the entry's link, with the base path"),
        TemplateField("isCurrent", .flag, "whether the page shown is this entry or belongs under it (never in the footer)"),
    ])
}

/// The site's author, from site.yml.
struct AuthorView: TemplateView {
    var name: String
    var bio: String?
    var url: String?

    var templateObject: TemplateObject {
        TemplateObject([
            "name": .text(name),
            "bio": .text(orAbsent: bio),
            "url": .text(orAbsent: url),
            "hasURL": .flag(url != nil),
        ])
    }

    static let schema = TemplateObjectType("author", [
        TemplateField("name", .text, "the author's name"),
        TemplateField("bio", .text, "a line about the author; empty when site.yml gives none"),
        TemplateField("url", .text, "the author's own web address; empty when site.yml gives none"),
        TemplateField("hasURL", .flag, "whether `url` is set"),
    ])
}

/// `site` as pages see it: everything in `SiteView`, with the header and footer already rendered
/// for this page and the menu entry it belongs under.
struct PageSiteView: TemplateView {
    let site: SiteView
    let headerHTML: String
    let footerHTML: String
    let currentNav: String
    /// Made once for each current menu entry: every page shows one.
    private(set) var templateValue: TemplateValue = .absent

    init(site: SiteView, headerHTML: String, footerHTML: String, currentNav: String) {
        self.site = site
        self.headerHTML = headerHTML
        self.footerHTML = footerHTML
        self.currentNav = currentNav
        templateValue = .object(templateObject)
    }

    var templateObject: TemplateObject {
        site.templateObject.adding([
            "headerHTML": .html(headerHTML),
            "footerHTML": .html(footerHTML),
            "currentNav": .text(currentNav),
        ])
    }

    static let schema = SiteView.schema.extended(as: "site", with: [
        TemplateField("headerHTML", .html, "the `site-header` template rendered with this page's menu entry current; insert with {{{ }}}"),
        TemplateField("footerHTML", .html, "the `site-footer` template rendered; insert with {{{ }}}"),
        TemplateField("currentNav", .text, "the link of the menu entry this page belongs under (a review is under Reviews), or empty text for none"),
    ])
}

/// What the `site-header` and `site-footer` fragments are rendered with.
struct SiteFragmentView: TemplateView {
    var site: SiteView
    var words: WordsView

    var templateObject: TemplateObject { TemplateObject(["site": site.templateValue, "words": words.templateValue]) }

    static let schema = TemplateObjectType("site fragment", [
        TemplateField("site", SiteView.type, "the site: its title, links, menu and author"),
        TemplateField("words", WordsView.type, "the theme's words in the site's language"),
    ])
}
