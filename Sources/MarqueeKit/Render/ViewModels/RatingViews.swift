import MarqueeTemplates

/// What the `rating-badge` fragment is rendered with: stars (full, half, empty) and the text
/// "4.5 out of 5". Works for any scale: up to 10 the badge shows one star per point; above that,
/// five stars in proportion.
struct RatingBadgeView: TemplateView {
    var value: String
    var scale: Int
    var stars: [StarView]
    var halfSteps: Int
    /// "4.5 out of 5" and "Rated 4.5 out of 5", in the site's language (digits and decimal separator too).
    var text: String
    var label: String

    init(_ rating: Rating, _ translation: Translation = .english) {
        let starCount = rating.scale <= 10 ? rating.scale : 5
        // Half stars shown, rounded to the nearest half star on a 5-star display for large scales.
        let shownHalves = rating.scale <= 10 ? rating.halfSteps
            : Int((Double(rating.halfSteps) * Double(starCount) / Double(rating.scale)).rounded())
        stars = (0..<starCount).map { index in
            let filledHalves = shownHalves - index * 2
            return StarView(kind: filledHalves >= 2 ? "full" : filledHalves == 1 ? "half" : "empty")
        }
        value = rating.text
        scale = rating.scale
        halfSteps = rating.halfSteps
        text = translation.rating(rating)
        label = translation.phrase("rating.label", ["value": translation.number(rating.text), "scale": translation.number(String(rating.scale))])
    }

    var templateObject: TemplateObject {
        TemplateObject([
            "value": .text(value),
            "scale": .text(String(scale)),
            "text": .text(text),
            "label": .text(label),
            "stars": .list(stars),
            "percent": .text(String(halfSteps * 50 / max(1, scale))),
        ])
    }

    static let schema = TemplateObjectType("rating badge", [
        TemplateField("value", .text, "the rating as written, `4.5`"),
        TemplateField("scale", .text, "the top of the scale, as text: `5`"),
        TemplateField("text", .text, "`4.5 out of 5` in the site's language (`4,5 sur 5`, `۴٫۵ از ۵`)"),
        TemplateField("label", .text, "`Rated 4.5 out of 5`, for `aria-label`, in the site's language"),
        TemplateField("stars", StarView.listType, "one entry per star shown (five above a scale of 10), full, half or empty"),
        TemplateField("percent", .text, "the rating as a percentage of the scale, as text: `90`"),
    ])
}

/// One star of a rating badge.
struct StarView: TemplateView {
    var kind: String

    var templateObject: TemplateObject { TemplateObject(["kind": .text(kind)]) }

    static let schema = TemplateObjectType("star", [
        TemplateField("kind", .text, "`full`, `half` or `empty`"),
    ])
}

/// `rating` as pages and cards see it: the badge's variables and the badge rendered.
struct RatingView: TemplateView {
    let badge: RatingBadgeView
    let html: String
    /// Made once: one badge is shown by every review of that rating, on many pages.
    let templateObject: TemplateObject
    let templateValue: TemplateValue

    init(badge: RatingBadgeView, html: String) {
        self.badge = badge
        self.html = html
        templateObject = badge.templateObject.adding(["html": .html(html)])
        templateValue = .object(templateObject)
    }

    static let schema = RatingBadgeView.schema.extended(as: "rating", with: [
        TemplateField("html", .html, "the badge rendered through the `rating-badge` template; insert with {{{ }}}"),
    ])
}
