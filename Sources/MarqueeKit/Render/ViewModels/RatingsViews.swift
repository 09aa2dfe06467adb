import MarqueeTemplates

/// `ratings` on `/ratings/`: every review in one table, best first, and the chart of how the
/// ratings are spread.
struct RatingsView: TemplateView {
    var reviews: [RatingsRowView]
    var scale: Int
    var chart: RatingChartView
    /// The heading of the makers' column: "Director" on a film blog, "Author" on a book blog, "By"
    /// on a site of several kinds.
    var makersTitle: String
    /// The heading of the works' column: their kind's word when they are all of one ("Film"), else "Work".
    var workTitle: String
    /// "All 12 reviews, best rated first", in the site's language.
    var caption: String

    var templateObject: TemplateObject {
        TemplateObject([
            "reviews": .list(reviews),
            "caption": .text(caption),
            "makersTitle": .text(makersTitle),
            "workTitle": .text(workTitle),
            "count": .int(reviews.count),
            "hasReviews": .flag(!reviews.isEmpty),
            "scale": .int(scale),
            "chart": chart.templateValue,
        ])
    }

    static let schema = TemplateObjectType("ratings", [
        TemplateField("reviews", RatingsRowView.listType, "every review, best rated first (ties by the work's name), as entries with directors"),
        TemplateField("count", .number, "the number of reviews"),
        TemplateField("caption", .text, "`All 12 reviews, best rated first` (`ratings.caption`), the table's caption"),
        TemplateField("hasReviews", .flag, "whether there are any reviews"),
        TemplateField("scale", .number, "the top of the rating scale"),
        TemplateField("chart", RatingChartView.type, "the bar chart of how the ratings are spread, laid out for inline SVG"),
        TemplateField("workTitle", .text, "the heading of the works' column: their kind's word (`Film`, `Book`) when all are of one kind, else `Work`"),
        TemplateField("makersTitle", .text, "the heading of the rows' `makers`: the credit's singular (`Director`) when every review names the same kind, else `By`"),
    ])
}

/// A row of the ratings table: the review's entry, its directors, and who made the work.
struct RatingsRowView: TemplateView {
    var entry: EntryView
    var directors: [NameLinkView]
    var makers: [NameLinkView]

    var templateObject: TemplateObject { entry.templateObject.adding(["directors": .list(directors), "makers": .list(makers)]) }

    static let schema = EntryView.schema.extended(as: "ratings row", with: [
        TemplateField("directors", NameLinkView.listType, "the review's directors, each with its term page"),
        TemplateField("makers", NameLinkView.listType, "who made the work: its first credit of director, author, artist (the film's directors, the book's authors, the album's artists)"),
    ])
}

/// The geometry of the distribution chart: one bar per half-star step from 0 to the scale.
/// Computed here so the template only places numbers.
struct RatingChartView: TemplateView {
    var width: Int
    var height: Int
    var baseline: Int
    var bars: [ChartBarView]
    var title: String
    var description: String

    init(_ ratings: [Rating], scale: Int, translation t: Translation = .english) {
        let steps = scale * 2 + 1
        var counts = Array(repeating: 0, count: steps)
        for rating in ratings where rating.halfSteps >= 0 && rating.halfSteps < steps { counts[rating.halfSteps] += 1 }
        let maxCount = max(1, counts.max() ?? 1)
        let barWidth = 28, gap = 6, chartHeight = 160, labelSpace = 34, top = 20
        let chartWidth = steps * (barWidth + gap) + gap
        width = chartWidth
        height = top + chartHeight + labelSpace
        baseline = top + chartHeight
        bars = counts.enumerated().map { step, count in
            let height = count == 0 ? 0 : max(2, count * chartHeight / maxCount)
            let x = gap + step * (barWidth + gap)
            return ChartBarView(x: x, y: top + chartHeight - height, width: barWidth, height: height, chartWidth: chartWidth,
                                labelX: x + barWidth / 2, labelY: top + chartHeight + 16, countY: top + chartHeight - height - 4,
                                count: count, label: t.number(Rating(halfSteps: step, scale: scale).text),
                                text: t.phrase("chart.bar", ["rating": t.number(Rating(halfSteps: step, scale: scale).text), "reviews": t.reviews(count)]))
        }
        title = t.phrase("chart.title", ["count": t.number(String(ratings.count)), "scale": t.number(String(scale))])
        let summary = bars.filter { $0.count > 0 }.map(\.text).joined(separator: "; ")
        description = summary.isEmpty ? t.word("chart.empty") : summary + "."
    }

    var templateObject: TemplateObject {
        TemplateObject([
            "width": .int(width),
            "height": .int(height),
            "baseline": .int(baseline),
            "bars": .list(bars),
            "title": .text(title),
            "description": .text(description),
        ])
    }

    static let schema = TemplateObjectType("rating chart", [
        TemplateField("width", .number, "the chart's width in SVG units"),
        TemplateField("height", .number, "the chart's height in SVG units"),
        TemplateField("baseline", .number, "the y of the axis the bars stand on"),
        TemplateField("bars", ChartBarView.listType, "one bar per half step from 0 to the scale"),
        TemplateField("title", .text, "`How 12 ratings are spread from 0 to 5`"),
        TemplateField("description", .text, "the counts in words (`4: 3 reviews; 4.5: 1 review.`), or `No ratings yet.`"),
    ])
}

/// One bar of the ratings chart.
struct ChartBarView: TemplateView {
    var x: Int
    var y: Int
    var width: Int
    var height: Int
    /// The whole chart's width: the percentages below are of it, so a template can draw the chart
    /// as wide as its column while its text keeps its size (no viewBox scaling).
    var chartWidth: Int
    var labelX: Int
    var labelY: Int
    var countY: Int
    var count: Int
    var label: String
    /// "4.5: 3 reviews", in the site's language.
    var text: String

    var templateObject: TemplateObject {
        TemplateObject([
            "x": .int(x), "y": .int(y), "width": .int(width), "height": .int(height),
            "labelX": .int(labelX), "labelY": .int(labelY), "countY": .int(countY),
            "xPercent": .text(Self.percent(x, of: chartWidth)), "widthPercent": .text(Self.percent(width, of: chartWidth)),
            "labelXPercent": .text(Self.percent(labelX, of: chartWidth)),
            "count": .int(count), "label": .text(label), "hasCount": .flag(count > 0),
            "text": .text(text),
        ])
    }

    static let schema = TemplateObjectType("chart bar", [
        TemplateField("x", .number, "the bar's left edge"),
        TemplateField("y", .number, "the bar's top edge"),
        TemplateField("width", .number, "the bar's width"),
        TemplateField("height", .number, "the bar's height (0 for no reviews)"),
        TemplateField("labelX", .number, "the x of the middle of the bar, for its labels"),
        TemplateField("xPercent", .text, "`x` as a percentage of the chart's width (`1.578%`), for a chart drawn as wide as its column"),
        TemplateField("widthPercent", .text, "`width` as a percentage of the chart's width"),
        TemplateField("labelXPercent", .text, "`labelX` as a percentage of the chart's width"),
        TemplateField("labelY", .number, "the y of the rating label below the axis"),
        TemplateField("countY", .number, "the y of the count above the bar"),
        TemplateField("count", .number, "the number of reviews with this rating"),
        TemplateField("label", .text, "the rating this bar stands for (`4.5`)"),
        TemplateField("hasCount", .flag, "whether any review has this rating"),
        TemplateField("text", .text, "`4.5: 3 reviews`, for the bar's tooltip"),
    ])
}

/// What `/ratings/` is rendered with.
struct RatingsPageView: TemplateView {
    var frame: PageFrame
    var ratings: RatingsView

    var templateObject: TemplateObject { frame.root(["ratings": ratings.templateValue]) }

    static let schema = PageFrame.schema("ratings page", [
        TemplateField("ratings", RatingsView.type, "the table of every rating and the chart"),
    ])
}

extension ChartBarView {
    /// `part` of `whole` as a percentage with three decimals, in integer arithmetic so every build
    /// writes the same digits: `1.578%`.
    static func percent(_ part: Int, of whole: Int) -> String {
        let thousandths = part * 100_000 / max(1, whole)
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction + "%"
    }
}
