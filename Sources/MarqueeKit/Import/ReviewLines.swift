import Foundation

/// The lines a review blog writes at the top and the end of a post ("Year: 1997", "Director:
/// Majid Majidi", "Rating: 5 out of 5", "Liked Children of Heaven? You'll love Shwaas"), found in
/// a converted body's paragraphs.
struct ReviewLines: Sendable {
    var year: Int?
    var work: String?
    var directors: [String] = []
    var writers: [String] = []
    var cast: [String] = []
    var categories: [String] = []
    var rating: ImportedRating?
    /// A "Rating:" line whose value is not a rating Marquee can read, for the report.
    var unreadRating: String?
    var liked: Liked?
    /// Where the lines found are (block, line), to take out of the body of a review.
    var positions: [(block: Int, line: Int)] = []

    struct Liked: Sendable, Equatable {
        var target: String
        var url: String?
        var block: Int
        var line: Int
        var text: String
    }

    enum Field { case year, work, directors, writers, cast, categories, rating }

    static let keys: [String: Field] = [
        "year": .year, "released": .year, "release year": .year, "year of release": .year, "release date": .year,
        "film": .work, "movie": .work,
        "director": .directors, "directors": .directors, "directed by": .directors,
        "writer": .writers, "writers": .writers, "written by": .writers, "screenplay": .writers, "screenplay by": .writers,
        "cast": .cast, "starring": .cast, "stars": .cast, "actors": .cast,
        "category": .categories, "categories": .categories, "genre": .categories, "genres": .categories,
        "rating": .rating, "my rating": .rating, "our rating": .rating, "score": .rating, "rated": .rating, "verdict": .rating,
    ]

    static func find(in blocks: [MarkdownBlock], scale: Int, ratingFromMeta: ImportedRating? = nil) -> ReviewLines {
        var found = ReviewLines()
        found.rating = ratingFromMeta
        for (blockIndex, block) in blocks.enumerated() {
            guard case .paragraph(let lines) = block else { continue }
            for (lineIndex, line) in lines.enumerated() {
                let plain = Self.plain(line)
                if let liked = Self.liked(markdown: line, plain: plain) {
                    found.liked = Liked(target: liked.0, url: liked.1, block: blockIndex, line: lineIndex, text: plain)
                    continue
                }
                if found.read(plain, scale: scale) { found.positions.append((blockIndex, lineIndex)) }
            }
        }
        return found
    }

    /// Reads one line; true when it was a review line.
    private mutating func read(_ line: String, scale: Int) -> Bool {
        if rating == nil, !line.contains(":"), let bare = ImportedRating.parse(line, scale: scale), line.contains("/") || line.contains("★") {
            rating = bare
            return true
        }
        guard let colon = line.firstIndex(of: ":") else { return false }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard let field = Self.keys[key], !value.isEmpty else { return false }
        switch field {
        case .year:
            guard let year = Self.year(in: value) else { return false }
            self.year = year
        case .work:
            work = value
        case .directors: directors += Self.names(value)
        case .writers: writers += Self.names(value)
        case .cast:
            if value.contains("★") { return read("rating: " + value, scale: scale) }
            cast += Self.names(value)
        case .categories: categories += Self.names(value)
        case .rating:
            if let parsed = ImportedRating.parse(bare: value, scale: scale) {
                if rating == nil { rating = parsed }
            } else {
                if key == "verdict" { return false }
                unreadRating = value
                return false
            }
        }
        return true
    }

    static func year(in text: String) -> Int? {
        var digits = ""
        for character in text + " " {
            if character.isASCII, character.isNumber { digits.append(character); continue }
            if digits.count == 4, let year = Int(digits), (1000...2200).contains(year) { return year }
            digits = ""
        }
        return nil
    }

    static func names(_ text: String) -> [String] {
        var parts = [text]
        for separator in [",", ";", " & ", " and ", " / "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
            .filter { !$0.isEmpty }
    }

    /// "Liked X? You'll love Y" → (Y, Y's link); the link is kept from the Markdown.
    private static func liked(markdown: String, plain: String) -> (String, String?)? {
        let lower = plain.lowercased()
        guard lower.hasPrefix("liked ") || lower.hasPrefix("if you liked ") || lower.hasPrefix("loved ") || lower.hasPrefix("if you loved ") else { return nil }
        let phrases = ["you'll love ", "you’ll love ", "you will love ", "you'll also love ", "you’ll also love ", "then you'll love ", "try "]
        guard let phrase = phrases.first(where: { lower.contains($0) }) else { return nil }
        // The target in the Markdown, to keep its link.
        let lowerMarkdown = markdown.lowercased()
        var url: String?
        if let at = lowerMarkdown.range(of: phrase) {
            let tail = markdown[at.upperBound...]
            if let open = tail.firstIndex(of: "["), tail[..<open].allSatisfy({ $0 == "*" || $0 == "_" || $0 == " " }),
               let middle = tail.range(of: "]("), let close = tail[middle.upperBound...].firstIndex(of: ")") {
                let destination = tail[middle.upperBound..<close].split(separator: " ").first.map(String.init) ?? ""
                url = destination.isEmpty ? nil : destination
            }
        }
        guard let at = lower.range(of: phrase) else { return nil }
        var target = String(plain[at.upperBound...]).trimmingCharacters(in: .whitespaces)
        while let last = target.last, ".!?…".contains(last) { target.removeLast() }
        target = target.trimmingCharacters(in: CharacterSet(charactersIn: "\"“”'‘’ "))
        return target.isEmpty ? nil : (target, url)
    }

    /// A Markdown line as text: no emphasis, no link syntax, no escapes, no inline tags.
    static func plain(_ line: String) -> String {
        var out = ""
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == "\\", line.index(after: index) < line.endIndex {
                index = line.index(after: index)
                out.append(line[index])
            } else if character == "*" || character == "_" && (out.last.map { !$0.isLetter } ?? true) {
                // emphasis delimiter
            } else if character == "<", let end = line[index...].firstIndex(of: ">"), RawHTML.isTagName(String(line[line.index(after: index)..<end].drop { $0 == "/" }.prefix { $0 != " " })) {
                index = end
            } else if character == "[" {
                // link text kept; "](url)" dropped below
            } else if character == "]", line[index...].hasPrefix("]("), let close = line[index...].firstIndex(of: ")") {
                index = close
            } else {
                out.append(character)
            }
            index = line.index(after: index)
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
