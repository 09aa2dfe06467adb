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
        let terms: [TermCountView] = taxonomy.terms.indices.map { i in
            TermCountView(name: taxonomy.terms[i].name, url: links.link(taxonomy.route(ofTerm: i)), count: taxonomy.terms[i].reviews.count,
                          articleCount: taxonomy.terms[i].articles.count)
        }
        // By count, most posts first; ties keep the name order.
        let byCount = terms.indices.sorted { (terms[$1].count + terms[$1].articleCount, $0) < (terms[$0].count + terms[$0].articleCount, $1) }.map { terms[$0] }
        let frame = context.models.frame(PageMeta(title: definition.title, description: "\(definition.title) of the reviews on \(context.site.config.title).",
                                                  route: taxonomy.indexRoute, kind: .termList))
        return TaxonomyPageView(frame: frame, taxonomy: TaxonomyView(id: definition.id, title: definition.title, singular: definition.singular,
                                                                     terms: terms, termsByCount: byCount))
    }

    private static func termPages(_ taxonomy: Taxonomy, _ index: Int, _ context: RenderContext) -> [RenderJob] {
        let term = taxonomy.terms[index]
        let definition = taxonomy.definition
        let scale = context.site.config.ratingScale
        let average = formatAverage(term.averageRating)
        let count = term.reviews.count == 1 ? "1 review" : "\(term.reviews.count) reviews"
        let termView = TermView(name: term.name, taxonomy: definition.title, singular: definition.singular,
                                taxonomyURL: context.site.permalinks.link(taxonomy.indexRoute), count: term.reviews.count,
                                averageRating: average, scale: scale, articleCount: term.articles.count)
        let segments = [definition.path, term.slug]
        return ReviewListPages.jobs(context, posts: context.site.posts(reviews: term.reviews, articles: term.articles), segments: segments, kind: .term,
                                      origin: "\(definition.path)/\(term.slug)/ (\(definition.singular.lowercased()) '\(term.name)')",
                                      section: taxonomy.indexRoute) { number in
            let title = "\(definition.singular): \(term.name)" + (number > 1 ? ", page \(number)" : "")
            let description = term.reviews.isEmpty ? "Articles filed under \(term.name): \(termView.articlesText)."
                : "Reviews filed under \(term.name): \(count), average rating \(average) out of \(scale)."
                + (term.articles.isEmpty ? "" : " And \(termView.articlesText).")
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
