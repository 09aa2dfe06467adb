import MarqueeTemplates

/// Prepares the values templates see, as typed views (`TemplateView`). Templates are logic-free:
/// every label, link, flag and piece of text a page shows is decided here.
///
/// Fragments that are the same on many pages (a review's card, a rating badge, the site header and
/// footer) are rendered once, through their own templates, and handed to pages as ready HTML
/// (`html`, `rating.html`, `site.headerHTML`): each still comes from an overridable template.
struct ViewModelBuilder {
    private(set) var site: Site
    let links: Permalinks
    /// `site` as the header and footer see it (no entry of the menu current).
    let siteView: SiteView
    /// One card per review, built and rendered once and shared by every list that shows it.
    private(set) var cards: [CardView]
    /// A review as an index shows it (archive, ratings, 404, "Recommended from"): the card without
    /// the excerpt, so those pages do not change when a review's body does.
    let entries: [EntryView]
    /// One card per article, rendered once (`ViewModelBuilder+Articles.swift`).
    private(set) var articleCards: [ArticleCardView] = []
    /// `site` as pages see it, with its header, for each navigation entry being current (key: its
    /// link; "" for none): made once, not for each of the site's pages.
    let siteViews: [String: PageSiteView]
    /// Marks on what comes from a review's body, while a build records its cache.
    let marks: BodyMarks
    /// The theme's words in the site's language, and `words` as every page and fragment sees it.
    let translation: Translation
    let words: WordsView
    /// The title and singular of each built-in taxonomy a review page names (its credits first,
    /// in the table's order), as the site renamed or translated them: found once, not on each page.
    let headings: [TaxonomyHeading]
    /// The year taxonomy, when the site has it (review pages link their year to its term).
    let yearTaxonomy: Taxonomy?

    /// A taxonomy's title and singular, as a review page shows them.
    struct TaxonomyHeading {
        let id: String
        let title: String
        let singular: String
        let isCredit: Bool
        func label(count: Int) -> String { count == 1 ? singular : title }
    }

    init(site: Site, templates: TemplateSet, marks: BodyMarks = .off) {
        self.site = site
        self.marks = marks
        links = site.permalinks
        let translation = site.config.translation
        let words = WordsView(translation)
        self.translation = translation
        self.words = words
        // Labels follow the taxonomies' names, so renaming categories to "Genres" renames the credit too;
        // a taxonomy switched off keeps its translated built-in name.
        headings = TaxonomyDefinition.defaults.map { builtIn in
            let definition = site.taxonomies.first { $0.definition.id == builtIn.id }?.definition ?? translation.translating(builtIn)
            return TaxonomyHeading(id: builtIn.id, title: definition.title, singular: definition.singular, isCredit: builtIn.isCredit)
        }
        yearTaxonomy = site.taxonomies.first { $0.definition.id == TaxonomyDefinition.ID.years }
        let siteView = Self.makeSiteView(site)
        let footerHTML = templates.render(SiteFragmentView(site: siteView, words: words).templateValue, template: PageKind.siteFooter.template) ?? ""
        var siteViews: [String: PageSiteView] = [:]
        for current in [""] + siteView.nav.map(\.url) {
            var forHeader = siteView
            for index in forHeader.nav.indices { forHeader.nav[index].isCurrent = forHeader.nav[index].url == current }
            let headerHTML = templates.render(SiteFragmentView(site: forHeader, words: words).templateValue, template: PageKind.siteHeader.template) ?? ""
            siteViews[current] = PageSiteView(site: forHeader, headerHTML: headerHTML, footerHTML: footerHTML, currentNav: current)
        }
        self.siteView = siteView
        self.siteViews = siteViews
        // Badges: one per distinct rating, rendered once.
        var badges: [Int: RatingView] = [:]
        for review in site.reviews where badges[review.rating.halfSteps] == nil {
            let badge = RatingBadgeView(review.rating, translation)
            badges[review.rating.halfSteps] = RatingView(badge: badge, html: templates.render(badge.templateValue, template: PageKind.ratingBadge.template) ?? "")
        }
        let links = site.permalinks
        let made = ConcurrentMap.map(Array(site.reviews.indices)) { index in
            let review = site.reviews[index]
            let rating = badges[review.rating.halfSteps] ?? RatingView(badge: RatingBadgeView(review.rating, translation), html: "")
            let thumbnail = review.image.map { PosterView($0, of: review, site: site, link: Self.imageLink($0, of: review, links: links),
                                                         sizes: PosterView.thumbnailSizes, lazy: true) }
            let entry = EntryView(review, links: links, rating: rating, translation: translation, thumbnail: thumbnail)
            return (entry, Self.makeCard(review, at: index, entry: entry, templates: templates, marks: marks, words: words))
        }
        entries = made.map(\.0)
        cards = made.map(\.1)
        articleCards = site.articles.indices.map { makeArticleCard(at: $0, templates: templates) }
    }

    /// What each fragment's template is rendered with: every card, every distinct badge, the
    /// header for each current menu entry and the footer (for tests and the template checker).
    func fragmentValues() -> [(kind: PageKind, value: TemplateValue)] {
        var values: [(kind: PageKind, value: TemplateValue)] = cards.map { (.card, $0.card.templateValue) }
        values += articleCards.map { (.articleCard, $0.card.templateValue) }
        var seen = Set<Int>()
        for entry in entries where seen.insert(entry.rating.badge.halfSteps).inserted {
            values.append((.ratingBadge, entry.rating.badge.templateValue))
        }
        for key in siteViews.keys.sorted() {
            if let view = siteViews[key] { values.append((.siteHeader, SiteFragmentView(site: view.site, words: words).templateValue)) }
        }
        values.append((.siteFooter, SiteFragmentView(site: siteView, words: words).templateValue))
        return values
    }

    /// The same models after an edit that changed only the body of review `index` (its front
    /// matter is byte for byte the same): only that review's card is made again.
    func replacingBody(ofReview index: Int, in site: Site, templates: TemplateSet) -> ViewModelBuilder {
        var copy = self
        copy.site = site
        copy.cards[index] = Self.makeCard(site.reviews[index], at: index, entry: entries[index], templates: templates, marks: marks, words: words)
        return copy
    }

    /// The variables every page gets: `site` and `page` (title, description, canonical URL, social metadata).
    func frame(_ meta: PageMeta) -> PageFrame {
        let documentTitle = meta.title.map { "\($0) — \(site.config.title)" } ?? site.config.title
        // The current navigation entry: the page itself, or the section it belongs to (a review is under "Reviews").
        let link = links.link(meta.route)
        let section = meta.section.map { links.link($0) } ?? ""
        let current = siteViews[link] != nil ? link : (siteViews[section] != nil ? section : "")
        let siteVariables = siteViews[current] ?? PageSiteView(site: siteView, headerHTML: "", footerHTML: "", currentNav: "")
        let description = meta.description.isEmpty ? (site.config.description ?? "") : meta.description
        let page = PageView(
            title: meta.title ?? site.config.title,
            documentTitle: documentTitle,
            description: description.isEmpty ? .absent : meta.describedReview.map { marks.value(.description, of: site.reviews[$0], at: $0, in: translation) } ?? .text(Self.shorten(description, to: 160)),
            canonical: links.absolute(meta.route),
            url: links.link(meta.route),
            kind: meta.kind,
            image: meta.image,
            jsonLD: meta.jsonLD,
            language: site.config.language,
            contentLanguage: meta.language.flatMap { $0.lowercased() == site.config.language.lowercased() ? nil : $0 })
        return PageFrame(site: siteVariables, page: page, words: words.templateValue)
    }

    private static func makeSiteView(_ site: Site) -> SiteView {
        let config = site.config
        let links = site.permalinks
        let t = config.translation
        var nav: [NavItemView] = [
            NavItemView(title: t.word("menu.home"), url: links.link(Route.home), isCurrent: false),
            NavItemView(title: t.word("menu.reviews"), url: links.link(Route.archive), isCurrent: false),
            NavItemView(title: t.word("menu.ratings"), url: links.link(Route.ratings), isCurrent: false),
        ]
        for taxonomy in site.taxonomies where TaxonomyDefinition.builtIn(taxonomy.definition.id)?.inMenu ?? true {
            nav.append(NavItemView(title: taxonomy.definition.title, url: links.link(taxonomy.indexRoute), isCurrent: false))
        }
        for page in site.pages {
            nav.append(NavItemView(title: page.title, url: links.link(Route.page(page.slug)), isCurrent: false))
        }
        return SiteView(
            title: config.title,
            description: config.description,
            language: config.language,
            url: config.baseURL,
            home: links.link(Route.home),
            archive: links.link(Route.archive),
            ratings: links.link(Route.ratings),
            feed: links.link(Route(file: "feed.xml")),
            stylesheet: links.link(Route(file: "style.css")),
            search: config.search ? links.link(SearchPage.route) : nil,
            ratingScale: config.ratingScale,
            nav: nav,
            author: config.author.map { AuthorView(name: $0.name, bio: $0.bio, url: $0.url) },
            byAuthor: config.author.map { t.phrase("site.by", ["name": $0.name]) })
    }

    /// A review as a list shows it: the entry, the excerpt, and the card rendered through its template.
    static func makeCard(_ review: Review, at index: Int, entry: EntryView, templates: TemplateSet, marks: BodyMarks, words: WordsView) -> CardView {
        let fragment = CardFragmentView(entry: entry, excerpt: marks.value(.excerpt, of: review, at: index, in: words.translation),
                                        readMoreOf: words.translation.phrase("card.read_more_of", ["work": review.movie]), words: words.templateValue)
        // (Should it fail, every page showing the card renders nothing for it: the review's own
        // page, rendered through the same partials, reports why.)
        guard case .success(let (html, found)) = templates.fragment(fragment.templateValue, template: PageKind.card.template) else {
            return CardView(card: fragment, html: .html(""))
        }
        let inner = FileMarks(found) { _ in [] }.ranges
        return CardView(card: fragment, html: marks.container(.html(html), .card, of: index), innerMarks: inner)
    }

    /// The places of the marked values inside container `id` (a review's card), relative to its start.
    func innerMarks(ofContainer id: Int) -> [MarkedRange] {
        guard BodyMarks.container(ofID: id) == .card else { return [] }
        let review = BodyMarks.review(ofID: id)
        return cards.indices.contains(review) ? cards[review].innerMarks : []
    }

    /// Names with the pages of their terms in taxonomy `taxonomyID` (no links when it is switched off).
    func nameLinks(_ list: [Name], _ taxonomyID: String) -> [NameLinkView] {
        let taxonomy = site.taxonomies.first { $0.definition.id == taxonomyID }
        return list.enumerated().map { offset, name in
            let url = taxonomy.flatMap { t in t.term(named: name.text).map { links.link(t.route(ofTerm: $0)) } }
            return NameLinkView(name: name.text, url: url, isFirst: offset == 0)
        }
    }

    /// A review page's `review` variable: everything in the card, plus credits, body and links.
    func reviewView(at index: Int) -> ReviewView {
        let review = site.reviews[index]
        let yearURL = review.year.flatMap { year in yearTaxonomy.flatMap { t in t.term(named: String(year)).map { links.link(t.route(ofTerm: $0)) } } }
        func terms(_ taxonomy: Taxonomy) -> TaxonomyTermsView? {
            let terms = taxonomy.termsOfReview[index].enumerated().map { offset, term in
                NameLinkView(name: taxonomy.terms[term].name, url: links.link(taxonomy.route(ofTerm: term)), isFirst: offset == 0)
            }
            guard !terms.isEmpty else { return nil }
            return TaxonomyTermsView(id: taxonomy.definition.id, title: taxonomy.definition.title, singular: taxonomy.definition.singular, terms: terms)
        }
        // The credits, in the table's order (director, author, artist, writer, cast), with their
        // names as written; a credit taxonomy switched off still shows its names, unlinked.
        let credits: [TaxonomyTermsView] = headings.compactMap { heading in
            guard heading.isCredit, let names = review.terms[heading.id], !names.isEmpty else { return nil }
            return TaxonomyTermsView(id: heading.id, title: heading.title, singular: heading.singular, terms: nameLinks(names, heading.id))
        }
        // Added taxonomies (say `country`), for themes that list them generically.
        let added = site.taxonomies.filter { !$0.definition.isBuiltIn }.compactMap(terms)
        func label(_ id: String, _ count: Int) -> String {
            headings.first { $0.id == id }?.label(count: count) ?? id
        }
        typealias ID = TaxonomyDefinition.ID
        // The credits' links serve `directors` and `writers` too (each name's term looked up once).
        func creditLinks(_ id: String) -> [NameLinkView] { credits.first { $0.id == id }?.terms ?? [] }
        let reviewer = Self.reviewer(of: review, in: site)
        var view = ReviewView(
            cardObject: cards[index].templateObject,
            directors: creditLinks(ID.directors),
            writers: creditLinks(ID.writers),
            categories: nameLinks(review.names(ID.categories), ID.categories),
            tags: nameLinks(review.names(ID.tags), ID.tags),
            yearURL: yearURL,
            credits: credits,
            otherTaxonomies: added,
            directorsLabel: label(ID.directors, review.names(ID.directors).count),
            writersLabel: label(ID.writers, review.names(ID.writers).count),
            categoriesLabel: label(ID.categories, review.names(ID.categories).count),
            body: marks.value(.body, of: review, at: index, in: translation),
            // As text, so that the build cache can mark them (an Int cannot carry a mark).
            wordCount: marks.value(.wordCount, of: review, at: index, in: translation),
            readingMinutes: marks.value(.readingMinutes, of: review, at: index, in: translation),
            params: review.params,
            image: review.image.map { imageLink($0, of: review) },
            poster: review.image.map { PosterView($0, of: review, site: site, link: imageLink($0, of: review), sizes: PosterView.pageSizes, lazy: false) },
            recommendations: site.recommendations[index].map(recommendationView),
            recommendedBy: site.recommendedBy[index].map { entries[$0] },
            tableOfContents: review.tableOfContents ?? site.config.tableOfContents ? TableOfContentsEntry.entries(review.body.headings) : [],
            reviewer: reviewer.map { AuthorView(name: $0.name, bio: $0.bio, url: $0.url) },
            hasOwnReviewer: review.reviewer.flatMap { site.config.authors[$0] } != nil,
            workLabel: translation.workLabel(review.workLabel ?? WorkType.film.label, siteKinds: site.config.workTypes),
            originalLanguage: review.originalLanguage,
            byline: reviewer.map { translation.phrase("review.by", ["name": $0.name]) },
            // Only a future-dated review shows it; the day is the card's, already in the site's language.
            scheduledText: review.isScheduled ? translation.phrase("review.scheduled", ["date": entries[index].date.display]) : "")
        view.comments = CommentsFields(review.comments, title: review.title, provider: site.config.comments, translation: translation)
        return view
    }

    /// Who wrote a review: the author its `reviewer:` names, else the site's author.
    static func reviewer(of review: Review, in site: Site) -> SiteConfig.Author? {
        review.reviewer.flatMap { site.config.authors[$0] } ?? site.config.author
    }

    /// `image: poster.jpg` sits beside a folder review; `image: /img/x.jpg` is under static/.
    func imageLink(_ image: String, of review: Review) -> String {
        Self.imageLink(image, of: review, links: links)
    }

    /// An address elsewhere (`https://…`) is used as written.
    static func imageLink(_ image: String, of review: Review, links: Permalinks) -> String {
        if ImageReference.isRemote(image) { return image }
        let segments = image.split(separator: "/").map { Permalinks.encode(String($0)) }.joined(separator: "/")
        return image.hasPrefix("/") ? links.link(segments) : links.link(Route.review(review.slug).url + segments)
    }

    /// The absolute URL of the review's social card (og:image, twitter:image): the 1200 px JPEG
    /// made from its image, an address elsewhere as written, never an SVG.
    func socialImage(of review: Review) -> String? {
        review.image.flatMap { socialImage($0, source: review.source, link: imageLink($0, of: review)) }
    }

    /// The same for the `image:` of the post read from `source`, whose link is `link`.
    func socialImage(_ image: String, source: String, link: String) -> String? {
        switch ImageReference(image, postSource: source) {
        case .remote(let url):
            return url.lowercased().hasSuffix(".svg") ? nil : url
        case .local(let path):
            if let card = site.images.images[path]?.social { return links.absolute(card.path) }
            let kind = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
            return ["gif", "avif"].contains(kind) ? links.baseURL + String(link.dropFirst(links.basePath.count)) : nil
        }
    }

    private func recommendationView(_ recommendation: Recommendation) -> RecommendationView {
        switch recommendation.target {
        case .review(let target):
            let entry = entries[target]
            return RecommendationView(title: entry.title, movie: entry.movie, url: entry.url, rating: entry.rating,
                                      isExplicit: recommendation.isExplicit, reason: recommendation.reason)
        case .external(let title, let url):
            return RecommendationView(title: title, movie: title, url: url, rating: nil,
                                      isExplicit: recommendation.isExplicit, reason: recommendation.reason)
        }
    }

    /// Cuts text to about `limit` characters at a word boundary, for meta descriptions.
    static func shorten(_ text: String, to limit: Int) -> String {
        // Only the first `limit` characters are kept, and excerpts run to kilobytes: collapse a head
        // of the text (four bytes a character is ample), the whole only when the head falls short.
        // Cutting the bytes can only change the head's last two characters, hence the margin.
        let headBytes = (limit + 3) * 4
        if text.utf8.count > headBytes {
            let head = String(decoding: text.utf8.prefix(headBytes), as: UTF8.self).collapsingWhitespace()
            if let end = head.index(head.startIndex, offsetBy: limit + 2, limitedBy: head.endIndex), end < head.endIndex {
                return cut(head, to: limit)
            }
        }
        return cut(text.collapsingWhitespace(), to: limit)
    }

    private static func cut(_ collapsed: String, to limit: Int) -> String {
        guard collapsed.count > limit else { return collapsed }
        let cut = collapsed.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
