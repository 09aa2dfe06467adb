/// The schema.org `Review` of a review page, as JSON-LD. Built as a value and serialised, never by
/// pasting strings into a template, and escaped so that no value can close the `<script>` element.
enum ReviewStructuredData {
    static func json(for review: Review, at index: Int, site: Site, imageURL: String?, marks: BodyMarks = .off) -> String {
        let config = site.config
        let type = review.type ?? "Movie"
        func people(_ names: [Name]) -> JSONValue? {
            names.isEmpty ? nil : .array(names.map { person($0.text, url: nil) })
        }
        func person(_ name: String, url: String?) -> JSONValue {
            .object([("@type", .string("Person")), ("name", .string(name))] + (url.map { [("url", JSONValue.string($0))] } ?? []))
        }
        let isScreen = type == "Movie" || type.hasPrefix("TV")
        var work: [(String, JSONValue)] = [("@type", .string(type)), ("name", .string(review.movie))]
        if let year = review.year { work.append(("dateCreated", .string(String(year)))) }
        if isScreen, let directors = people(review.directors) { work.append(("director", directors)) }
        if let authors = people(isScreen ? review.writers : review.writers + review.directors) { work.append(("author", authors)) }
        if let imageURL { work.append(("image", .string(imageURL))) }

        var value: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("Review")),
            ("name", .string(review.title)),
            ("url", .string(site.permalinks.absolute(Route.review(review.slug)))),
            ("datePublished", .string(review.date.rfc3339)),
            ("inLanguage", .string(config.language)),
            ("itemReviewed", .object(work)),
            ("reviewRating", .object([
                ("@type", .string("Rating")),
                ("ratingValue", .number(review.rating.value)),
                ("bestRating", .integer(review.rating.scale)),
                ("worstRating", .integer(0)),
            ])),
            ("author", person(config.author?.name ?? config.title, url: config.author?.url)),
            ("publisher", .object([("@type", .string("Organization")), ("name", .string(config.title)), ("url", .string(config.baseURL))])),
        ]
        if !review.excerpt.text.isEmpty { value.append(("description", .string(marks.marked(.excerptText, of: review, at: index)))) }
        if let imageURL { value.append(("image", .string(imageURL))) }
        return JSONValue.object(value).scriptSafeText
    }
}
