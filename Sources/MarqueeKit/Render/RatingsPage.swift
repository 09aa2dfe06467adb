/// `/ratings/`: every review in one table, best first, and a chart of how the ratings are spread,
/// drawn at build time as inline SVG (no JavaScript), with the same counts in text.
enum RatingsPage {
    static func jobs(_ context: RenderContext) -> [RenderJob] {
        [.page(Route.ratings, template: "ratings", origin: "ratings page", lastModified: context.site.reviews.first?.date.rfc3339, model: model)]
    }

    private static func model(_ context: RenderContext) -> [String: Any] {
        let site = context.site
        let scale = site.config.ratingScale
        let keys = site.reviews.map { TaxonomyBuilder.fold($0.movie, accents: true) } // folded once, not per comparison
        let order = site.reviews.indices.sorted { a, b in
            let (x, y) = (site.reviews[a], site.reviews[b])
            if x.rating != y.rating { return x.rating > y.rating }
            return keys[a] != keys[b] ? keys[a] < keys[b] : x.slug < y.slug
        }
        let directors = site.taxonomies.first { $0.definition.id == "directors" }
        let rows: [[String: Any]] = order.map { index in
            var row = context.models.entries[index]
            let review = site.reviews[index]
            row["directors"] = review.directors.enumerated().map { offset, name -> [String: Any] in
                let url: Any = directors.flatMap { t in t.term(named: name.text).map { site.permalinks.link(t.route(ofTerm: $0)) } } ?? false
                return ["name": name.text, "url": url, "isFirst": offset == 0]
            }
            return row
        }
        var model = context.models.pageModel(PageMeta(title: "Ratings", description: "Every rating on \(site.config.title) in one table, with how they are spread.",
                                                      route: Route.ratings, kind: "ratings"))
        model["ratings"] = [
            "reviews": rows,
            "count": rows.count,
            "hasReviews": !rows.isEmpty,
            "scale": scale,
            "chart": RatingChart.make(site.reviews.map(\.rating), scale: scale),
        ] as [String: Any]
        return model
    }
}

/// The geometry of the distribution chart: one bar per half-star step from 0 to the scale.
/// Computed here so the template only places numbers.
enum RatingChart {
    static func make(_ ratings: [Rating], scale: Int) -> [String: Any] {
        let steps = scale * 2 + 1
        var counts = Array(repeating: 0, count: steps)
        for rating in ratings where rating.halfSteps >= 0 && rating.halfSteps < steps { counts[rating.halfSteps] += 1 }
        let maxCount = max(1, counts.max() ?? 1)
        let barWidth = 28, gap = 6, chartHeight = 160, labelSpace = 34, top = 20
        let width = steps * (barWidth + gap) + gap
        let bars: [[String: Any]] = counts.enumerated().map { step, count in
            let height = count == 0 ? 0 : max(2, count * chartHeight / maxCount)
            let x = gap + step * (barWidth + gap)
            let label = Rating(halfSteps: step, scale: scale).text
            return [
                "x": x, "y": top + chartHeight - height, "width": barWidth, "height": height,
                "labelX": x + barWidth / 2, "labelY": top + chartHeight + 16,
                "countY": top + chartHeight - height - 4,
                "count": count, "label": label, "hasCount": count > 0,
                "text": "\(label): \(count == 1 ? "1 review" : "\(count) reviews")",
            ]
        }
        let summary = bars.compactMap { ($0["hasCount"] as? Bool) == true ? $0["text"] as? String : nil }.joined(separator: "; ")
        return [
            "width": width,
            "height": top + chartHeight + labelSpace,
            "baseline": top + chartHeight,
            "bars": bars,
            "title": "How \(ratings.count) ratings are spread from 0 to \(scale)",
            "description": summary.isEmpty ? "No ratings yet." : summary + ".",
        ]
    }
}
