import Yams

/// Reads a site's own words, `i18n/<lang>.yml`: a mapping from word id to text (`card.read_more:
/// Lire la critique`, or nested, `card: {read_more: …}`), laid over the shipped table of that
/// language (or English). Every problem is reported at its line; a word left out stays the table's.
enum TranslationReader {
    static let folder = "i18n"

    /// The file a site writes its words for `language` in: `i18n/fr.yml` for `fr-CA`.
    static func path(for language: String) -> String {
        "\(folder)/\(Translation.primarySubtag(language)).yml"
    }

    static func read(text: String, path: String) -> ([String: String], [Diagnostic]) {
        let source = TextNormaliser.normalise(text)
        let document: YAMLDocument
        switch YAMLDocument.parse(source, path: path, firstLine: 1) {
        case .success(let parsed): document = parsed
        case .failure(let diagnostic):
            var d = diagnostic
            d.stage = .config
            return ([:], [d])
        }
        var reader = MappingReader(document: document, stage: .config)
        guard let root = document.root, !root.isNull else { return ([:], reader.diagnostics.all) }
        guard root.mapping != nil else {
            reader.error(root, "\(path) must be a mapping of word ids to their text", hint: "write one word a line, such as card.read_more: Lire la critique")
            return ([:], reader.diagnostics.all)
        }
        var words: [String: String] = [:]
        readMapping(root, prefix: "", into: &words, &reader)
        return (words, reader.diagnostics.all)
    }

    private static func readMapping(_ node: Node, prefix: String, into words: inout [String: String], _ reader: inout MappingReader) {
        guard let mapping = node.mapping else { return }
        for (keyNode, value) in mapping {
            let id = prefix + (keyNode.scalarText ?? "")
            if value.mapping != nil, ThemeWord.byID[id] == nil, ThemeWord.all.contains(where: { $0.id.hasPrefix(id + ".") }) {
                readMapping(value, prefix: id + ".", into: &words, &reader)
                continue
            }
            guard let word = ThemeWord.byID[id] else {
                reader.error(keyNode, "unknown word id '\(MappingReader.preview(id))'", hint: "did you mean '\(closest(to: id))'? (Marquee's docs/reference/theme-words.md lists every id)")
                continue
            }
            guard let text = reader.requiredText(id, value) else { continue }
            if let problem = problem(with: text, of: word) {
                reader.error(value, problem.message, hint: problem.hint)
                continue
            }
            words[id] = text
        }
    }

    /// What is wrong with `text` as the translation of `word`: a placeholder it does not have, or
    /// a setting out of its values.
    static func problem(with text: String, of word: ThemeWord) -> (message: String, hint: String)? {
        switch word.id {
        case "plural.rule":
            return ["one", "zero-one"].contains(text) ? nil
                : ("plural.rule must be one or zero-one, found '\(MappingReader.preview(text))'", "write one (only 1 is singular) or zero-one (0 and 1 are, as in French)")
        case "number.digits":
            return text.count == 10 ? nil
                : ("number.digits must be the ten digits 0 to 9, found \(text.count) characters", "write them in order, such as 0123456789 or ۰۱۲۳۴۵۶۷۸۹")
        default:
            let known = ThemeWord.placeholders(in: word.english) + extraPlaceholders(of: word.id)
            let used = ThemeWord.placeholders(in: text)
            if word.use == .split, used != known {
                let order = known.map { "{\($0)}" }.joined(separator: " then ")
                return ("'\(word.id)' must have \(order), each once, in that order", "the theme puts a link or a number at each; write, for example, '\(word.english)'")
            }
            guard let unknown = used.first(where: { !known.contains($0) }) else { return nil }
            let hint = known.isEmpty ? "'\(word.id)' takes no placeholders: write the text alone"
                : "'\(word.id)' has \(known.map { "{\($0)}" }.joined(separator: ", "))"
            return ("'{\(unknown)}' is not a placeholder of '\(word.id)'", hint)
        }
    }

    /// Placeholders a phrase offers besides those its English text uses.
    private static func extraPlaceholders(of id: String) -> [String] {
        switch id {
        case "term.all": ["taxonomy"]
        case "reason.same": ["singular"]
        default: []
        }
    }

    /// The id nearest `id` in spelling.
    static func closest(to id: String) -> String {
        let lowered = id.lowercased()
        return ThemeWord.all.map(\.id).min { (MappingReader.editDistance(lowered, $0), $0) < (MappingReader.editDistance(lowered, $1), $1) } ?? ""
    }
}
