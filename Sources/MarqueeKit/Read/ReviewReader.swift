import Foundation
import Yams

/// Turns one review file into a `Review`, or into every diagnostic it deserves.
struct ReviewReader {
    let config: SiteConfig
    let markdown: MarkdownRenderer
    /// The keys it shares with articles.
    let posts: PostKeysReader

    /// The keys only a review takes (an article refuses each: `ArticleReader`).
    static let ownKeys = ["movie", "work", "year", "rating", "recommend", "type", "original_language", "image_alt"]

    /// The keys Marquee reads itself: its own, and every built-in taxonomy's (`TaxonomyDefinition.defaults`).
    /// (In this order: a suggestion for a typo takes the first of equally close keys.)
    static let knownKeys = ["title", "movie", "work", "year", "rating", "date", "recommend", "slug", "summary", "draft", "image", "image_alt",
                            "type", "toc", "aliases", "reviewer", "language", "lang", "original_language", "published"]
        + TaxonomyDefinition.defaults.filter(\.readsNames).flatMap(\.keys)

    /// The schema.org types a review's `type` may name (what `itemReviewed` is).
    static let supportedTypes = ["Movie", "Book", "MusicAlbum", "MusicRecording", "TVSeries", "TVSeason", "TVEpisode",
                                 "VideoGame", "Game", "PodcastSeries", "CreativeWork", "Restaurant"]

    /// Everything in the settings that shapes how a review file reads: a cached review is reused
    /// only when this is unchanged.
    static func settingsKey(_ config: SiteConfig) -> String {
        [config.basePath, config.timeZoneName, String(config.ratingScale), String(config.markdown.smartPunctuation),
         String(config.markdown.rawHTML),
         config.taxonomiesOfKey.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.joined(separator: "+"))" }.joined(separator: ","),
         config.authors.keys.sorted().joined(separator: ","),
         config.workTypes.map { "\($0.id)=\($0.label)=\($0.schemaType)" }.joined(separator: ",")].joined(separator: "|")
    }

    init(config: SiteConfig) {
        self.config = config
        self.markdown = MarkdownRenderer(options: config.markdown, basePath: config.basePath, reservedIDs: DefaultTheme.pageIDs)
        self.posts = PostKeysReader(config: config)
    }

    /// `defaultSlug` is the file or folder name.
    func read(_ data: Data, path: String, defaultSlug: String) -> (Review?, [Diagnostic]) {
        let file: ContentFile
        switch ContentFile.read(data, path: path) {
        case .success(let value): file = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var reader = MappingReader(document: file.document, stage: .read)
        var rating: Rating?
        var fields = Fields()
        var shared = PostKeysReader.Fields()
        var keyLocations: [String: SourceLocation] = [:]
        var params: [String: ParamValue] = [:]
        var converter = ParamConverter()

        for (keyNode, value) in file.mapping {
            guard let key = keyNode.scalarText else {
                reader.error(keyNode, "a front matter key must be a plain word, found \(keyNode.kindName)", hint: "write key: value")
                continue
            }
            keyLocations[key] = file.document.location(of: keyNode)
            switch key {
            case "movie", "work":
                // `work:` names any kind of work; `movie:` is its first name, still read.
                if keyLocations["movie"] != nil && keyLocations["work"] != nil {
                    reader.error(keyNode, "'work' and 'movie' both name the work", hint: "keep one of them (work: is the newer name of movie:)")
                } else {
                    fields.movie = reader.requiredText(key, value)
                }
            case "year": fields.year = readYear(value, &reader)
            case "image_alt": fields.imageAlt = reader.requiredText(key, value)
            case "rating": rating = readRating(value, &reader)
            case "recommend": fields.recommendations = readRecommendations(value, &reader)
            case "original_language":
                fields.originalLanguage = reader.languageTag(key, value, hint: "give the language of original_title as a BCP 47 tag, such as fa or fr")
            case _ where posts.readShared(key, value, slugExample: "children-of-heaven", into: &shared, &keyLocations, &reader): break
            // A credit or term of a taxonomy (director, tags, cast, a site's own country…).
            case _ where posts.readTerms(key, value, into: &shared.terms, &reader): break
            case "type":
                if let type = reader.requiredText(key, value) {
                    if let kind = WorkType.named(type, siteKinds: config.workTypes) {
                        fields.type = kind.schemaType
                        fields.workLabel = kind.label
                        fields.kind = kind
                    } else {
                        let suggestion = MappingReader.suggestion(for: type, among: WorkType.shortIDs + config.workTypes.map(\.id))
                        reader.error(value, "type '\(MappingReader.preview(value))' is not a kind of work Marquee knows",
                                     hint: suggestion.map { "did you mean '\($0)'?" } ?? "use one of \((WorkType.shortIDs + config.workTypes.map(\.id)).joined(separator: ", ")) (or a schema.org type: \(Self.supportedTypes.joined(separator: ", "))), or add it under types: in site.yml")
                    }
                }
            default:
                posts.readUnknown(key, keyNode, value, known: Self.knownKeys, into: &params, &converter, &reader)
            }
        }
        reportUnexpectedCredits(shared.terms, kind: fields.kind ?? .film, keyLocations, &reader)
        let defaultSlug = posts.dateFromFileName(defaultSlug, &shared, keyLocations)
        let start = file.document.startLocation
        for (key, value) in [("title", shared.title as Any?), ("date", shared.date), ("rating", rating)]
        where value == nil && keyLocations[key] == nil {
            reader.diagnostics.error(start, "the front matter has no '\(key)'", hint: Self.missingKeyHint[key])
        }
        let slug = posts.slug(shared, defaultSlug: defaultSlug, path: path, example: "my-review", &reader)
        guard !reader.diagnostics.hasErrors, let title = shared.title, let rating, let date = shared.date else {
            return (nil, reader.diagnostics.all)
        }
        let documentPath = markdown.basePath + Route.review(slug).url // (config.basePath parses the base URL again)
        let body = markdown.render(file.body, documentPath: documentPath, imageFolder: BodyImages.folder(of: path), placingImages: true).shiftingLinks(by: file.bodyFirstLine - 1)
        ForeignTags.report(body, path: path, &reader)
        var review = Review(source: path, slug: slug, title: title, movie: fields.movie ?? title, year: fields.year,
                            rating: rating, date: date, body: body,
                            excerpt: Excerpt.choose(body: body, summary: shared.summary))
        review.terms = shared.terms
        review.recommendations = fields.recommendations
        review.summary = shared.summary
        review.isDraft = shared.draft
        review.image = shared.image
        review.imageAlt = fields.imageAlt
        review.type = fields.type
        review.tableOfContents = shared.tableOfContents
        review.aliases = shared.aliases
        review.reviewer = shared.reviewer
        review.language = shared.language
        review.workLabel = fields.workLabel
        review.params = params
        review.originalLanguage = fields.originalLanguage
        review.keyLocations = KeyLocations(path: path, keyLocations)
        review.frontMatterDigest = file.frontMatterDigest
        return (review, reader.diagnostics.all)
    }

    /// A credit its kind of work does not have (`artist:` on a book, `director:` on an album) is
    /// shown all the same, with a warning: most often it is another generator's habit, such as
    /// Hugo's and Jekyll's `author:` for who wrote the post, which here is `reviewer:`.
    private func reportUnexpectedCredits(_ terms: [String: [Name]], kind: WorkType, _ keyLocations: [String: SourceLocation], _ reader: inout MappingReader) {
        guard let expected = kind.credits else { return }
        for definition in TaxonomyDefinition.defaults where definition.isCredit && terms[definition.id] != nil && !expected.contains(definition.id) {
            guard let key = definition.keys.first(where: { keyLocations[$0] != nil }), let location = keyLocations[key] else { continue }
            let label = kind.label.lowercased()
            let what = ("aeiou".contains(label.first ?? "x") ? "an " : "a ") + label
            let expectedKeys = expected.compactMap { TaxonomyDefinition.builtIn($0)?.keys.first }
            let theirs = expectedKeys.isEmpty ? "\(what) has no credits of its own" : "\(what)'s credits are \(expectedKeys.joined(separator: ", "))"
            let hint = definition.id == TaxonomyDefinition.ID.authors
                ? "for who wrote the review, write reviewer: with an id of site.yml's authors (author: is the author of a book)"
                : "\(theirs); set type: if this is not \(what)"
            reader.diagnostics.warning(location, "'\(key)' is not a credit of \(what); it is shown all the same", hint: hint)
        }
    }

    /// What the keys only a review takes said.
    private struct Fields {
        var movie: String?, year: Int?, type: String?
        var recommendations: [RecommendationReference] = []
        var originalLanguage: String?
        var imageAlt: String?
        var kind: WorkType?
        var workLabel: String?
    }

    static let missingKeyHint: [String: String] = [
        "title": "add a line such as title: \"Baran: love without words\"",
        "date": "add the publication date, such as date: 2024-05-01",
        "rating": "add a rating from 0 to the site's scale, such as rating: 4.5",
    ]

    private func readYear(_ node: Node, _ reader: inout MappingReader) -> Int? {
        guard let text = node.scalarText, let year = Int(text.trimmingWhitespace()) else {
            reader.error(node, "year must be a number, found \(MappingReader.describe(node))", hint: "give the year the work came out, such as year: 1997")
            return nil
        }
        guard (1000...2200).contains(year) else {
            reader.error(node, "year \(year) is not a plausible year", hint: "give the year the work came out, such as year: 1997")
            return nil
        }
        return year
    }

    private func readRating(_ node: Node, _ reader: inout MappingReader) -> Rating? {
        let scale = config.ratingScale
        guard let text = node.scalarText else {
            reader.error(node, "rating must be a number, found \(MappingReader.describe(node))", hint: "write a number from 0 to \(scale), such as rating: 3.5")
            return nil
        }
        let value: Double
        switch Rating.parseWritten(text, scale: scale) {
        case .number(let number): value = number
        case .outOfScale(_, let denominator):
            reader.error(node, "rating \(MappingReader.preview(node)) does not fit the site's scale of \(scale) in half steps",
                         hint: "write a number from 0 to \(scale), or set rating_scale: \(denominator) in site.yml to give every rating out of \(denominator)")
            return nil
        case .notANumber:
            reader.error(node, "rating must be a number, found \(MappingReader.describe(node))",
                         hint: "write a number from 0 to \(scale), such as rating: 3.5 (8/10 and stars such as ★★★½ are read too)")
            return nil
        }
        let shown = MappingReader.preview(node)
        if value < 0 {
            reader.error(node, "rating \(shown) is below 0", hint: "ratings go from 0 to \(scale)")
            return nil
        }
        if value > Double(scale) {
            reader.error(node, "rating \(shown) is above the site's scale of \(scale)", hint: "use a number from 0 to \(scale), or raise rating_scale in site.yml")
            return nil
        }
        let halves = value * 2
        guard halves == halves.rounded() else {
            reader.error(node, "rating \(shown) is not a whole or half number", hint: "round it to a half step, such as \(String(format: "%.1f", (halves.rounded()) / 2))")
            return nil
        }
        return Rating(halfSteps: Int(halves), scale: scale)
    }

    private func readRecommendations(_ node: Node, _ reader: inout MappingReader) -> [RecommendationReference] {
        let items: [Node]
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar where node.isNull: return []
        default: items = [node]
        }
        var references: [RecommendationReference] = []
        for item in items {
            let location = reader.document.location(of: item)
            switch item {
            case .scalar(let scalar):
                let slug = scalar.string.trimmingWhitespace()
                if let problem = Slug.problem(with: slug) {
                    reader.error(item, "recommend: \(problem)", hint: "give the slug of another review, such as recommend: shwaas")
                } else {
                    references.append(.review(slug: slug, location: location))
                }
            case .mapping(let mapping):
                var title: String?, url: String?
                for (keyNode, value) in mapping {
                    switch keyNode.scalarText ?? "" {
                    case "title": title = reader.requiredText("recommend.title", value)
                    case "url":
                        if let text = reader.requiredText("recommend.url", value) {
                            if URLSafety.isSafeAbsoluteURL(text) {
                                url = text
                            } else {
                                reader.error(value, "recommend url '\(MappingReader.preview(value))' is not an absolute http(s) URL",
                                             hint: "link to a full address such as https://en.wikipedia.org/wiki/Baran_(film); to recommend a review of this site, give its slug")
                            }
                        }
                    default:
                        let key = keyNode.scalarText ?? ""
                        reader.error(keyNode, "unknown key '\(key)' in a recommendation", hint: "a recommendation of a work not reviewed here has only title and url")
                    }
                }
                if let title, let url {
                    references.append(.external(title: title, url: url, location: location))
                } else if title == nil && !mapping.keys.contains(where: { $0.scalarText == "title" }) {
                    reader.error(item, "this recommendation has no title", hint: "write {title: Where Is the Friend's House?, url: https://…}")
                } else if url == nil && !mapping.keys.contains(where: { $0.scalarText == "url" }) {
                    reader.error(item, "this recommendation has no url", hint: "add url: https://… or give the slug of a review of this site instead")
                }
            default:
                reader.error(item, "recommend must be a slug, a list of slugs, or {title, url}, found \(item.kindName)", hint: "write recommend: shwaas")
            }
        }
        return references
    }
}
