import Yams

/// Walks a YAML mapping key by key, turning each problem into a diagnostic at the key or value.
/// Shared by the front matter and `site.yml` readers so both report the same way.
struct MappingReader {
    let document: YAMLDocument
    var diagnostics: Diagnostics = Diagnostics()
    let stage: Diagnostic.Stage

    init(document: YAMLDocument, stage: Diagnostic.Stage) {
        self.document = document
        self.stage = stage
        for var problem in document.problems {
            problem.stage = stage
            diagnostics.append(problem)
        }
    }

    mutating func error(_ node: Node, _ message: String, hint: String? = nil) {
        diagnostics.error(document.location(of: node), message, hint: hint, stage: stage)
    }

    mutating func warning(_ node: Node, _ message: String, hint: String? = nil) {
        diagnostics.warning(document.location(of: node), message, hint: hint, stage: stage)
    }

    /// The entries of a key that takes one value or a list (`director: X` or `director: [X, Y]`),
    /// each scalar with its node; none for null. A mapping, or an entry that is not a scalar, is an
    /// error: "'aliases' must be an address or a list of addresses" (`one`, `many`), with `hint`
    /// for the whole and `entryHint` for an entry.
    mutating func scalarOrList(_ key: String, _ node: Node, one: String, many: String,
                               hint: @autoclosure () -> String, entryHint: @autoclosure () -> String) -> [(text: String, node: Node)] {
        let items: [Node]
        switch node {
        case .scalar:
            if node.isNull { return [] }
            items = [node]
        case .sequence(let sequence): items = Array(sequence)
        default:
            error(node, "'\(key)' must be \(one) or a list of \(many), found \(node.kindName)", hint: hint())
            return []
        }
        return items.compactMap { item in
            guard let text = item.scalarText else {
                error(item, "each entry of '\(key)' must be \(one), found \(item.kindName)", hint: entryHint())
                return nil
            }
            return (text, item)
        }
    }

    /// A piece of text: any scalar (a number is text too). Nil, with a diagnostic, for a list or mapping.
    /// Invisible control characters (which no HTML or XML page may hold) are removed, with a warning.
    mutating func text(_ key: String, _ node: Node) -> String? {
        guard let value = node.scalarText else {
            error(node, "'\(key)' must be text, found \(node.kindName)", hint: "write it as \(key): some text")
            return nil
        }
        if node.isNull { return nil }
        let cleaned = Self.removingControlCharacters(value)
        if cleaned != value {
            warning(node, "'\(key)' contains invisible control characters; they were removed", hint: "retype the value, or look for stray characters pasted from elsewhere")
        }
        return cleaned
    }

    /// C0 and C1 controls other than tab and newline, and the non-characters U+FFFE/U+FFFF.
    static func removingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) }))
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A) || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
    }

    /// Text that must not be empty.
    mutating func requiredText(_ key: String, _ node: Node) -> String? {
        let value = text(key, node)
        if node.scalar != nil, (value ?? "").trimmingWhitespaceAndNewlines().isEmpty {
            error(node, "'\(key)' is empty", hint: "give it a value, or remove the key")
            return nil
        }
        return value
    }

    /// A `language:` value (or `original_language:`, site.yml's `language:`): a BCP 47 tag (`fa`,
    /// `pt-BR`), for `<html lang>`, `<bdi lang>` and the feed's `xml:lang`.
    mutating func languageTag(_ key: String, _ node: Node, hint: String = "use a BCP 47 tag such as en, fa or pt-BR") -> String? {
        guard let language = requiredText(key, node) else { return nil }
        guard SiteConfigReader.isLanguageTag(language) else {
            error(node, "\(key) '\(MappingReader.preview(node))' is not a language tag", hint: hint)
            return nil
        }
        return language
    }

    /// A `slug:` value: a path segment of the site, which becomes a folder of the output.
    /// Checked as written, untrimmed of control characters: one there is an error, not cleaned up.
    mutating func slug(_ node: Node, example: String) -> String? {
        guard let slug = node.scalarText.map({ $0.trimmingWhitespace() }) ?? requiredText("slug", node) else { return nil }
        if let problem = Slug.problem(with: slug) {
            error(node, problem, hint: "use lower-case letters, digits and hyphens, such as \(example)")
            return nil
        }
        if let tooLong = FileNameTooLong.check(slug, what: "the slug") {
            error(node, tooLong.message, hint: FileNameTooLong.hint)
            return nil
        }
        return slug
    }

    mutating func bool(_ key: String, _ node: Node) -> Bool? {
        switch node.scalarText?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(node, "'\(key)' must be true or false, found \(Self.describe(node))", hint: "write \(key): true or \(key): false")
            return nil
        }
    }

    mutating func integer(_ key: String, _ node: Node, in range: ClosedRange<Int>, example: Int) -> Int? {
        guard let text = node.scalarText, let value = Int(text.trimmingWhitespace()) else {
            error(node, "'\(key)' must be a whole number, found \(Self.describe(node))", hint: "write a number such as \(key): \(example)")
            return nil
        }
        guard range.contains(value) else {
            error(node, "'\(key)' is \(value), outside \(range.lowerBound)…\(range.upperBound)", hint: "use a number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    /// A value as a message names it: 'five' for a scalar, "a list" for a list.
    static func describe(_ node: Node) -> String {
        node.scalar == nil ? node.kindName : "'\(preview(node))'"
    }

    /// The text of a node for a message, shortened and made printable.
    static func preview(_ node: Node) -> String {
        guard let text = node.scalarText else { return node.kindName }
        return preview(text)
    }

    /// Text for a message: control characters shown as "?", and past `length` characters cut, with "…".
    static func preview(_ text: String, length: Int = 60) -> String {
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
        return cleaned.count > length ? String(cleaned.prefix(length - 3)) + "…" : cleaned
    }

    /// The known key closest to a misspelt one, for "did you mean": the nearest within
    /// max(2, a third of its length) edits, ties to the alphabetically first.
    ///
    /// Called for every front-matter key Marquee does not read (a site's `country:` or `runtime:`
    /// in each review), so it is on the build's path, not only on an error's: the distance stops as
    /// soon as it must exceed the candidate's bound, and nothing is allocated per candidate.
    static func suggestion(for key: String, among known: [String]) -> String? {
        let typed = Array(key.lowercased().unicodeScalars)
        var row = [Int](repeating: 0, count: typed.count + 1)
        var best: (name: String, distance: Int)?
        for candidate in known {
            let bound = max(2, candidate.count / 3)
            guard let distance = editDistance(typed, candidate, atMost: bound, row: &row) else { continue }
            if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
            best = (candidate, distance)
        }
        return best?.name
    }

    /// The edit distance from `typed` to `candidate`, or nil when it is more than `bound`:
    /// the classic one-row dynamic programme over `candidate`'s scalars, left as soon as every
    /// cell of a row is past the bound (no later row can come back under it).
    private static func editDistance(_ typed: [Unicode.Scalar], _ candidate: String, atMost bound: Int, row: inout [Int]) -> Int? {
        var scalarCount = 0
        for _ in candidate.unicodeScalars { scalarCount += 1 }
        guard abs(scalarCount - typed.count) <= bound else { return nil }
        for j in 0...typed.count { row[j] = j }
        var i = 0
        for scalar in candidate.unicodeScalars {
            i += 1
            var diagonal = row[0] // the cell above-left, before this row overwrites it
            row[0] = i
            var rowMinimum = i
            for j in 0..<typed.count {
                let above = row[j + 1]
                let value = Swift.min(above + 1, row[j] + 1, diagonal + (typed[j] == scalar ? 0 : 1))
                diagonal = above
                row[j + 1] = value
                rowMinimum = Swift.min(rowMinimum, value)
            }
            if rowMinimum > bound { return nil }
        }
        return row[typed.count] <= bound ? row[typed.count] : nil
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
