import Foundation
import MarqueeTemplates

/// `/search/` and the index it reads (`search/…`, `SearchFiles`), unless site.yml says
/// `search: false`. The page works without JavaScript too: it then says so and links to the
/// archive and the ratings page, where the header's field leads when the script cannot run.
enum SearchPage {
    static let route = Route(folder: ["search"])
    /// The client, one of the theme's assets (`static/search.js`).
    static let script = "search.js"

    static func jobs(_ context: RenderContext) -> [RenderJob] {
        guard context.site.config.search else { return [] }
        var jobs: [RenderJob] = [.page(route, kind: .search, origin: "search page") { view($0).templateValue }]
        // Listed from the site (the index may still be being made), rendered from the index.
        for path in SearchFiles.paths(of: context.site) {
            jobs.append(RenderJob(path: path, origin: "search index") { context in
                // A rebuild renders with the search output of its own site.
                guard let bytes = context.search?.files[path] else {
                    return .failure(.error(SourceLocation(path: path), "the search index has no file \(path)", hint: "build the site again", stage: .render))
                }
                return .success(MadeFile(.bytes(bytes)))
            })
        }
        return jobs
    }

    static func view(_ context: RenderContext) -> SearchPageView {
        let site = context.site
        let t = site.config.translation
        let links = site.permalinks
        let index = context.search?.index
        let ratings = Set(site.reviews.map(\.rating.halfSteps)).sorted(by: >).filter { $0 > 0 }.map { halfSteps in
            SearchChoiceView(value: String(halfSteps), label: t.phrase("search.at_least", ["rating": t.number(Rating(halfSteps: halfSteps, scale: site.config.ratingScale).text)]))
        }
        let categories = (index?.categories ?? []).enumerated().map { SearchChoiceView(value: String($0.offset), label: $0.element.name) }
        let decades = (index?.decades ?? []).map { SearchChoiceView(value: String($0.decade), label: t.phrase("search.decade_value", ["decade": t.number(String($0.decade))])) }
        var badges: [SearchBadgeView] = []
        for halfSteps in Set(site.reviews.map(\.rating.halfSteps)).sorted() {
            if let entry = context.models.entries.first(where: { $0.rating.badge.halfSteps == halfSteps }) {
                badges.append(SearchBadgeView(halfSteps: halfSteps, html: entry.rating.html))
            }
        }
        let phrases: [(String, JSONValue)] = [
            ("one", .string(t.word("search.results.one"))),
            ("other", .string(t.word("search.results.other"))),
            ("zeroIsOne", .integer(t.isSingular(0) ? 1 : 0)),
            ("digits", .string(t.number("0123456789"))),
            ("none", .string(t.word("search.none"))),
            ("prompt", .string(t.word("search.prompt"))),
            ("failed", .string(t.word("search.failed"))),
        ]
        let frame = context.models.frame(PageMeta(title: t.word("search.title"), description: "", route: route, kind: .search))
        return SearchPageView(frame: frame, search: SearchFormView(
            index: links.link(SearchFiles.folder), script: links.link(Route(file: script)), base: links.link(Route.home),
            ratings: ratings, categories: categories, decades: decades, badges: badges, phrases: JSONValue.object(phrases).scriptSafeText))
    }
}
