import Foundation

/// A reader's comment is someone else's HTML (WordPress kept it as typed, with a few tags): it is
/// read by libxml2's HTML parser (`HTMLTree`, as the importer reads bodies, so no pattern over text
/// decides what is a tag) and written again with an allow-list only: `p`, `br`, `em`, `strong`, `i`,
/// `b`, `code`, `pre`, `blockquote`, and `a` with an absolute http(s) `href`, which gets
/// `rel="nofollow ugc"`. No other attribute survives. Every other element is dropped but its text
/// is kept (escaped); `script` and `style` go with their content.
///
/// Paragraphs follow WordPress's rule for comments (`wpautop`): outside `<p>`, `<blockquote>` and
/// `<pre>`, a blank line starts a paragraph and a single newline is a line break, so plain text
/// with blank lines reads as it was typed.
enum CommentHTML {
    /// The sanitised HTML and the same words as plain text (paragraphs apart by a blank line).
    static func sanitise(_ source: String) -> (html: String, text: String) {
        let normalised = source.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let clean = flow(HTMLTree.parse(normalised).flatMap { allowed($0, inLink: false, depth: 0) })
        return (clean.map { $0.html }.joined(separator: "\n"), clean.map { $0.text }.joined(separator: "\n\n"))
    }

    /// What is left of the comment: allowed elements and text.
    indirect enum Node: Equatable {
        case text(String)
        /// `href` only on `a`.
        case element(String, href: String?, [Node])
    }

    static let inline: Set<String> = ["em", "strong", "i", "b", "code", "a", "br"]
    static let blocks: Set<String> = ["p", "blockquote", "pre"]
    /// Dropped with what they hold: never text for a reader.
    static let dropped: Set<String> = ["script", "style", "template", "head", "title"]
    /// Blocks outside the allow-list (a heading, a list item, a table cell…): their text is kept
    /// apart, as a paragraph of its own (or after a line break inside one), not run into the next.
    static let otherBlocks: Set<String> = [
        "address", "article", "aside", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "menu", "nav", "ol", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]
    /// Past this nesting, elements give only their text (libxml2 stops far deeper documents itself).
    static let maximumDepth = 64

    /// A parsed node as the allow-list keeps it: itself, its children alone, or nothing.
    static func allowed(_ node: HTMLNode, inLink: Bool, depth: Int) -> [Node] {
        switch node {
        case .comment: return []
        case .text(let text): return [.text(text)]
        case .element(let name, _, let children):
            if dropped.contains(name) { return [] }
            let isLink = name == "a"
            let inner = { children.flatMap { allowed($0, inLink: inLink || isLink, depth: depth + 1) } }
            if otherBlocks.contains(name), depth < maximumDepth {
                let content = inner()
                return hasText(content) ? [.element("p", href: nil, content)] : content
            }
            guard depth < maximumDepth, inline.contains(name) || blocks.contains(name) else { return inner() }
            if isLink {
                // A link inside a link is its text; so is one whose address is not an absolute
                // http(s) URL (`javascript:`, `data:`, a relative path that means nothing here).
                guard !inLink, let href = node.attribute("href").map(trimmingHTMLSpace), URLSafety.isSafeAbsoluteURL(href) else { return inner() }
                let content = inner()
                return hasText(content) ? [.element(name, href: href, content)] : content
            }
            if name == "br" { return [.element(name, href: nil, [])] }
            // An inline element with no text to show is its content alone (an empty link would be
            // a link without a name; an empty `<em>` would keep a paragraph's end from being trimmed).
            let content = inner()
            return hasText(content) || blocks.contains(name) ? [.element(name, href: nil, content)] : content
        }
    }

    /// Whether the nodes hold a letter, digit or mark: anything but spaces and line breaks.
    static func hasText(_ nodes: [Node]) -> Bool {
        nodes.contains { node in
            switch node {
            case .text(let text): !text.trimmingWhitespaceAndNewlines().isEmpty
            case .element(_, _, let children): hasText(children)
            }
        }
    }

    /// HTML's whitespace, which a browser strips from the ends of an `href` before reading it.
    static func trimmingHTMLSpace(_ text: String) -> String {
        text.trimmingCharacters(in: .init(charactersIn: " \t\n\r\u{0C}"))
    }

    /// One block of the output, as HTML and as text.
    struct Block {
        var html: String
        var text: String
    }

    /// A flow of nodes (the comment, a quote's content) as blocks: the inline runs between
    /// blocks cut into paragraphs at blank lines.
    static func flow(_ nodes: [Node]) -> [Block] {
        var blocks: [Block] = []
        var run: [Node] = []
        func flush() {
            blocks += paragraphs(run).compactMap(paragraph)
            run = []
        }
        for node in nodes {
            guard case .element(let name, _, let children) = node, Self.blocks.contains(name) else {
                run.append(node)
                continue
            }
            flush()
            switch name {
            case "blockquote":
                let inner = flow(children)
                if !inner.isEmpty {
                    blocks.append(Block(html: "<blockquote>\n" + inner.map(\.html).joined(separator: "\n") + "\n</blockquote>",
                                        text: inner.map(\.text).joined(separator: "\n\n")))
                }
            case "pre":
                // Its text as it is: blank lines and all (a `<pre>` holds phrasing content only).
                let content = inlineParts(phrasing(children), keepNewlines: true)
                if !content.text.trimmingWhitespaceAndNewlines().isEmpty {
                    blocks.append(Block(html: "<pre>" + content.html + "</pre>", text: content.text))
                }
            default: // p: a paragraph of its own, whatever blank lines it holds.
                if let made = paragraph(children) { blocks.append(made) }
            }
        }
        flush()
        return blocks
    }

    /// An inline run cut at its blank lines (only in its own text: a blank line inside `<em>` is a
    /// line break, as the element cannot be cut in two).
    static func paragraphs(_ run: [Node]) -> [[Node]] {
        var result: [[Node]] = [[]]
        for node in run {
            guard case .text(let text) = node else {
                result[result.count - 1].append(node)
                continue
            }
            let pieces = splitAtBlankLines(text)
            for (index, piece) in pieces.enumerated() {
                if index > 0 { result.append([]) }
                if !piece.isEmpty { result[result.count - 1].append(.text(piece)) }
            }
        }
        return result
    }

    /// `text` cut at its blank lines: lines holding only spaces or nothing, inside it (its first
    /// and last lines go on with the nodes around it, so they are no lines of their own).
    static func splitAtBlankLines(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var pieces: [String] = []
        var current: [Substring] = []
        var cut = false
        for (index, line) in lines.enumerated() {
            if index > 0, index < lines.count - 1, line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                cut = true
                continue
            }
            if cut {
                pieces.append(current.joined(separator: "\n"))
                current = []
                cut = false
            }
            current.append(line)
        }
        pieces.append(current.joined(separator: "\n"))
        return pieces
    }

    /// A paragraph of inline nodes; nil when it holds nothing but space.
    static func paragraph(_ nodes: [Node]) -> Block? {
        var nodes = phrasing(nodes)
        // Space at its ends is not the writer's: trimmed, and so are line breaks there.
        func isBlank(_ node: Node?) -> Bool {
            switch node {
            case .text(let text)?: text.trimmingWhitespaceAndNewlines().isEmpty
            case .element("br", _, _)?: true
            default: false
            }
        }
        while isBlank(nodes.first) { nodes.removeFirst() }
        while isBlank(nodes.last) { nodes.removeLast() }
        if case .text(let text)? = nodes.first { nodes[0] = .text(String(text.drop { $0.isWhitespace })) }
        if case .text(let text)? = nodes.last { nodes[nodes.count - 1] = .text(String(text.reversed().drop { $0.isWhitespace }.reversed())) }
        let content = inlineParts(nodes, keepNewlines: false)
        guard !content.text.trimmingWhitespaceAndNewlines().isEmpty else { return nil }
        return Block(html: "<p>" + content.html + "</p>", text: content.text)
    }

    /// Nodes where only phrasing content may be (in a paragraph, in `<pre>`): a block met there (a
    /// quote inside `<em>`, once the elements around it are gone) gives its content instead.
    /// The block's content is set apart by a line break on each side (one, however many blocks meet).
    static func phrasing(_ nodes: [Node]) -> [Node] {
        let lineBreak = Node.element("br", href: nil, [])
        var result: [Node] = []
        // After a block, the break waits for what follows: none at the end.
        var breakPending = false
        func breakLine() {
            if let last = result.last, last != lineBreak { result.append(lineBreak) }
            breakPending = false
        }
        for node in nodes {
            if case .element(let name, _, let children) = node, blocks.contains(name) {
                breakLine()
                result += phrasing(children)
                breakPending = true
                continue
            }
            if breakPending { breakLine() }
            if case .element(let name, let href, let children) = node {
                result.append(.element(name, href: href, phrasing(children)))
            } else {
                result.append(node)
            }
        }
        return result
    }

    /// Phrasing nodes (`phrasing`) as HTML and text. Outside `<pre>`, a newline is a line break.
    static func inlineParts(_ nodes: [Node], keepNewlines: Bool) -> (html: String, text: String) {
        var html = "", text = ""
        var afterBreak = false
        for node in nodes {
            defer { if case .element("br", _, _) = node { afterBreak = true } else { afterBreak = false } }
            switch node {
            case .text(var value):
                // The newline just after a `<br>` is that break, written out (wpautop's rule too):
                // not a second one.
                if afterBreak, !keepNewlines, let first = value.firstIndex(where: { $0 != " " && $0 != "\t" }), value[first] == "\n" {
                    value.removeSubrange(...first)
                }
                text += keepNewlines ? value : value.replacingOccurrences(of: "\n", with: " ")
                if keepNewlines {
                    html += HTMLText.escape(value)
                } else {
                    html += value.split(separator: "\n", omittingEmptySubsequences: false).map { HTMLText.escape(String($0)) }
                        .joined(separator: "<br>\n")
                }
            case .element("br", _, _):
                html += keepNewlines ? "\n" : "<br>\n"
                text += "\n"
            case .element(let name, let href, let children):
                let inner = inlineParts(children, keepNewlines: keepNewlines)
                text += inner.text
                if let href {
                    html += "<a href=\"\(HTMLText.escape(href))\" rel=\"nofollow ugc\">\(inner.html)</a>"
                } else {
                    html += "<\(name)>\(inner.html)</\(name)>"
                }
            }
        }
        return (html, text)
    }
}
