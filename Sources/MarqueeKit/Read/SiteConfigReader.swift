import Foundation
import Yams

/// Reads `site.yml` into a `SiteConfig`, reporting every problem with its line.
struct SiteConfigReader {
    static let path = "site.yml"
    static let knownKeys = ["title", "description", "base_url", "language", "timezone", "author",
                            "rating_scale", "paginate", "markdown", "feed", "taxonomies", "broken_links", "recommendations", "toc", "authors", "types", "comments", "search"]

    /// `baseURLOverride` (from `--base-url`) wins over the file's `base_url`.
    /// `ownTranslations`: the languages the site has an `i18n/<lang>.yml` for.
    static func read(text: String?, baseURLOverride: String?, ownTranslations: Set<String> = []) -> (SiteConfig?, [Diagnostic]) {
        let start = SourceLocation(path: path)
        guard let text else {
            return (nil, [.error(start, "no site.yml in the site folder", hint: "create site.yml with at least 'title' and 'base_url' (or run 'marquee new site DIR')", stage: .config)])
        }
        let source = TextNormaliser.normalise(text)
        let document: YAMLDocument
        switch YAMLDocument.parse(source, path: path, firstLine: 1) {
        case .success(let parsed): document = parsed
        case .failure(let diagnostic):
            var d = diagnostic
            d.stage = .config
            return (nil, [d])
        }
        guard let root = document.root, let mapping = root.mapping else {
            return (nil, [.error(start, "site.yml must be a mapping of settings", hint: "write 'title: My reviews' and 'base_url: https://example.org/' on their own lines", stage: .config)])
        }
        var reader = MappingReader(document: document, stage: .config)
        var title: String?
        var baseURL: String?
        var baseURLNode: Node?
        var config = SiteConfig(title: "", baseURL: "/")
        var recommendationsNode: Node?
        var commentsNode: Node?
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            switch key {
            case "title": title = reader.requiredText(key, value)
            case "description": config.description = reader.text(key, value)
            case "base_url": baseURL = reader.requiredText(key, value); baseURLNode = value
            case "language":
                if let language = reader.languageTag(key, value, hint: "use a BCP 47 tag such as en, fr or hi-IN") {
                    config.language = language
                    let primary = Translation.primarySubtag(language)
                    if !Translation.isShipped(language), !ownTranslations.contains(primary) {
                        reader.warning(value, "no translation of the theme ships for '\(primary)': its words are in English",
                                       hint: "the shipped languages are \(ThemeLanguages.shipped.joined(separator: ", ")); add your own words in \(TranslationReader.path(for: language)) (see Marquee's docs/guide/languages.md)")
                    }
                }
            case "timezone":
                if let name = reader.requiredText(key, value) {
                    if let zone = TimeZone(identifier: name) {
                        config.timeZone = zone
                        config.timeZoneName = name
                    } else {
                        reader.error(value, "unknown time zone '\(MappingReader.preview(value))'", hint: "use an IANA name such as UTC, Europe/Paris or Asia/Kolkata")
                    }
                }
            case "author": config.author = readAuthor(value, &reader)
            case "authors": config.authors = readAuthors(value, &reader)
            case "types": config.workTypes = readWorkTypes(value, &reader)
            case "rating_scale": config.ratingScale = reader.integer(key, value, in: 1...100, example: 5) ?? config.ratingScale
            case "paginate": config.paginate = reader.integer(key, value, in: 1...1000, example: 10) ?? config.paginate
            case "toc": config.tableOfContents = reader.bool(key, value) ?? config.tableOfContents
            case "search": config.search = reader.bool(key, value) ?? config.search
            case "markdown": readMarkdown(value, into: &config.markdown, &reader)
            case "feed": readFeed(value, into: &config.feed, &reader)
            case "broken_links":
                switch value.scalarText {
                case "error": config.brokenLinks = .error
                case "warning": config.brokenLinks = .warning
                default: reader.error(value, "broken_links must be error or warning, found \(MappingReader.describe(value))", hint: "write broken_links: warning")
                }
            case "recommendations": recommendationsNode = value
            case "taxonomies": config.taxonomies = TaxonomySettingsReader.read(value, &reader)
            case "comments": commentsNode = value
            default:
                let hint = MappingReader.suggestion(for: key, among: knownKeys).map { "did you mean '\($0)'?" }
                    ?? "known settings: \(knownKeys.joined(separator: ", "))"
                reader.warning(keyNode, "unknown setting '\(key)' is ignored", hint: hint)
            }
        }
        if title == nil, !mapping.keys.contains(where: { $0.scalarText == "title" }) {
            reader.diagnostics.error(start, "site.yml has no 'title'", hint: "add a line such as title: My film reviews", stage: .config)
        }
        // Read after the loop: the rating floor depends on rating_scale, wherever it stands in the file.
        if let node = recommendationsNode {
            config.recommendations = RecommendationSettingsReader.read(node, scale: config.ratingScale, &reader)
        }
        // After the loop too: giscus's `lang` defaults to the site's language.
        if let node = commentsNode { config.comments = CommentsProviderReader.read(node, language: config.language, &reader) }
        config.title = title ?? ""
        if let override = baseURLOverride {
            switch BaseURL.normalise(override) {
            case .success(let url): config.baseURL = url
            case .failure(let problem):
                reader.diagnostics.error(SourceLocation(path: "--base-url"), problem.message, hint: problem.hint ?? "pass a URL such as https://example.org/blog/", stage: .config)
            }
        } else if let baseURL, let node = baseURLNode {
            switch BaseURL.normalise(baseURL) {
            case .success(let url): config.baseURL = url
            case .failure(let problem): reader.error(node, problem.message, hint: problem.hint ?? "write base_url: https://example.org/ (the address the site is served from)")
            }
        } else if baseURLNode == nil {
            reader.diagnostics.error(start, "site.yml has no 'base_url'", hint: "add base_url: https://example.org/ or pass --base-url", stage: .config)
        }
        let diagnostics = reader.diagnostics
        return (diagnostics.hasErrors ? nil : config, diagnostics.all)
    }

    /// `types:`, kinds of work the site adds: `opera: {label: Opera, schema: CreativeWork}` (the
    /// schema.org type defaults to CreativeWork). An id of the built-in table is refused.
    private static func readWorkTypes(_ node: Node, _ reader: inout MappingReader) -> [WorkType] {
        guard let mapping = node.mapping else {
            reader.error(node, "'types' must be a mapping from a kind of work to its label", hint: "write types: {opera: {label: Opera}}")
            return []
        }
        var kinds: [WorkType] = []
        for (keyNode, value) in mapping {
            guard let id = keyNode.scalarText, !id.isEmpty, id.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_") }) else {
                reader.error(keyNode, "the kind of work '\(MappingReader.preview(keyNode))' must be letters, digits, - or _", hint: "write a short id such as opera: {label: Opera}")
                continue
            }
            if WorkType.named(id) != nil {
                reader.error(keyNode, "'\(id)' is a kind of work Marquee knows already", hint: "give your own kind another name, or leave it out: type: \(id) works as it is")
                continue
            }
            guard let settings = value.mapping else {
                reader.error(value, "types.\(id) must be a mapping of label and schema", hint: "write \(id): {label: \(id.capitalized), schema: CreativeWork}")
                continue
            }
            var label: String?, schema = "CreativeWork"
            for (settingNode, settingValue) in settings {
                switch settingNode.scalarText ?? "" {
                case "label": label = reader.requiredText("types.\(id).label", settingValue)
                case "schema":
                    if let type = reader.requiredText("types.\(id).schema", settingValue) {
                        if WorkType.schemaTypes.contains(type) { schema = type } else {
                            reader.error(settingValue, "types.\(id).schema '\(MappingReader.preview(settingValue))' is not a schema.org type Marquee fills",
                                         hint: "use one of \(WorkType.schemaTypes.joined(separator: ", "))")
                        }
                    }
                default:
                    let key = settingNode.scalarText ?? ""
                    reader.warning(settingNode, "unknown setting '\(key)' of types.\(id) is ignored", hint: "known: label, schema")
                }
            }
            guard let label else {
                reader.error(value, "types.\(id) has no label", hint: "add label: \(id.capitalized), the word the credits show")
                continue
            }
            kinds.append(WorkType(id: id, schemaType: schema, label: label))
        }
        return kinds
    }

    /// `authors:`, a mapping from an id (what `reviewer:` names) to each reviewer, as `author:` is written.
    private static func readAuthors(_ node: Node, _ reader: inout MappingReader) -> [String: SiteConfig.Author] {
        guard let mapping = node.mapping else {
            reader.error(node, "'authors' must be a mapping from an id to a reviewer", hint: "write authors: {vivek: {name: Vivek S.}, mina: {name: Mina R.}}")
            return [:]
        }
        var authors: [String: SiteConfig.Author] = [:]
        for (keyNode, value) in mapping {
            guard let id = keyNode.scalarText, !id.isEmpty, id.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_") }) else {
                reader.error(keyNode, "the author id '\(MappingReader.preview(keyNode))' must be letters, digits, - or _", hint: "write a short id such as mina: {name: Mina R.}")
                continue
            }
            if let author = readAuthor(value, &reader, key: "authors.\(id)") { authors[id] = author }
        }
        return authors
    }

    private static func readAuthor(_ node: Node, _ reader: inout MappingReader, key: String = "author") -> SiteConfig.Author? {
        if let name = node.scalarText, !node.isNull {
            return SiteConfig.Author(name: name)
        }
        guard let mapping = node.mapping else {
            reader.error(node, "'\(key)' must be a name or a mapping with name, bio and url", hint: "write \(key): {name: Your Name}")
            return nil
        }
        var author = SiteConfig.Author(name: "")
        var hasName = false
        for (keyNode, value) in mapping {
            switch keyNode.scalarText ?? "" {
            case "name": if let name = reader.requiredText("\(key).name", value) { author.name = name; hasName = true }
            case "bio": author.bio = reader.text("\(key).bio", value)
            case "url":
                if let url = reader.requiredText("\(key).url", value) {
                    if URLSafety.isSafeAbsoluteURL(url) { author.url = url } else {
                        reader.error(value, "\(key).url '\(MappingReader.preview(value))' is not an absolute http(s) URL", hint: "write a full address such as https://example.org/about/")
                    }
                }
            default:
                let key = keyNode.scalarText ?? ""
                reader.warning(keyNode, "unknown author setting '\(key)' is ignored", hint: MappingReader.suggestion(for: key, among: ["name", "bio", "url"]).map { "did you mean '\($0)'?" } ?? "known: name, bio, url")
            }
        }
        if !hasName {
            reader.error(node, "'\(key)' has no name", hint: "add name: under \(key)")
            return nil
        }
        return author
    }

    private static func readMarkdown(_ node: Node, into options: inout MarkdownOptions, _ reader: inout MappingReader) {
        guard let mapping = node.mapping else {
            reader.error(node, "'markdown' must be a mapping", hint: "write markdown: {smart_punctuation: true, raw_html: true}")
            return
        }
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            switch key {
            case "smart_punctuation": options.smartPunctuation = reader.bool("markdown.smart_punctuation", value) ?? options.smartPunctuation
            case "raw_html": options.rawHTML = reader.bool("markdown.raw_html", value) ?? options.rawHTML
            default:
                reader.warning(keyNode, "unknown markdown setting '\(key)' is ignored", hint: MappingReader.suggestion(for: key, among: ["smart_punctuation", "raw_html"]).map { "did you mean '\($0)'?" } ?? "known: smart_punctuation, raw_html")
            }
        }
    }

    private static func readFeed(_ node: Node, into feed: inout SiteConfig.Feed, _ reader: inout MappingReader) {
        guard let mapping = node.mapping else {
            reader.error(node, "'feed' must be a mapping", hint: "write feed: {entries: 20, full_content: true}")
            return
        }
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            switch key {
            case "entries": feed.entries = reader.integer("feed.entries", value, in: 1...10_000, example: 20) ?? feed.entries
            case "full_content": feed.fullContent = reader.bool("feed.full_content", value) ?? feed.fullContent
            default:
                reader.warning(keyNode, "unknown feed setting '\(key)' is ignored", hint: MappingReader.suggestion(for: key, among: ["entries", "full_content"]).map { "did you mean '\($0)'?" } ?? "known: entries, full_content")
            }
        }
    }

    /// `^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`, without compiling a regular expression for every build.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy(isLetter) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { isLetter($0) || (0x30...0x39).contains($0) } }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
