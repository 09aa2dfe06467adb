/// The rating badge's view model: stars (full, half, empty) and the text "4.5 out of 5".
/// Works for any scale: up to 10 the badge shows one star per point; above that, five stars in proportion.
enum RatingBadgeModel {
    static func make(_ rating: Rating) -> [String: Any] {
        let starCount = rating.scale <= 10 ? rating.scale : 5
        // Half stars shown, rounded to the nearest half star on a 5-star display for large scales.
        let shownHalves = rating.scale <= 10 ? rating.halfSteps
            : Int((Double(rating.halfSteps) * Double(starCount) / Double(rating.scale)).rounded())
        var stars: [[String: Any]] = []
        stars.reserveCapacity(starCount)
        for index in 0..<starCount {
            let filledHalves = shownHalves - index * 2
            let kind = filledHalves >= 2 ? "full" : filledHalves == 1 ? "half" : "empty"
            stars.append(["kind": kind])
        }
        let text = "\(rating.text) out of \(rating.scale)"
        return [
            "value": rating.text,
            "scale": String(rating.scale),
            "text": text,
            "label": "Rated \(text)",
            "stars": stars,
            "percent": String(rating.halfSteps * 50 / max(1, rating.scale)),
        ]
    }
}
