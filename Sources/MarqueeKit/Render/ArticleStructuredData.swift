/// The schema.org `BlogPosting` of an article page, as JSON-LD: a post, not a `Review` (it rates
/// nothing). Built as a value and serialised, escaped so that no value can close the `<script>`.
enum ArticleStructuredData {
    static func json(for article: Article, site: Site, imageURL: String?) -> String {
        let config = site.config
        let author = article.reviewer.flatMap { config.authors[$0] } ?? config.author
        var value: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("BlogPosting")),
            ("headline", .string(article.title)),
            ("url", .string(site.permalinks.absolute(Route.article(article.slug)))),
            ("mainEntityOfPage", .string(site.permalinks.absolute(Route.article(article.slug)))),
            ("datePublished", .string(article.date.rfc3339)),
            ("dateModified", .string((article.updated ?? article.date).rfc3339)),
            ("inLanguage", .string(article.language ?? config.language)),
            ("author", .object([("@type", .string("Person")), ("name", .string(author?.name ?? config.title))]
                               + (author?.url.map { [("url", JSONValue.string($0))] } ?? []))),
            ("publisher", .object([("@type", .string("Organization")), ("name", .string(config.title)), ("url", .string(config.baseURL))])),
        ]
        let keywords = article.names(TaxonomyDefinition.ID.tags).map(\.text)
        if !keywords.isEmpty { value.append(("keywords", .array(keywords.map { .string($0) }))) }
        value += CommentsStructuredData.fields(article.comments)
        if !article.excerpt.text.isEmpty { value.append(("description", .string(article.excerpt.text))) }
        if let imageURL { value.append(("image", .string(imageURL))) }
        return JSONValue.object(value).scriptSafeText
    }
}
