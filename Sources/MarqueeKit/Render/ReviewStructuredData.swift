import Foundation

/// The schema.org `Review` of a review page, as JSON-LD. Built as a value and JSON-encoded, never by
/// pasting strings into a template, then escaped so that no value can close the `<script>` element.
enum ReviewStructuredData {
    struct Person: Encodable {
        let type = "Person"
        var name: String
        var url: String?
        enum CodingKeys: String, CodingKey { case type = "@type", name, url }
    }

    struct Organization: Encodable {
        let type = "Organization"
        var name: String
        var url: String
        enum CodingKeys: String, CodingKey { case type = "@type", name, url }
    }

    struct Work: Encodable {
        var type: String
        var name: String
        var dateCreated: String?
        var director: [Person]?
        var author: [Person]?
        var image: String?
        enum CodingKeys: String, CodingKey { case type = "@type", name, dateCreated, director, author, image }
    }

    struct RatingValue: Encodable {
        let type = "Rating"
        var ratingValue: Double
        var bestRating: Int
        var worstRating: Int
        enum CodingKeys: String, CodingKey { case type = "@type", ratingValue, bestRating, worstRating }
    }

    struct Review: Encodable {
        let context = "https://schema.org"
        let type = "Review"
        var name: String
        var url: String
        var datePublished: String
        var inLanguage: String
        var itemReviewed: Work
        var reviewRating: RatingValue
        var author: Person
        var publisher: Organization
        var description: String?
        var image: String?
        enum CodingKeys: String, CodingKey {
            case context = "@context", type = "@type", name, url, datePublished, inLanguage, itemReviewed, reviewRating, author, publisher, description, image
        }
    }

    static func json(for review: MarqueeKit.Review, site: Site, imageURL: String?) -> String {
        let config = site.config
        let type = review.type ?? "Movie"
        let people = { (names: [Name]) in names.isEmpty ? nil : names.map { Person(name: $0.text) } }
        let work = Work(type: type, name: review.movie, dateCreated: review.year.map(String.init),
                        director: type == "Movie" || type.hasPrefix("TV") ? people(review.directors) : nil,
                        author: type == "Movie" || type.hasPrefix("TV") ? people(review.writers) : people(review.writers + review.directors),
                        image: imageURL)
        let value = Review(
            name: review.title,
            url: site.permalinks.absolute(Route.review(review.slug)),
            datePublished: review.date.rfc3339,
            inLanguage: config.language,
            itemReviewed: work,
            reviewRating: RatingValue(ratingValue: review.rating.value, bestRating: review.rating.scale, worstRating: 0),
            author: Person(name: config.author?.name ?? config.title, url: config.author?.url),
            publisher: Organization(name: config.title, url: config.baseURL),
            description: review.excerpt.text.isEmpty ? nil : review.excerpt.text,
            image: imageURL)
        return encodeForScript(value)
    }

    /// JSON with `<`, `>`, `&` and the JavaScript line separators escaped: safe inside `<script>`
    /// whatever the values hold (`</script>`, `<!--`), and still the same JSON to a parser.
    static func encodeForScript<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        var out = ""
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
