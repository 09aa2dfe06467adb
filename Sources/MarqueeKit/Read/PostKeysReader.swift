import Foundation
import Yams

/// The front matter keys a review and an article both take (title, date, slug, summary, draft,
/// toc, aliases, reviewer, language, image, and the names a taxonomy files), read one way for
/// both: `ReviewReader` and `ArticleReader` each add their own keys around it.
struct PostKeysReader {
    let config: SiteConfig
    let dates: DateParser
    /// `config.taxonomiesOfKey`, made once (it is asked for every key).
    let taxonomiesOfKey: [String: [String]]
    /// "Did you mean" for the keys Marquee does not read, found once per key: a site's own key
    /// (`country:`, `runtime:`) is in most of its reviews.
    let unknownKeyHints = UnknownKeyHints()

    /// The keys read here (besides the taxonomies').
    static let keys = ["title", "date", "slug", "summary", "draft", "published", "toc", "aliases", "reviewer", "language", "lang", "image"]

    init(config: SiteConfig) {
        self.config = config
        dates = DateParser(timeZone: config.timeZone)
        taxonomiesOfKey = config.taxonomiesOfKey
    }

    /// What the shared keys said.
    struct Fields {
        var title: String?, date: PublicationDate?, slug: String?, summary: String?, image: String?
        var terms: [String: [Name]] = [:]
        var drafting = DraftKeys()
        var draft: Bool { drafting.isDraft }
        var tableOfContents: Bool?
        var aliases: [Alias] = []
        var reviewer: String?
        var language: String?
    }

    /// Reads `key` when it is one of `keys`; false, having read nothing, when it is not.
    /// `slugExample` is the slug the error about a bad `slug:` suggests.
    func readShared(_ key: String, _ value: Node, slugExample: String, into fields: inout Fields,
                    _ keyLocations: inout [String: SourceLocation], _ reader: inout MappingReader) -> Bool {
        switch key {
        case "title": fields.title = reader.requiredText(key, value)
        case "date": fields.date = readDate(value, &reader)
        case "slug": fields.slug = reader.slug(value, example: slugExample)
        case "summary": fields.summary = reader.text(key, value)
        case "draft", "published": fields.drafting.read(key, value, &reader)
        case "toc": fields.tableOfContents = reader.bool(key, value)
        case "aliases": fields.aliases += AliasReader.read(value, baseURL: config.baseURL, &reader)
        case "reviewer": fields.reviewer = readReviewer(value, &reader)
        case "language", "lang": fields.language = reader.languageTag(key, value) // `lang` as Jekyll themes write it
        case "image":
            fields.image = reader.requiredText(key, value)
            keyLocations[key] = reader.document.location(of: value) // errors about the file point at its name
        default: return false
        }
        return true
    }

    /// Reads the names of a taxonomy's key (tags, director, a site's own country…); false when `key` is none.
    func readTerms(_ key: String, _ value: Node, into terms: inout [String: [Name]], _ reader: inout MappingReader) -> Bool {
        guard let taxonomies = taxonomiesOfKey[key] else { return false }
        let names = readNames(key, value, &reader)
        for taxonomy in taxonomies { terms[taxonomy, default: []] += names }
        return true
    }

    /// A key neither kind reads: kept for templates under params, with a warning when it is one
    /// or two letters from a key of `known` (most likely a typo: "catagory", "tag").
    func readUnknown(_ key: String, _ keyNode: Node, _ value: Node, known: [String], into params: inout [String: ParamValue],
                     _ converter: inout ParamConverter, _ reader: inout MappingReader) {
        if let known = unknownKeyHints.suggestion(for: key, among: known + ["tag"]), known != key {
            reader.warning(keyNode, "'\(key)' is not a key Marquee reads; it is kept for templates under params",
                           hint: "did you mean '\(known == "tag" ? "tags" : known)'?")
        }
        if let param = converter.convert(value) {
            params[key] = param
        } else {
            reader.error(value, "'\(key)' takes this file's params past \(ParamConverter.maximumValues.groupedDigits) values, the most one file may hold", hint: "keep front matter values small; larger data belongs in a file of its own")
        }
    }

    /// A Jekyll post gives its date in its file name (2023-11-25-barbie.md), and its address is the
    /// rest: when the front matter has no date, `fields.date` is that day and the slug the rest.
    func dateFromFileName(_ defaultSlug: String, _ fields: inout Fields, _ keyLocations: [String: SourceLocation]) -> String {
        guard fields.date == nil, keyLocations["date"] == nil, let (day, rest) = Self.datedFileName(defaultSlug),
              case .success(let parsed) = dates.parse(day) else { return defaultSlug }
        fields.date = parsed
        return rest
    }

    /// The slug: `slug:`, else the file name, which must make a URL (`example` is the slug the hint suggests).
    func slug(_ fields: Fields, defaultSlug: String, path: String, example: String, _ reader: inout MappingReader) -> String {
        if fields.slug == nil, let problem = Slug.problem(with: defaultSlug) {
            reader.diagnostics.error(SourceLocation(path: path), "this file's name cannot be a URL: \(problem)",
                                     hint: "rename the file, or give a slug: key such as slug: \(example)")
        }
        return fields.slug ?? defaultSlug
    }

    /// `reviewer: ID`: one of site.yml's `authors`.
    func readReviewer(_ node: Node, _ reader: inout MappingReader) -> String? {
        guard let id = reader.requiredText("reviewer", node) else { return nil }
        if config.authors[id] != nil { return id }
        if config.authors.isEmpty {
            reader.error(node, "the reviewer '\(MappingReader.preview(node))' is not one of the site's authors: site.yml lists none",
                         hint: "add authors: {\(Slug.make(from: id).isEmpty ? "id" : Slug.make(from: id)): {name: Their Name}} to site.yml, or remove reviewer:")
        } else {
            let known = config.authors.keys.sorted()
            reader.error(node, "the reviewer '\(MappingReader.preview(node))' is not one of the site's authors",
                         hint: MappingReader.suggestion(for: id, among: known).map { "did you mean '\($0)'?" } ?? "site.yml's authors are \(known.joined(separator: ", "))")
        }
        return nil
    }

    /// "2023-11-25" and "barbie" from "2023-11-25-barbie", as Jekyll names posts.
    static func datedFileName(_ name: String) -> (day: String, rest: String)? {
        let bytes = Array(name.utf8)
        guard bytes.count > 11, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "-"),
              [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }) else { return nil }
        return (String(decoding: bytes[..<10], as: UTF8.self), String(decoding: bytes[11...], as: UTF8.self))
    }

    /// A name or a list of names; each must contain a letter or a digit.
    func readNames(_ key: String, _ node: Node, _ reader: inout MappingReader) -> [Name] {
        if case .scalar = node, let text = node.scalarText, text.containsByte(UInt8(ascii: ",")), !node.isNull {
            // Other generators read "Joel Coen, Ethan Coen" as two names; YAML reads one.
            let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            reader.warning(node, "'\(key)' is one name here, '\(MappingReader.preview(node))'; for \(parts.count) names, write a list",
                           hint: "write \(key): [\(parts.joined(separator: ", "))]; a name with a comma in it goes in quotes inside a list: [\"Sammy Davis, Jr.\"]")
        }
        var names: [Name] = []
        for (text, item) in reader.scalarOrList(key, node, one: "a name", many: "names",
                                                hint: "write \(key): Majid Majidi, or \(key): [Jean-Pierre Jeunet, Marc Caro]", entryHint: "write \(key): [Name One, Name Two]") {
            let trimmed = MappingReader.removingControlCharacters(text).trimmingWhitespaceAndNewlines()
            guard trimmed.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
                reader.error(item, "'\(key)' has an entry '\(MappingReader.preview(item))' with no letters or digits", hint: "remove it or write a real name")
                continue
            }
            names.append(Name(text: trimmed, location: reader.document.location(of: item)))
        }
        return names
    }

    /// `date:` and (for articles) `updated:`: a day or a moment.
    func readDate(_ node: Node, key: String = "date", _ reader: inout MappingReader) -> PublicationDate? {
        guard let text = node.scalarText, !node.isNull else {
            reader.error(node, "\(key) must be a date, found \(node.kindName)", hint: "write \(key): 2024-05-01 or \(key): 2024-05-01T18:30:00+05:30")
            return nil
        }
        switch dates.parse(text) {
        case .success(let date): return date
        case .failure(.format):
            reader.error(node, "'\(MappingReader.preview(node))' is not a date", hint: "write YYYY-MM-DD (2024-05-01) or RFC 3339 (2024-05-01T18:30:00+05:30)")
        case .failure(.outOfRange(let why)):
            reader.error(node, "'\(MappingReader.preview(node))' is not a real date: \(why)", hint: "check the date and time")
        }
        return nil
    }
}

/// The closest known key to each unknown one, remembered across the reviews a reader reads (on
/// all cores, hence the lock). One reader asks with one list of known keys; a different list
/// (its length tells) is looked up afresh.
final class UnknownKeyHints: @unchecked Sendable {
    private let lock = NSLock()
    private var hints: [String: (knownCount: Int, suggestion: String?)] = [:]

    func suggestion(for key: String, among known: [String]) -> String? {
        lock.lock()
        let remembered = hints[key]
        lock.unlock()
        if let remembered, remembered.knownCount == known.count { return remembered.suggestion }
        let suggestion = MappingReader.suggestion(for: key, among: known)
        lock.lock()
        hints[key] = (known.count, suggestion)
        lock.unlock()
        return suggestion
    }
}
