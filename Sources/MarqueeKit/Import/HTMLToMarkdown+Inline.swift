import Foundation

/// Inline content: text with WordPress's white space rules, emphasis, links, images, code, and
/// the tags of other inline elements around converted content.
extension HTMLToMarkdown {
    func inline(_ nodes: [HTMLNode], depth: Int) -> String {
        var out = ""
        var afterBreakElement = false
        for (index, node) in nodes.enumerated() {
            switch node {
            case .text(let text):
                out += whitespace(text, depth: depth, afterBreak: afterBreakElement)
                afterBreakElement = false
            case .comment(let text):
                if Self.isMore(text), depth == 0 { out.append(Self.moreMarker) }
            case .element(let name, _, _):
                // What stands either side, for emphasis: at the edge of a paragraph, a space.
                let before: Character? = out.last ?? (depth == 0 ? " " : nil)
                var after: Character?
                switch index + 1 < nodes.count ? nodes[index + 1] : nil {
                case .text(let next)?: after = next.first
                case .element("br", _, _)?: after = " "
                case nil: after = depth == 0 ? " " : nil
                default: after = nil
                }
                out += element(node, name: name, depth: depth, before: before, after: after)
                afterBreakElement = name == "br"
            }
        }
        return out
    }

    /// Text with HTML's white space rules; in a classic body, WordPress's: a blank line is a new
    /// paragraph and a single newline a line break (not after a `<br>`: WordPress adds none there).
    func whitespace(_ text: String, depth: Int, afterBreak: Bool) -> String {
        var out = ""
        var newlines = 0
        var space = false
        var skipFirstNewline = afterBreak
        func emitGap() {
            if classic && newlines >= 2 && depth == 0 {
                out.append(Self.paragraphBreak)
            } else if classic && newlines >= 1 {
                out.append(Self.lineBreak)
            } else if space || newlines > 0 {
                out += " "
            }
            newlines = 0
            space = false
        }
        var word = ""
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" {
                if skipFirstNewline { skipFirstNewline = false; continue }
                if !word.isEmpty { out += MarkdownText.escape(word); word = "" }
                newlines += 1
            } else if character == " " || character == "\t" {
                if !word.isEmpty { out += MarkdownText.escape(word); word = "" }
                space = true
            } else {
                skipFirstNewline = false
                if newlines > 0 || space { emitGap() }
                word.append(character)
            }
        }
        if !word.isEmpty { out += MarkdownText.escape(word) }
        if newlines > 0 || space { emitGap() }
        return out
    }

    func element(_ node: HTMLNode, name: String, depth: Int, before: Character? = nil, after: Character? = nil) -> String {
        let children = node.children
        switch name {
        case "br":
            return String(Self.lineBreak)
        case "em", "i":
            return emphasis("*", tag: name, node: node, depth: depth, before: before, after: after)
        case "strong", "b":
            return emphasis("**", tag: name, node: node, depth: depth, before: before, after: after)
        case "a":
            return link(node, depth: depth)
        case "img":
            return image(node)
        case "code" where children.allSatisfy({ if case .text = $0 { return true }; return false }) && node.attribute("class") == nil:
            let text = oneLine(node.textContent.replacingOccurrences(of: "\n", with: " "))
            return text.isEmpty ? "" : MarkdownText.codeSpan(text)
        case _ where Self.transparent.contains(name) && attributesAreOnly(["class"], node):
            return inline(children, depth: depth + 1)
        default:
            guard case .element(_, let attributes, _) = node, RawHTML.isTagName(name) else { return inline(children, depth: depth + 1) }
            if RawHTML.voidElements.contains(name) { return RawHTML.startTag(name, rewritten(attributes)) }
            return RawHTML.startTag(name, rewritten(attributes)) + inline(children, depth: depth + 1) + "</\(name)>"
        }
    }

    func rewritten(_ attributes: [(String, String)]) -> [(String, String)] {
        attributes.map { ($0.0, $0.0 == "href" || $0.0 == "src" ? rewrite($0.1) : $0.1) }
    }

    func attributesAreOnly(_ keys: Set<String>, _ node: HTMLNode) -> Bool {
        guard case .element(_, let attributes, _) = node else { return true }
        return attributes.allSatisfy { keys.contains($0.0) || $0.0.hasPrefix("data-") }
    }

    /// `*…*` where CommonMark reads the delimiters as opening and closing there: text that starts
    /// and ends with a letter or digit, or punctuation with a space or punctuation beside it
    /// (`*Paragraph, image.*` at the end of a paragraph); otherwise the tag itself, around Markdown
    /// content (`a<strong>“b”</strong>c`). `before`/`after`: the characters beside it, nil when unknown.
    func emphasis(_ delimiter: String, tag: String, node: HTMLNode, depth: Int, before: Character?, after: Character?) -> String {
        let content = inline(node.children, depth: depth + 1)
        let isGap: (Character) -> Bool = { $0 == " " || $0 == Self.lineBreak || $0 == Self.paragraphBreak }
        let leading = String(content.prefix(while: isGap)).replacingOccurrences(of: String(Self.paragraphBreak), with: " ")
        let rest = content.dropFirst(leading.count)
        let trailing = String(rest.reversed().prefix(while: isGap).reversed())
        let core = String(rest.dropLast(trailing.count))
        guard !core.isEmpty else { return leading + trailing }
        let plain = { (c: Character?) -> Bool in
            guard let c, let scalar = c.unicodeScalars.first else { return false }
            return MarkdownText.isWordCharacter(scalar)
        }
        let loose = { (c: Character?) -> Bool in
            guard let c, c != "*", let scalar = c.unicodeScalars.first else { return false }
            return c == Self.lineBreak || c == Self.paragraphBreak || c == Self.moreMarker || scalar.properties.isWhitespace
                || scalar.properties.generalCategory.isPunctuationOrSymbol
        }
        let opens = plain(core.first) || loose(leading.isEmpty ? before : " ")
        let closes = plain(core.last) || loose(trailing.isEmpty ? after : " ")
        let fits = opens && closes && !core.contains(Self.lineBreak) && !attributesExist(node)
        let open = fits ? delimiter : RawHTML.startTag(tag, attributes(of: node))
        let close = fits ? delimiter : "</\(tag)>"
        return leading + open + core + close + trailing
    }

    func attributesExist(_ node: HTMLNode) -> Bool {
        if case .element(_, let attributes, _) = node { return !attributes.isEmpty }
        return false
    }

    func attributes(of node: HTMLNode) -> [(String, String)] {
        if case .element(_, let attributes, _) = node { return attributes }
        return []
    }

    func link(_ node: HTMLNode, depth: Int) -> String {
        let content = oneLine(inline(node.children, depth: depth + 1))
        guard let href = node.attribute("href")?.trimmingCharacters(in: .whitespacesAndNewlines), !href.isEmpty else {
            // A named anchor (`<a id=…>`, `<a name=…>`) is kept: old links may point at it.
            if node.attribute("id") != nil || node.attribute("name") != nil {
                return RawHTML.startTag("a", attributes(of: node)) + content + "</a>"
            }
            return content
        }
        if href.lowercased().hasPrefix("javascript:") { return content }
        let target = rewrite(href)
        let title = node.attribute("title").map { " " + MarkdownText.title($0) } ?? ""
        let text = content.isEmpty ? MarkdownText.escape(target) : content
        return "[\(text)](\(MarkdownText.destination(target))\(title))"
    }

    func image(_ node: HTMLNode) -> String {
        guard let source = node.attribute("src"), !source.isEmpty else { return "" }
        let alt = MarkdownText.escape(oneLine(node.attribute("alt") ?? ""))
        let title = node.attribute("title").map { " " + MarkdownText.title($0) } ?? ""
        return "![\(alt)](\(MarkdownText.destination(rewrite(source)))\(title))"
    }
}

extension Unicode.GeneralCategory {
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
             .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
