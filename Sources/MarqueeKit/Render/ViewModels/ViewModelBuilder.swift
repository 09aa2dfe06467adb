/// Prepares the values templates see. Templates are logic-free: every label, link, flag and
/// piece of text a page shows is decided here. Models are dictionaries, which swift-mustache
/// renders faster than reflected structs.
///
/// A missing optional value is `false`, never an absent key: Mustache looks an absent key up in
/// the enclosing contexts and would find, say, the review's `url` inside a director without one.
///
/// Fragments that are the same on many pages (a review's card, a rating badge, the site header and
/// footer) are rendered once, through their own templates, and handed to pages as ready HTML
/// (`html`, `rating.html`, `site.headerHTML`): each still comes from an overridable template.
struct ViewModelBuilder {
    private(set) var site: Site
    let links: Permalinks
    let siteModel: [String: Any]
    /// One card per review, built and rendered once and shared by every list that shows it.
    private(set) var cards: [[String: Any]]
    /// A review as an index shows it (archive, ratings, 404, "Recommended from"): the card without
    /// the excerpt, so those pages do not change when a review's body does.
    let entries: [[String: Any]]
    /// `site` as pages see it, with its header, for each navigation entry being current (key: its
    /// link; "" for none): made once, not copied and changed for each of the site's pages.
    let siteModels: [String: [String: Any]]
    /// Marks on what comes from a review's body, while a build records its cache.
    let marks: BodyMarks

    init(site: Site, templates: TemplateSet, marks: BodyMarks = .off) {
        self.site = site
        self.marks = marks
        links = site.permalinks
        var siteModel = Self.makeSiteModel(site)
        siteModel["footerHTML"] = templates.render(["site": siteModel], template: "site-footer") ?? ""
        let nav = siteModel["nav"] as? [[String: Any]] ?? []
        var siteModels: [String: [String: Any]] = [:]
        for current in [""] + nav.compactMap({ $0["url"] as? String }) {
            var forHeader = siteModel
            forHeader["nav"] = nav.map { item in
                var item = item
                item["isCurrent"] = (item["url"] as? String) == current
                return item
            }
            var variant = siteModel
            variant["headerHTML"] = templates.render(["site": forHeader], template: "site-header") ?? ""
            variant["currentNav"] = current
            siteModels[current] = variant
        }
        self.siteModel = siteModel
        self.siteModels = siteModels
        // Badges: one per distinct rating, rendered once.
        var badges: [Int: [String: Any]] = [:]
        for review in site.reviews where badges[review.rating.halfSteps] == nil {
            var badge = RatingBadgeModel.make(review.rating)
            badge["html"] = templates.render(badge, template: "rating-badge") ?? ""
            badges[review.rating.halfSteps] = badge
        }
        let links = site.permalinks
        let made = ConcurrentMap.map(Array(site.reviews.indices)) { index in
            let review = site.reviews[index]
            let entry = Self.makeEntry(review, links: links, badge: badges[review.rating.halfSteps] ?? [:])
            return (entry, Self.makeCard(review, at: index, entry: entry, templates: templates, marks: marks))
        }
        entries = made.map(\.0)
        cards = made.map(\.1)
    }

    /// The same models after an edit that changed only the body of review `index` (its front
    /// matter is byte for byte the same): only that review's card is made again.
    func replacingBody(ofReview index: Int, in site: Site, templates: TemplateSet) -> ViewModelBuilder {
        var copy = self
        copy.site = site
        copy.cards[index] = Self.makeCard(site.reviews[index], at: index, entry: entries[index], templates: templates, marks: marks)
        return copy
    }

    /// The variables every page gets: `site` and `page` (title, description, canonical URL, social metadata).
    func pageModel(_ meta: PageMeta) -> [String: Any] {
        let documentTitle = meta.title.map { "\($0) — \(site.config.title)" } ?? site.config.title
        // The current navigation entry: the page itself, or the section it belongs to (a review is under "Reviews").
        let link = links.link(meta.route)
        let section = meta.section.map { links.link($0) } ?? ""
        let current = siteModels[link] != nil ? link : (siteModels[section] != nil ? section : "")
        let siteVariables = siteModels[current] ?? siteModel
        let description = meta.description.isEmpty ? (site.config.description ?? "") : meta.description
        return [
            "site": siteVariables,
            "page": [
                "title": meta.title ?? site.config.title,
                "documentTitle": documentTitle,
                "description": description.isEmpty ? false : meta.describedReview.map { marks.marked(.description, of: site.reviews[$0], at: $0) } ?? Self.shorten(description, to: 160),
                "canonical": links.absolute(meta.route),
                "url": links.link(meta.route),
                "kind": meta.kind,
                "isIndexable": meta.kind != "404",
                "openGraphType": meta.kind == "review" ? "article" : "website",
                "image": meta.image.map { $0 as Any } ?? false,
                "twitterCard": meta.image == nil ? "summary" : "summary_large_image",
                "jsonLD": meta.jsonLD.map { $0 as Any } ?? false,
            ] as [String: Any],
        ]
    }

    private static func makeSiteModel(_ site: Site) -> [String: Any] {
        let config = site.config
        let links = site.permalinks
        var nav: [[String: Any]] = [
            ["title": "Home", "url": links.link(Route.home)],
            ["title": "Reviews", "url": links.link(Route.archive)],
            ["title": "Ratings", "url": links.link(Route.ratings)],
        ]
        for taxonomy in site.taxonomies where ["directors", "categories", "tags"].contains(taxonomy.definition.id) || !taxonomy.definition.isBuiltIn {
            nav.append(["title": taxonomy.definition.title, "url": links.link(taxonomy.indexRoute)])
        }
        for page in site.pages {
            nav.append(["title": page.title, "url": links.link(Route.page(page.slug))])
        }
        var model: [String: Any] = [
            "title": config.title,
            "description": config.description.map { $0 as Any } ?? false,
            "language": config.language,
            "url": config.baseURL,
            "home": links.link(Route.home),
            "archive": links.link(Route.archive),
            "ratings": links.link(Route.ratings),
            "feed": links.link(Route(file: "feed.xml")),
            "stylesheet": links.link(Route(file: "style.css")),
            "ratingScale": config.ratingScale,
            "nav": nav,
            "author": false,
        ]
        if let author = config.author {
            model["author"] = [
                "name": author.name,
                "bio": author.bio.map { $0 as Any } ?? false,
                "url": author.url.map { $0 as Any } ?? false,
                "hasURL": author.url != nil,
            ] as [String: Any]
        }
        return model
    }

    /// A review as a list shows it: the entry, the excerpt, and the card rendered through its template.
    static func makeCard(_ review: Review, at index: Int, entry: [String: Any], templates: TemplateSet, marks: BodyMarks) -> [String: Any] {
        var card = entry
        card["excerpt"] = marks.marked(.excerpt, of: review, at: index)
        card["html"] = templates.render(card, template: "review-card") ?? ""
        return card
    }

    /// A review as an index shows it: everything drawn from its front matter.
    static func makeEntry(_ review: Review, links: Permalinks, badge: [String: Any]) -> [String: Any] {
        [
            "title": review.title,
            "movie": review.movie,
            "year": review.year.map { $0 as Any } ?? false,
            "url": links.link(Route.review(review.slug)),
            "permalink": links.absolute(Route.review(review.slug)),
            "slug": review.slug,
            "date": dateModel(review.date),
            "rating": badge,
            "isDraft": review.isDraft,
            "isScheduled": review.isScheduled,
        ]
    }

    /// A review page's `review` variable: everything in the card, plus credits, body and links.
    func reviewModel(at index: Int) -> [String: Any] {
        let review = site.reviews[index]
        var model = cards[index]
        func names(_ list: [Name], _ taxonomyID: String) -> [[String: Any]] {
            let taxonomy = site.taxonomies.first { $0.definition.id == taxonomyID }
            return list.enumerated().map { offset, name in
                let url: Any = taxonomy.flatMap { t in t.term(named: name.text).map { links.link(t.route(ofTerm: $0)) } } ?? false
                return ["name": name.text, "url": url, "isFirst": offset == 0]
            }
        }
        model["directors"] = names(review.directors, "directors")
        model["writers"] = names(review.writers, "writers")
        model["categories"] = names(review.categories, "categories")
        model["tags"] = names(review.tags, "tags")
        let yearTaxonomy = site.taxonomies.first { $0.definition.id == "years" }
        model["yearURL"] = review.year.flatMap { year in yearTaxonomy.flatMap { t in t.term(named: String(year)).map { links.link(t.route(ofTerm: $0)) as Any } } } ?? false
        // Added taxonomies (say `country`), for themes that list them generically.
        let added: [[String: Any]] = site.taxonomies.filter { !$0.definition.isBuiltIn }.compactMap { taxonomy in
            let terms = taxonomy.termsOfReview[index].enumerated().map { offset, term -> [String: Any] in
                ["name": taxonomy.terms[term].name, "url": links.link(taxonomy.route(ofTerm: term)), "isFirst": offset == 0]
            }
            guard !terms.isEmpty else { return nil }
            return ["title": taxonomy.definition.title, "singular": taxonomy.definition.singular,
                    "label": terms.count == 1 ? taxonomy.definition.singular : taxonomy.definition.title, "terms": terms]
        }
        model["otherTaxonomies"] = added
        model["hasDirectors"] = !review.directors.isEmpty
        model["hasWriters"] = !review.writers.isEmpty
        model["hasCategories"] = !review.categories.isEmpty
        model["hasTags"] = !review.tags.isEmpty
        // Labels follow the taxonomies' names, so renaming categories to "Genres" renames the credit too.
        func label(_ id: String, _ count: Int, _ singular: String, _ plural: String) -> String {
            let definition = site.taxonomies.first { $0.definition.id == id }?.definition
            return count == 1 ? definition?.singular ?? singular : definition?.title ?? plural
        }
        model["directorsLabel"] = label("directors", review.directors.count, "Director", "Directors")
        model["writersLabel"] = label("writers", review.writers.count, "Writer", "Writers")
        model["categoriesLabel"] = label("categories", review.categories.count, "Category", "Categories")
        model["body"] = marks.marked(.body, of: review, at: index)
        // As text, so that the build cache can mark them (an Int cannot carry a mark).
        model["wordCount"] = marks.marked(.wordCount, of: review, at: index)
        model["readingMinutes"] = marks.marked(.readingMinutes, of: review, at: index)
        model["params"] = ParamModel.make(review.params)
        model["image"] = review.image.map { imageLink($0, of: review) as Any } ?? false

        let recommendations = site.recommendations[index].map(recommendationModel)
        model["recommendations"] = recommendations
        model["hasRecommendations"] = !recommendations.isEmpty
        let backlinks: [[String: Any]] = site.recommendedBy[index].map { entries[$0] }
        model["recommendedBy"] = backlinks
        model["hasRecommendedBy"] = !backlinks.isEmpty
        return model
    }

    /// `image: poster.jpg` sits beside a folder review; `image: /img/x.jpg` is under static/.
    func imageLink(_ image: String, of review: Review) -> String {
        let segments = image.split(separator: "/").map { Permalinks.encode(String($0)) }.joined(separator: "/")
        return image.hasPrefix("/") ? links.link(segments) : links.link(Route.review(review.slug).url + segments)
    }

    private func recommendationModel(_ recommendation: Recommendation) -> [String: Any] {
        var model: [String: Any] = [
            "isExplicit": recommendation.isExplicit,
            "isSuggested": !recommendation.isExplicit,
            "reason": recommendation.reason.map { $0 as Any } ?? false,
        ]
        switch recommendation.target {
        case .review(let target):
            let card = entries[target]
            model["title"] = card["title"]
            model["movie"] = card["movie"]
            model["url"] = card["url"]
            model["rating"] = card["rating"]
            model["hasRating"] = true
            model["isExternal"] = false
        case .external(let title, let url):
            model["title"] = title
            model["movie"] = title
            model["url"] = url
            model["rating"] = false
            model["hasRating"] = false
            model["isExternal"] = true
        }
        return model
    }

    static func dateModel(_ date: PublicationDate) -> [String: Any] {
        ["iso": date.isoDay, "rfc3339": date.rfc3339, "display": date.display, "year": date.year]
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

/// Front matter keys Marquee does not know, as templates see them under `params`.
enum ParamModel {
    static func make(_ params: [String: ParamValue]) -> [String: Any] {
        params.mapValues(convert)
    }

    static func convert(_ value: ParamValue) -> Any {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag
        case .int(let number): return number
        case .double(let number): return number
        case .list(let items): return items.map(convert)
        case .map(let map): return map.mapValues(convert)
        }
    }
}
