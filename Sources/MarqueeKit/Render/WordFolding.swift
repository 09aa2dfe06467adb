import MarqueeTemplates

/// The theme's words are one set per build (the site's language), yet every page and card looked
/// each `{{{words.card.read_more}}}` up again: three hashed lookups a tag, tens of thousands of
/// times a build. So before a template is parsed, each triple-mustache tag naming a word is
/// replaced by the word's HTML, which is what rendering it would have written on every page.
///
/// Only what rendering would give unchanged is folded: `{{{words.x}}}` (and `{{& words.x}}`) whose
/// path ends at an HTML value; never a section, an escaped `{{words.x}}`, a word holding a brace
/// (it would become template syntax) or a newline (it would move later lines), nor anything in a
/// template that changes its delimiters. Every other tag is parsed and checked as written.
struct WordFolding {
    /// "words.card.read_more" → its HTML.
    let words: [String: String]

    init(_ value: TemplateValue) {
        var words: [String: String] = [:]
        func walk(_ value: TemplateValue, _ path: String) {
            switch value {
            case .html(let html) where !html.contains(where: { "{}\n\r".contains($0) }): words[path] = html
            case .object(let object): for (name, field) in object.fields { walk(field, path + "." + name) }
            default: break
            }
        }
        walk(value, "words")
        self.words = words
    }

    func fold(_ source: TemplateSource) -> TemplateSource {
        guard source.text.contains("words."), !source.text.contains("{{=") else { return source }
        var out = ""
        var rest = source.text[...]
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            if let tag = Self.wordTag(afterOpen), let html = words[String(tag.name)] {
                out += html
                rest = afterOpen[tag.end...]
            } else {
                out += "{{"
                rest = afterOpen
            }
        }
        out += rest
        return TemplateSource(name: source.name, path: source.path, text: out)
    }

    /// `{ words.x.y }}}` or `& words.x.y}}` just after a `{{`: the name and where the tag ends.
    private static func wordTag(_ text: Substring) -> (name: Substring, end: Substring.Index)? {
        let (opener, closer): (Character, String) = text.first == "{" ? ("{", "}}}") : text.first == "&" ? ("&", "}}") : (" ", "")
        guard opener != " ", let close = text.range(of: closer) else { return nil }
        let name = text[text.index(after: text.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
        guard name.hasPrefix("words."), name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }) else { return nil }
        return (Substring(name), close.upperBound)
    }
}
