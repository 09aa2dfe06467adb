import MarqueeTemplates

/// `/<taxonomy>/`: every term with its count, by name and by count; `/<taxonomy>/<term>/`: the
/// term's reviews, newest first, paginated, with their average rating.
enum TaxonomyPages {
    static func jobs(_ context: RenderContext) -> [RenderJob] {
        var jobs: [RenderJob] = []
        for taxonomy in context.site.taxonomies {
            jobs.append(indexPage(taxonomy, context))
            for term in taxonomy.terms.indices { jobs += termPages(taxonomy, term, context) }
        }
        return jobs
    }

    private static func indexPage(_ taxonomy: Taxonomy, _ context: RenderContext) -> RenderJob {
        let site = context.site
        let newestReview = taxonomy.terms.flatMap { $0.reviews.prefix(1) }.min().map { site.reviews[$0].date }
        let newestArticle = taxonomy.terms.flatMap { $0.articles.prefix(1) }.min().map { site.articles[$0].date }
        let newest = [newestReview, newestArticle].compactMap { $0 }.max()?.rfc3339
        let definition = taxonomy.definition
        return .page(taxonomy.indexRoute, kind: .termList, origin: "\(definition.path)/ index", lastModified: newest) { context in
            indexView(taxonomy, context).templateValue
        }
    }

    static func indexView(_ taxonomy: Taxonomy, _ context: RenderContext) -> TaxonomyPageView {
        let links = context.site.permalinks
        let definition = taxonomy.definition
        let t = context.site.config.translation
        let terms: [TermCountView] = taxonomy.terms.indices.map { i in
            TermCountView(name: taxonomy.terms[i].name, url: links.link(taxonomy.route(ofTerm: i)), count: taxonomy.terms[i].reviews.count,
                          articleCount: taxonomy.terms[i].articles.count,
                          countText: t.reviewsAndArticles(taxonomy.terms[i].reviews.count, taxonomy.terms[i].articles.count))
        }
        // By count, most posts first; ties keep the name order.
        let byCount = terms.indices.sorted { (terms[$1].count + terms[$1].articleCount, $0) < (terms[$0].count + terms[$0].articleCount, $1) }.map { terms[$0] }
        let frame = context.models.frame(PageMeta(title: definition.title, description: t.phrase("taxonomy.description", ["taxonomy": definition.title, "site": context.site.config.title]),
                                                  route: taxonomy.indexRoute, kind: .termList))
        return TaxonomyPageView(frame: frame, taxonomy: TaxonomyView(id: definition.id, title: definition.title, singular: definition.singular,
                                                                     terms: terms, termsByCount: byCount))
    }

    private static func termPages(_ taxonomy: Taxonomy, _ index: Int, _ context: RenderContext) -> [RenderJob] {
        let term = taxonomy.terms[index]
        let definition = taxonomy.definition
        let scale = context.site.config.ratingScale
        let t = context.site.config.translation
        let average = formatAverage(term.averageRating)
        let count = t.reviews(term.reviews.count)
        let (shownAverage, shownScale) = (t.number(average), t.number(String(scale)))
        let articles = t.articles(term.articles.count)
        // The average is of the reviews; articles are counted beside it, and a term of articles only has none.
        let reviewsAverage = t.phrase("term.average", ["average": shownAverage, "scale": shownScale, "reviews": count])
        let averageText = term.articles.isEmpty ? reviewsAverage
            : term.reviews.isEmpty ? articles : t.phrase("term.average_and_articles", ["average": reviewsAverage, "articles": articles])
        let reviewsDescription = t.phrase("term.description", ["name": term.name, "reviews": count, "average": shownAverage, "scale": shownScale])
        let description = term.reviews.isEmpty ? t.phrase("term.description_articles", ["name": term.name, "articles": articles])
            : term.articles.isEmpty ? reviewsDescription : t.phrase("term.description_and_articles", ["description": reviewsDescription, "articles": articles])
        let termView = TermView(name: term.name, taxonomy: definition.title, singular: definition.singular,
                                taxonomyURL: context.site.permalinks.link(taxonomy.indexRoute), count: term.reviews.count,
                                averageRating: average, scale: scale, articleCount: term.articles.count, countText: count,
                                articlesText: articles, averageText: averageText,
                                allText: t.phrase("term.all", ["taxonomy_lowercase": definition.title.lowercased(), "taxonomy": definition.title]))
        let segments = [definition.path, term.slug]
        return ReviewListPages.jobs(context, posts: context.site.posts(reviews: term.reviews, articles: term.articles), segments: segments, kind: .term,
                                      origin: "\(definition.path)/\(term.slug)/ (\(definition.singular.lowercased()) '\(term.name)')",
                                      section: taxonomy.indexRoute) { number in
            let name = t.phrase("term.title", ["singular": definition.singular, "name": term.name])
            let title = number > 1 ? t.phrase("list.page", ["title": name, "number": t.number(String(number))]) : name
            return (title: title, heading: title, description: description)
        } view: { frame, list, pagination in
            TermPageView(frame: frame, list: TermListView(list: list, term: termView), pagination: pagination).templateValue
        }
    }

    /// "4.3": one decimal, no trailing ".0".
    static func formatAverage(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}
