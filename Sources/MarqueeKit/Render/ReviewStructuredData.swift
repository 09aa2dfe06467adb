/// The schema.org `Review` of a review page, as JSON-LD. Built as a value and serialised, never by
/// pasting strings into a template, and escaped so that no value can close the `<script>` element.
enum ReviewStructuredData {
    /// The JSON-LD text, and where in it (in bytes) the description's text is, when there is one
    /// (the build cache puts a new excerpt there).
    static func json(for review: Review, site: Site, imageURL: String?) -> (text: String, description: Range<Int>?) {
        let config = site.config
        let reviewer = ViewModelBuilder.reviewer(of: review, in: site)
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
            ("inLanguage", .string(review.language ?? config.language)),
            ("itemReviewed", .object(work)),
            ("reviewRating", .object([
                ("@type", .string("Rating")),
                ("ratingValue", .number(review.rating.value)),
                ("bestRating", .integer(review.rating.scale)),
                ("worstRating", .integer(0)),
            ])),
            ("author", person(reviewer?.name ?? config.title, url: reviewer?.url)),
            ("publisher", .object([("@type", .string("Organization")), ("name", .string(config.title)), ("url", .string(config.baseURL))])),
        ]
        let description = review.excerpt.text
        // Serialised with an empty description, which is then put between its quotes: a raw
        // `"description":""` can only be the key itself, since quotes inside values are escaped.
        if !description.isEmpty { value.append(("description", .string(""))) }
        if let imageURL { value.append(("image", .string(imageURL))) }
        var bytes = Array(JSONValue.object(value).scriptSafeText.utf8)
        let key = Array(#""description":"""#.utf8)
        // From the end: the description is the last key or the one before the image.
        guard !description.isEmpty, let found = stride(from: bytes.count - key.count, through: 0, by: -1).first(where: { start in
            bytes[start..<(start + key.count)].elementsEqual(key)
        }) else { return (String(decoding: bytes, as: UTF8.self), nil) }
        let start = found + key.count - 1
        let body = Array(JSONValue.stringBody(description).utf8)
        bytes.insert(contentsOf: body, at: start)
        return (String(decoding: bytes, as: UTF8.self), start..<(start + body.count))
    }
}
