import Yams

/// Reads `recommendations:` from site.yml.
enum RecommendationSettingsReader {
    static let keys = ["suggest", "count", "fill_to", "min_rating", "max_term_reviews", "weights", "year_weight", "year_window", "rating_weight", "warn_mutual"]

    static func read(_ node: Node, scale: Int, _ reader: inout MappingReader) -> RecommendationSettings {
        var settings = RecommendationSettings()
        guard let mapping = node.mapping else {
            reader.error(node, "'recommendations' must be a mapping", hint: "write recommendations: {count: 3, min_rating: 4}")
            return settings
        }
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            let name = "recommendations.\(key)"
            switch key {
            case "suggest": settings.suggest = reader.bool(name, value) ?? settings.suggest
            case "count": settings.count = reader.integer(name, value, in: 0...50, example: 3) ?? settings.count
            case "fill_to": settings.fillTo = reader.integer(name, value, in: 0...50, example: 3) ?? settings.fillTo
            case "max_term_reviews": settings.maxTermReviews = reader.integer(name, value, in: 2...100_000, example: 100) ?? settings.maxTermReviews
            case "year_window": settings.yearWindow = reader.integer(name, value, in: 0...200, example: 5) ?? settings.yearWindow
            case "warn_mutual": settings.warnMutual = reader.bool(name, value) ?? settings.warnMutual
            case "min_rating":
                if let text = value.scalarText, let number = Rating.parseNumber(text), number >= 0, number <= Double(scale), (number * 2).rounded() == number * 2 {
                    settings.minimumHalfSteps = Int(number * 2)
                } else {
                    reader.error(value, "\(name) must be a rating from 0 to \(scale) in halves, found \(MappingReader.describe(value))", hint: "write min_rating: 4")
                }
            case "year_weight", "rating_weight":
                if let number = value.scalarText.flatMap(Rating.parseNumber), number >= 0 {
                    if key == "year_weight" { settings.yearWeight = number } else { settings.ratingWeight = number }
                } else {
                    reader.error(value, "\(name) must be a number of 0 or more, found \(MappingReader.describe(value))", hint: "write \(key): 1")
                }
            case "weights":
                guard let weights = value.mapping else {
                    reader.error(value, "\(name) must map taxonomies to points", hint: "write weights: {directors: 6, tags: 2}")
                    continue
                }
                for (taxonomyNode, pointsNode) in weights {
                    let taxonomy = taxonomyNode.scalarText ?? ""
                    if let points = pointsNode.scalarText.flatMap(Rating.parseNumber), points >= 0 {
                        settings.weights[taxonomy] = points
                    } else {
                        reader.error(pointsNode, "the weight of '\(taxonomy)' must be a number of 0 or more", hint: "write \(taxonomy): 2")
                    }
                }
            default:
                reader.warning(keyNode, "unknown recommendations setting '\(key)' is ignored",
                               hint: MappingReader.suggestion(for: key, among: keys).map { "did you mean '\($0)'?" } ?? "known: \(keys.joined(separator: ", "))")
            }
        }
        return settings
    }
}
