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
        let newest = taxonomy.terms.flatMap { $0.reviews.prefix(1) }.min().map { context.site.reviews[$0].date.rfc3339 }
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
                          countText: t.reviews(taxonomy.terms[i].reviews.count))
        }
        // By count, most reviewed first; ties keep the name order.
        let byCount = terms.indices.sorted { (taxonomy.terms[$1].reviews.count, $0) < (taxonomy.terms[$0].reviews.count, $1) }.map { terms[$0] }
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
        let termView = TermView(name: term.name, taxonomy: definition.title, singular: definition.singular,
                                taxonomyURL: context.site.permalinks.link(taxonomy.indexRoute), count: term.reviews.count,
                                averageRating: average, scale: scale, countText: count,
                                averageText: t.phrase("term.average", ["average": shownAverage, "scale": shownScale, "reviews": count]),
                                allText: t.phrase("term.all", ["taxonomy_lowercase": definition.title.lowercased(), "taxonomy": definition.title]))
        let segments = [definition.path, term.slug]
        return ReviewListPages.jobs(context, reviews: term.reviews, segments: segments, kind: .term,
                                      origin: "\(definition.path)/\(term.slug)/ (\(definition.singular.lowercased()) '\(term.name)')",
                                      section: taxonomy.indexRoute) { number in
            let name = t.phrase("term.title", ["singular": definition.singular, "name": term.name])
            let title = number > 1 ? t.phrase("list.page", ["title": name, "number": t.number(String(number))]) : name
            return (title: title, heading: title, description: t.phrase("term.description", ["name": term.name, "reviews": count, "average": shownAverage, "scale": shownScale]))
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
