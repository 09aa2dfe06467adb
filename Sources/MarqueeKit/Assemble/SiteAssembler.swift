/// Options that decide which reviews a build publishes.
public struct PublishingOptions: Sendable {
    /// Build reviews and pages marked `draft: true`.
    public var includeDrafts = false
    /// Build reviews dated after `now`.
    public var includeFuture = false
    /// The moment "future" is measured from, in seconds since 1970 (a parameter so tests are stable).
    public var now: Int64

    public init(includeDrafts: Bool = false, includeFuture: Bool = false, now: Int64) {
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.now = now
    }
}

/// The assemble stage: `SiteContent` → `Site`. Decides what is published, orders it, and resolves
/// and checks every reference between reviews.
public struct SiteAssembler: Sendable {
    public var options: PublishingOptions

    public init(options: PublishingOptions) {
        self.options = options
    }

    public func assemble(_ content: SiteContent) -> (Site?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        var drafts: [String: Review] = [:]
        var published: [Review] = []
        for review in content.reviews {
            if review.isDraft && !options.includeDrafts {
                drafts[review.slug] = review
            } else if review.date.secondsSince1970 > options.now && !options.includeFuture {
                drafts[review.slug] = review
                diagnostics.warning(review.location(of: "date"), "'\(review.title)' is dated \(review.date.rfc3339), in the future, and is not published",
                                    hint: "it appears once that time has passed; build with --future to include it now", stage: .assemble)
            } else if review.date.secondsSince1970 > options.now {
                var review = review
                review.isScheduled = true
                published.append(review)
            } else {
                // Not written to (isScheduled is false already): a write would copy its fields
                // (`Review`'s box), which the content read still holds.
                published.append(review)
            }
        }
        published.sort { ($1.date, $0.slug) < ($0.date, $1.slug) }
        let pages = content.pages.filter { !$0.isDraft || options.includeDrafts }.sorted { $0.slug < $1.slug }
        let articles = publishedArticles(content.articles, &diagnostics)

        checkUniqueSlugs(published, pages, &diagnostics)
        checkArticleSlugs(articles, published, &diagnostics)

        var index: [String: Int] = [:]
        for (position, review) in published.enumerated() where index[review.slug] == nil {
            index[review.slug] = position
        }
        let articleSlugs = Set(articles.map(\.slug))
        let explicit = published.map { resolveRecommendations(of: $0, index: index, drafts: drafts, articles: articleSlugs, &diagnostics) }
        var recommendedBy = Array(repeating: [Int](), count: published.count)
        for (source, list) in explicit.enumerated() {
            for recommendation in list {
                if case .review(let target) = recommendation.target, !recommendedBy[target].contains(source) {
                    recommendedBy[target].append(source)
                }
            }
        }

        checkImages(published.map { ($0.image, $0.bundleFiles, $0.location(of: "image"), "content/reviews/\($0.slug)/", "review") }
                    + articles.map { ($0.image, $0.bundleFiles, $0.location(of: "image"), "content/posts/\($0.slug)/", "article") },
                    staticFiles: Set(content.staticFiles), &diagnostics)
        let builder = TaxonomyBuilder(reviews: published, articles: articles)
        // Each taxonomy on its own core; their diagnostics in the order of the taxonomies.
        let built = ConcurrentMap.map(content.config.taxonomies) { definition -> (Taxonomy, [Diagnostic]) in
            var found = Diagnostics()
            let taxonomy = builder.build(definition, &found)
            return (taxonomy, found.all)
        }
        for (_, found) in built { diagnostics.append(contentsOf: found) }
        // Cast, authors and artists have pages only on a site that uses them.
        let taxonomies = built.map(\.0).filter { !$0.definition.onlyWhenUsed || !$0.terms.isEmpty }
        checkPagesAgainstTaxonomies(pages, taxonomies, &diagnostics)
        let recommendations = Suggester(reviews: published, taxonomies: taxonomies, settings: content.config.recommendations,
                                        scale: content.config.ratingScale).suggestions(for: explicit)

        let site = Site(config: content.config, permalinks: Permalinks(baseURL: content.config.baseURL), reviews: published,
                        pages: pages, recommendations: recommendations, recommendedBy: recommendedBy,
                        staticFiles: content.staticFiles, templates: content.templates, reviewIndex: index,
                        taxonomies: taxonomies, articles: articles)
        return (diagnostics.hasErrors ? nil : site, diagnostics.all)
    }

    /// Two reviews with one slug, or slugs that differ only in case (one folder on macOS and Windows),
    /// would overwrite each other's page.
    private func checkUniqueSlugs(_ reviews: [Review], _ pages: [Page], _ diagnostics: inout Diagnostics) {
        // Indexes of reviews, never reviews: they are large values, copied (their fields retained) into a dictionary.
        var firstReview: [String: Int] = [:]
        firstReview.reserveCapacity(reviews.count)
        // A review that chose its slug with a `slug:` key comes second, so the error points at that key.
        // (Indexes are sorted, by keys computed once.)
        let keys = reviews.map { ($0.keyLocations["slug"] != nil ? 1 : 0, $0.source) }
        for index in reviews.indices.sorted(by: { keys[$0] < keys[$1] }) {
            let key = reviews[index].slug.lowercased()
            if let other = firstReview[key].map({ reviews[$0] }) {
                let review = reviews[index] // only for the message
                let same = other.slug == review.slug
                diagnostics.error(review.keyLocations["slug"] ?? SourceLocation(path: review.source),
                                  same ? "two reviews have the slug '\(review.slug)': this one and \(other.source)"
                                       : "the slug '\(review.slug)' differs only in case from '\(other.slug)' of \(other.source)",
                                  hint: "give one of them another slug: key or file name", stage: .assemble)
            } else {
                firstReview[key] = index
            }
        }
        var firstPage: [String: Page] = [:]
        for page in pages {
            let key = page.slug.lowercased()
            if let other = firstPage[key] {
                diagnostics.error(SourceLocation(path: page.source), "two pages have the slug '\(page.slug)': this one and \(other.source)",
                                  hint: "rename one of them", stage: .assemble)
            } else if let review = firstReview[key].map({ reviews[$0] }) {
                // Slugs name content across the site (recommend: takes them), so a page may not share one with a review.
                diagnostics.error(SourceLocation(path: page.source), "the page slug '\(page.slug)' is also the slug of the review \(review.source)",
                                  hint: "give the page another file name or slug:", stage: .assemble)
            } else if Self.reservedTopLevel.contains(key) {
                diagnostics.error(SourceLocation(path: page.source), "the page slug '\(page.slug)' is taken by the site's own /\(key)/ pages",
                                  hint: "rename the page or give it another slug:", stage: .assemble)
            } else {
                firstPage[key] = page
            }
        }
    }

    /// A page in the folder of a taxonomy the site has but does not reserve for good (cast, authors
    /// and artists once a review uses them; the ones a site adds).
    private func checkPagesAgainstTaxonomies(_ pages: [Page], _ taxonomies: [Taxonomy], _ diagnostics: inout Diagnostics) {
        let paths = Dictionary(taxonomies.map { ($0.definition.path.lowercased(), $0.definition) }) { first, _ in first }
        for page in pages where !Self.reservedTopLevel.contains(page.slug.lowercased()) {
            guard let definition = paths[page.slug.lowercased()] else { continue }
            diagnostics.error(SourceLocation(path: page.source), "the page slug '\(page.slug)' is taken by the pages of the \(definition.title.lowercased()) taxonomy at /\(definition.path)/",
                              hint: "rename the page or give it another slug:, or give the taxonomy another path: under taxonomies in site.yml", stage: .assemble)
        }
    }

    /// `image:` names a file beside a folder review or article ("poster.jpg") or under static/
    /// ("/img/poster.jpg"). Each post is given as its image, its folder's files, where `image:` is,
    /// its folder and what it is ("review").
    private func checkImages(_ posts: [(image: String?, bundle: [String], location: SourceLocation, folder: String, what: String)],
                             staticFiles: Set<String>, _ diagnostics: inout Diagnostics) {
        for post in posts {
            // An address elsewhere is used as written (`marquee check` warns of it).
            guard let image = post.image, !ImageReference.isRemote(image) else { continue }
            let exists: Bool
            if image.hasPrefix("/") {
                exists = staticFiles.contains(String(image.dropFirst()))
            } else {
                exists = !image.split(separator: "/").contains("..") && post.bundle.contains(image)
            }
            if !exists {
                let hint = image.hasPrefix("/")
                    ? "put the file at static\(image), or fix the path"
                    : "put the file beside the \(post.what) in \(post.folder) (a folder \(post.what)), or write /path under static/"
                diagnostics.error(post.location, "image '\(Slug.printable(image))' does not exist", hint: hint, stage: .assemble)
            }
        }
    }

    /// The articles a build publishes, newest first (ties by slug): drafts and future ones follow
    /// the reviews' rules.
    private func publishedArticles(_ articles: [Article], _ diagnostics: inout Diagnostics) -> [Article] {
        var published: [Article] = []
        for article in articles where !article.isDraft || options.includeDrafts {
            if article.date.secondsSince1970 > options.now && !options.includeFuture {
                diagnostics.warning(article.location(of: "date"), "'\(article.title)' is dated \(article.date.rfc3339), in the future, and is not published",
                                    hint: "it appears once that time has passed; build with --future to include it now", stage: .assemble)
            } else {
                var article = article
                article.isScheduled = article.date.secondsSince1970 > options.now
                published.append(article)
            }
        }
        return published.sorted { ($1.date, $0.slug) < ($0.date, $1.slug) }
    }

    /// Slugs name posts across the site: two articles may not share one (nor differ only in case,
    /// one folder on macOS and Windows), and an article may not take a review's.
    private func checkArticleSlugs(_ articles: [Article], _ reviews: [Review], _ diagnostics: inout Diagnostics) {
        guard !articles.isEmpty else { return }
        // Indexes, not reviews: a review is a large value, copied (its fields retained) into a dictionary.
        var reviewOfSlug: [String: Int] = [:]
        reviewOfSlug.reserveCapacity(reviews.count)
        for index in reviews.indices {
            let key = reviews[index].slug.lowercased()
            if reviewOfSlug[key] == nil { reviewOfSlug[key] = index }
        }
        var first: [String: Article] = [:]
        // One that chose its slug with a `slug:` key comes second, so the error points at that key.
        for article in articles.sorted(by: { ($0.keyLocations["slug"] != nil ? 1 : 0, $0.source) < ($1.keyLocations["slug"] != nil ? 1 : 0, $1.source) }) {
            let key = article.slug.lowercased()
            let location = article.keyLocations["slug"] ?? SourceLocation(path: article.source)
            if key == "page" {
                // /posts/page/2/ is the second page of the list of articles.
                diagnostics.error(location, "the article slug 'page' is taken by the pages of the list of articles, /posts/page/2/ and on",
                                  hint: "give the article another file name or slug:", stage: .assemble)
            } else if let other = first[key] {
                diagnostics.error(location, other.slug == article.slug ? "two articles have the slug '\(article.slug)': this one and \(other.source)"
                                                                       : "the slug '\(article.slug)' differs only in case from '\(other.slug)' of \(other.source)",
                                  hint: "give one of them another slug: key or file name", stage: .assemble)
            } else if let review = reviewOfSlug[key].map({ reviews[$0] }) {
                diagnostics.error(location, "the article slug '\(article.slug)' is also the slug of the review \(review.source)",
                                  hint: "give the article another file name or slug: (a slug names one post of the site)", stage: .assemble)
            } else {
                first[key] = article
            }
        }
    }

    /// Top-level folders the build writes itself; a page may not take them.
    static let reservedTopLevel: Set<String> = Set(["reviews", Route.articlesFolder, "page", "ratings", "feed.xml", "sitemap.xml", "robots.txt", "404.html", "index.html", "_redirects"]
                                                   + TaxonomyDefinition.defaults.filter { !$0.onlyWhenUsed }.map(\.path))

    private func resolveRecommendations(of review: Review, index: [String: Int], drafts: [String: Review], articles: Set<String>,
                                        _ diagnostics: inout Diagnostics) -> [Recommendation] {
        var result: [Recommendation] = []
        for reference in review.recommendations {
            switch reference {
            case .review(let slug, let location):
                if slug == review.slug {
                    diagnostics.error(location, "'\(review.slug)' recommends itself", hint: "recommend another review", stage: .assemble)
                } else if let target = index[slug] {
                    if !result.contains(where: { $0.target == .review(target) }) {
                        result.append(Recommendation(target: .review(target), isExplicit: true))
                    }
                } else if let draft = drafts[slug] {
                    let why = draft.isDraft ? "a draft" : "dated in the future"
                    diagnostics.error(location, "recommends '\(slug)', which is \(why) and will not be published",
                                      hint: "publish \(draft.source) first, or remove it from recommend", stage: .assemble)
                } else if articles.contains(slug) {
                    diagnostics.error(location, "recommends '\(slug)', which is an article, not a review",
                                      hint: "recommend: names reviews; link to the article in the body instead, such as [its title](/posts/\(slug)/)", stage: .assemble)
                } else {
                    let suggestion = MappingReader.suggestion(for: slug, among: Array(index.keys))
                    diagnostics.error(location, "recommends '\(slug)', but no review has that slug",
                                      hint: suggestion.map { "did you mean '\($0)'?" } ?? "give the slug of a published review (its file name without .md)",
                                      stage: .assemble)
                }
            case .external(let title, let url, _):
                result.append(Recommendation(target: .external(title: title, url: url), isExplicit: true))
            }
        }
        return result
    }
}
