import Foundation
import Yams

/// Turns one file of `content/posts/` into an `Article`, or into every diagnostic it deserves.
/// It takes the keys reviews and articles share (`PostKeysReader`) and `updated`; a key only a
/// review takes (a rating, a credit, the work) is an error that says where such a post belongs.
struct ArticleReader {
    let config: SiteConfig
    let markdown: MarkdownRenderer
    let posts: PostKeysReader

    /// The keys an article reads: the shared ones, `updated`, and the taxonomies' that are not credits.
    static let knownKeys = PostKeysReader.keys + ["updated", "lastmod", "image_alt"]
        + TaxonomyDefinition.defaults.filter { $0.readsNames && !$0.isCredit }.flatMap(\.keys)

    init(config: SiteConfig) {
        self.config = config
        markdown = MarkdownRenderer(options: config.markdown, basePath: config.basePath, reservedIDs: DefaultTheme.pageIDs)
        posts = PostKeysReader(config: config)
    }

    /// `defaultSlug` is the file or folder name.
    func read(_ data: Data, path: String, defaultSlug: String) -> (Article?, [Diagnostic]) {
        let file: ContentFile
        switch ContentFile.read(data, path: path) {
        case .success(let value): file = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var reader = MappingReader(document: file.document, stage: .read)
        var shared = PostKeysReader.Fields()
        var updated: PublicationDate?
        var imageAlt: String?
        var keyLocations: [String: SourceLocation] = [:]
        var params: [String: ParamValue] = [:]
        var converter = ParamConverter()

        for (keyNode, value) in file.mapping {
            guard let key = keyNode.scalarText else {
                reader.error(keyNode, "a front matter key must be a plain word, found \(keyNode.kindName)", hint: "write key: value")
                continue
            }
            keyLocations[key] = file.document.location(of: keyNode)
            if let (message, hint) = Self.reviewOnly(key) {
                reader.error(keyNode, message, hint: hint)
                continue
            }
            switch key {
            case "image_alt": imageAlt = reader.requiredText(key, value)
            case "updated", "lastmod": // `lastmod` as Hugo writes it
                if keyLocations["updated"] != nil && keyLocations["lastmod"] != nil {
                    reader.error(keyNode, "'updated' and 'lastmod' both give the day of the last revision", hint: "keep one of them (lastmod: is Hugo's name for updated:)")
                } else {
                    updated = posts.readDate(value, key: key, &reader)
                }
            case _ where posts.readShared(key, value, slugExample: "ten-films-from-iran", into: &shared, &keyLocations, &reader): break
            case _ where posts.readTerms(key, value, into: &shared.terms, &reader): break
            default: posts.readUnknown(key, keyNode, value, known: Self.knownKeys, into: &params, &converter, &reader)
            }
        }
        let defaultSlug = posts.dateFromFileName(defaultSlug, &shared, keyLocations)
        let start = file.document.startLocation
        if shared.title == nil && keyLocations["title"] == nil {
            reader.diagnostics.error(start, "the front matter has no 'title'", hint: "add a line such as title: \"Ten films from Iran\"")
        }
        if shared.date == nil && keyLocations["date"] == nil {
            reader.diagnostics.error(start, "the front matter has no 'date'", hint: "add the publication date, such as date: 2024-05-01")
        }
        if let updated, let date = shared.date, updated < date {
            let key = keyLocations["updated"] != nil ? "updated" : "lastmod"
            reader.diagnostics.error(keyLocations[key] ?? start, "\(key) \(updated.isoDay) is before the article's date \(date.isoDay)",
                                     hint: "give the day it was last revised, on or after date:")
        }
        let slug = posts.slug(shared, defaultSlug: defaultSlug, path: path, example: "my-post", &reader)
        guard !reader.diagnostics.hasErrors, let title = shared.title, let date = shared.date else {
            return (nil, reader.diagnostics.all)
        }
        let documentPath = markdown.basePath + Route.article(slug).url
        let body = markdown.render(file.body, documentPath: documentPath, imageFolder: BodyImages.folder(of: path), placingImages: true).shiftingLinks(by: file.bodyFirstLine - 1)
        ForeignTags.report(body, path: path, &reader)
        var article = Article(source: path, slug: slug, title: title, date: date, body: body,
                              excerpt: Excerpt.choose(body: body, summary: shared.summary))
        article.updated = updated
        article.terms = shared.terms
        article.summary = shared.summary
        article.isDraft = shared.draft
        article.image = shared.image
        article.imageAlt = imageAlt
        article.tableOfContents = shared.tableOfContents
        article.aliases = shared.aliases
        article.reviewer = shared.reviewer
        article.language = shared.language
        article.params = params
        article.keyLocations = KeyLocations(path: path, keyLocations)
        return (article, reader.diagnostics.all)
    }

    /// The error for a key only a review takes, as message and hint; nil for any other key.
    static func reviewOnly(_ key: String) -> (String, String)? {
        let move = "move it to content/reviews/, or remove \(key):"
        switch key {
        case "rating": return ("an article has no rating", "a post with a rating is a review: \(move)")
        case "movie", "work": return ("an article has no \(key)", "a post about one work is a review: \(move)")
        case "year": return ("an article has no year", "the year of a work belongs to a review: \(move)")
        case "recommend": return ("an article has no recommendations", "recommend: belongs to a review: \(move)")
        case "type": return ("an article has no type", "the kind of work belongs to a review: \(move)")
        // Articles' images are not resized into posters (yet): no alt text for one is read.
        case "original_language": return ("an article has no original_language", "the original title of a work belongs to a review: \(move)")
        case "author", "authors":
            // Hugo's and Jekyll's habit for who wrote the post; here `author:` is a book's author.
            return ("an article has no \(key)", "for who wrote it, write reviewer: with an id of site.yml's authors; \(key): is a credit of a book and belongs to a review")
        default:
            guard TaxonomyDefinition.defaults.contains(where: { $0.isCredit && $0.keys.contains(key) }) else { return nil }
            return ("an article has no \(key)", "credits belong to a review: \(move)")
        }
    }
}
