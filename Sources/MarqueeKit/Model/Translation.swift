/// The theme's words in the site's language: a shipped table (or English), with the site's own
/// `i18n/<lang>.yml` laid over it. Every id of `ThemeWord.all` has a text, so a word a table
/// leaves out is the English one. Also how the language writes counts, numbers and dates.
public struct Translation: Hashable, Sendable {
    /// The table's language, the primary subtag (`fr` for `fr-CA`); `en` when none is shipped.
    public let language: String
    private let words: [String: String]
    /// The ids the site's own file gives.
    private let own: Set<String>
    private let digits: [Character]
    private let zeroIsSingular: Bool
    /// `date.format` cut at its placeholders once, and the months: a date is shown for every
    /// review on many pages.
    private let dateFormat: [DatePart]
    private let months: [String]
    /// `number.decimal`, and whether numbers are written as given (ASCII digits, a point): found once.
    private let decimal: String
    private let numbersAsWritten: Bool

    private enum DatePart: Hashable, Sendable {
        case text(String), day, month, year
    }

    /// The table for `language`'s primary subtag (English when none is shipped), with `overrides`.
    public init(language: String, overrides: [String: String] = [:]) {
        let primary = Self.primarySubtag(language)
        let shipped = ThemeLanguages.tables[primary]
        self.language = shipped == nil && overrides.isEmpty ? "en" : primary
        var words: [String: String] = [:]
        words.reserveCapacity(ThemeWord.all.count)
        for word in ThemeWord.all { words[word.id] = overrides[word.id] ?? shipped?[word.id] ?? word.english }
        self.words = words
        own = Set(overrides.keys)
        let digits = Array(words["number.digits"] ?? "")
        self.digits = digits.count == 10 ? digits : Array("0123456789")
        zeroIsSingular = words["plural.rule"] == "zero-one"
        months = (1...12).map { words["date.month.\($0)"] ?? "" }
        dateFormat = Self.parse(dateFormat: words["date.format"] ?? "{day} {month} {year}")
        decimal = words["number.decimal"] ?? "."
        numbersAsWritten = decimal == "." && self.digits.first == "0"
    }

    private static func parse(dateFormat: String) -> [DatePart] {
        var parts: [DatePart] = []
        var rest = dateFormat[...]
        while !rest.isEmpty {
            let next = [("{day}", DatePart.day), ("{month}", .month), ("{year}", .year)]
                .compactMap { token, part in rest.range(of: token).map { ($0, part) } }
                .min { $0.0.lowerBound < $1.0.lowerBound }
            guard let (range, part) = next else { parts.append(.text(String(rest))); break }
            if range.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<range.lowerBound]))) }
            parts.append(part)
            rest = rest[range.upperBound...]
        }
        return parts
    }

    public static let english = Translation(language: "en")

    /// `fr` of `fr-CA`, lower-cased.
    static func primarySubtag(_ tag: String) -> String {
        String(tag.split(separator: "-", maxSplits: 1).first ?? "").lowercased()
    }

    /// Whether a table ships for this tag's language.
    static func isShipped(_ tag: String) -> Bool {
        let primary = primarySubtag(tag)
        return primary == "en" || ThemeLanguages.tables[primary] != nil
    }

    /// Whether the site's `i18n/<lang>.yml` gives this word (else it is a shipped text).
    public func isSitesOwn(_ id: String) -> Bool { own.contains(id) }

    /// The word's text as the table gives it (placeholders not filled).
    public func word(_ id: String) -> String { words[id] ?? ThemeWord.byID[id]?.english ?? id }

    /// The phrase with each `{name}` replaced by its value (values are text; escaping is the
    /// caller's, as for any text).
    public func phrase(_ id: String, _ values: KeyValuePairs<String, String> = [:]) -> String {
        Self.fill(word(id), values)
    }

    /// One pass over the text's bytes: phrases are filled for every card and list page, and
    /// Foundation's `replacingOccurrences` (a search per value) was a tenth of a build's work.
    /// `{name}` with no value, and a lone brace, are kept as written.
    static func fill(_ text: String, _ values: KeyValuePairs<String, String>) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            guard let firstBrace = bytes.firstIndex(of: UInt8(ascii: "{")) else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            out.append(contentsOf: bytes[..<firstBrace])
            var i = firstBrace
            while i < bytes.count {
                let byte = bytes[i]
                guard byte == UInt8(ascii: "{"), let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "}")) else {
                    out.append(byte); i += 1; continue
                }
                let name = bytes[(i + 1)..<close]
                // Lengths first: comparing bytes through the generic elementsEqual costs more than the fill.
                if let value = values.first(where: { $0.key.utf8.count == name.count && $0.key.utf8.elementsEqual(name) })?.value {
                    out.append(contentsOf: value.utf8)
                    i = close + 1
                } else {
                    out.append(byte); i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The text before, between and after `placeholders` (in that order); a missing one ends its
    /// part where the next begins (the reader refuses such a text, this keeps the build going).
    static func split(_ text: String, at placeholders: [String]) -> [String] {
        var parts: [String] = []
        var rest = text[...]
        for name in placeholders {
            if let range = rest.range(of: "{\(name)}") {
                parts.append(String(rest[..<range.lowerBound]))
                rest = rest[range.upperBound...]
            } else {
                parts.append("")
            }
        }
        parts.append(String(rest))
        return parts
    }

    /// Whether `count` takes the singular form: 1, and also 0 in French.
    public func isSingular(_ count: Int) -> Bool { count == 1 || (zeroIsSingular && count == 0) }

    /// `id.one` or `id.other` by `count`, `{count}` filled with the number in the language's digits.
    public func count(_ id: String, _ count: Int) -> String {
        phrase(isSingular(count) ? "\(id).one" : "\(id).other", ["count": number(String(count))])
    }

    /// "3 reviews", "3 critiques", "۳ نقد".
    public func reviews(_ count: Int) -> String { self.count("count.reviews", count) }
    /// "1 article", "3 articles".
    public func articles(_ count: Int) -> String { self.count("count.articles", count) }
    /// "3 reviews"; "3 reviews, 1 article" when there are articles too; "2 articles" when only articles.
    public func reviewsAndArticles(_ reviews: Int, _ articles: Int) -> String {
        guard articles > 0 else { return self.reviews(reviews) }
        guard reviews > 0 else { return self.articles(articles) }
        return phrase("count.reviews_and_articles", ["reviews": self.reviews(reviews), "articles": self.articles(articles)])
    }

    /// A number written with ASCII digits and `.` (`4.5`), in the language's digits and decimal
    /// separator (`4,5`, `۴٫۵`).
    public func number(_ ascii: String) -> String {
        if numbersAsWritten { return ascii }
        var out = ""
        for character in ascii {
            if let value = character.wholeNumberValue, character.isASCII { out.append(digits[value]) }
            else if character == "." { out += decimal }
            else { out.append(character) }
        }
        return out
    }

    /// "3 May 2024", "3 mai 2024", "3. Mai 2024", "3 de mayo de 2024", "۳ مهٔ ۲۰۲۴": the day in the
    /// writer's zone. (Machine-readable dates stay ISO: `PublicationDate.isoDay`, `rfc3339`.)
    public func date(_ date: PublicationDate) -> String {
        let l = date.local
        var out = ""
        for part in dateFormat {
            switch part {
            case .text(let text): out += text
            case .day: out += number(String(l.day))
            case .month: out += months[l.month - 1]
            case .year: out += number(String(l.year))
            }
        }
        return out
    }

    /// "4.5 out of 5", "4,5 sur 5".
    public func rating(_ rating: Rating) -> String {
        phrase("rating.text", ["value": number(rating.text), "scale": number(String(rating.scale))])
    }

    /// A built-in taxonomy in this language: its title, singular and suggestion reason, where the
    /// site kept the English defaults (a name site.yml gives is the site's own and is kept).
    public func translating(_ definition: TaxonomyDefinition) -> TaxonomyDefinition {
        var result = definition
        result.sameTermReason = word("reason.same")
        guard let builtIn = TaxonomyDefinition.builtIn(definition.id) else { return result }
        if definition.title == builtIn.title { result.title = word("taxonomy.\(builtIn.id).title") }
        if definition.singular == builtIn.singular { result.singular = word("taxonomy.\(builtIn.id).singular") }
        if definition.suggestionReason == builtIn.suggestionReason, builtIn.suggestionReason != nil {
            result.suggestionReason = word("reason.\(builtIn.id)")
        }
        return result
    }

    /// The credits' word for a kind of work: a built-in kind's label in this language, a site's
    /// own kind's label as site.yml gives it.
    public func workLabel(_ english: String, siteKinds: [WorkType]) -> String {
        guard !siteKinds.contains(where: { $0.label == english }), WorkType.all.contains(where: { $0.label == english }) else { return english }
        return word("work.\(english.lowercased())")
    }
}
