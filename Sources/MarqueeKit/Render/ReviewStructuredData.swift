/// The schema.org `Review` of a review page, as JSON-LD. Built as a value and serialised, never by
/// pasting strings into a template, and escaped so that no value can close the `<script>` element.
enum ReviewStructuredData {
    /// The JSON-LD text, and where in it (in bytes) the description's text is, when there is one
    /// (the build cache puts a new excerpt there).
    static func json(for review: Review, at route: Route, site: Site, imageURL: String?) -> (text: String, description: Range<Int>?) {
        let config = site.config
        let reviewer = ViewModelBuilder.reviewer(of: review, in: site)
        let type = review.type ?? "Movie"
        func people(_ names: [Name]) -> JSONValue? {
            names.isEmpty ? nil : .array(names.map { person($0.text, url: nil) })
        }
        func person(_ name: String, url: String?) -> JSONValue {
            .object([("@type", .string("Person")), ("name", .string(name))] + (url.map { [("url", JSONValue.string($0))] } ?? []))
        }
        typealias ID = TaxonomyDefinition.ID
        // schema.org gives films, series and games a director and actors; music its artist; any
        // creative work an author (a book's authors, a film's writers).
        let isScreen = type == "Movie" || type.hasPrefix("TV") || type == "VideoGame"
        let isMusic = type == "MusicAlbum" || type == "MusicRecording"
        var work: [(String, JSONValue)] = [("@type", .string(type)), ("name", .string(review.movie))]
        if let year = review.year { work.append(("dateCreated", .string(String(year)))) }
        if isScreen, let directors = people(review.names(ID.directors)) { work.append(("director", directors)) }
        if isScreen, let cast = people(review.names(ID.cast)) { work.append(("actor", cast)) }
        let authors = review.names(ID.authors) + review.names(ID.writers) + (isScreen ? [] : review.names(ID.directors))
        if type != "Restaurant", let authors = people(authors) { work.append(("author", authors)) }
        if isMusic, !review.names(ID.artists).isEmpty {
            work.append(("byArtist", .array(review.names(ID.artists).map { .object([("@type", .string("MusicGroup")), ("name", .string($0.text))]) })))
        }
        // Facts a writer keeps in front matter for these kinds (as params): a book's ISBN, a
        // restaurant's address and cuisine.
        if type == "Book", case .string(let isbn)? = review.params["isbn"] { work.append(("isbn", .string(isbn))) }
        if type == "Restaurant" {
            if case .string(let address)? = review.params["address"] { work.append(("address", .string(address))) }
            switch review.params["cuisine"] {
            case .string(let cuisine)?: work.append(("servesCuisine", .string(cuisine)))
            case .list(let list)?: work.append(("servesCuisine", .array(list.compactMap { if case .string(let c) = $0 { .string(c) } else { nil } })))
            default: break
            }
        }
        if let imageURL { work.append(("image", .string(imageURL))) }

        var value: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("Review")),
            ("name", .string(review.title)),
            ("url", .string(site.permalinks.absolute(route))),
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
        value += CommentsStructuredData.fields(review.comments)
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
