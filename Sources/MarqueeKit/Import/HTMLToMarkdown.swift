import Foundation

/// Converts a post body's HTML tree to Markdown blocks where Markdown says the same thing
/// (paragraphs, emphasis, links, lists, quotes, headings, images, line breaks), and keeps the rest
/// as HTML that CommonMark passes through as it is.
///
/// `classic`: the body was written in WordPress's classic editor, whose text has no `<p>`:
/// WordPress makes paragraphs when it shows it (its `wpautop`): a blank line ends a paragraph, a
/// single newline is a line break. Block-editor bodies are HTML as they are shown.
struct HTMLToMarkdown {
    var classic: Bool
    /// Rewrites a link or image address (old post URLs to the new pages).
    var rewrite: (String) -> String
    /// Obsolete elements met (`big`, `center`…), for the report: written as their HTML5 equivalent.
    private(set) var modernised: Set<String> = []
    /// What is invalid HTML in the HTML kept as it was ("a <dl> without <dd>"), for the report.
    private(set) var invalid: Set<String> = []
    private var sawMore = false

    init(classic: Bool, rewrite: @escaping (String) -> String = { $0 }) {
        self.classic = classic
        self.rewrite = rewrite
    }

    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "div", "dl", "fieldset", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "iframe", "li", "main", "nav", "noscript",
        "ol", "p", "pre", "section", "table", "ul", "video", "audio", "object", "embed", "canvas", "script", "style",
        "textarea", "dd", "dt", "figcaption", "summary", "menu", "listing",
    ]
    /// Containers whose own tag carries nothing once WordPress's theme is gone: their content is converted.
    static let transparent: Set<String> = ["div", "section", "article", "header", "footer", "main", "aside", "nav", "span", "font"]
    /// HTML block starts CommonMark knows (types 1 and 6); another block element is put in a `<div>`.
    static let htmlBlockStarts: Set<String> = [
        "pre", "script", "style", "textarea", "address", "article", "aside", "blockquote", "center", "details", "dialog", "div",
        "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "iframe", "li", "main", "menu", "nav", "ol", "p", "section", "summary", "table", "ul",
    ]

    // Markers inside inline text until lines and paragraphs are split (private-use characters,
    // removed from the body's own text first).
    static let lineBreak: Character = "\u{E000}"
    static let paragraphBreak: Character = "\u{E001}"
    static let moreMarker: Character = "\u{E002}"

    mutating func convert(_ nodes: [HTMLNode]) -> [MarkdownBlock] {
        sawMore = false
        var names: Set<String> = []
        let modern = nodes.map { Self.modernise($0, &names) }
        modernised = names
        return blocks(modern)
    }

    /// Obsolete HTML (which fails HTML5 validation) becomes its equivalent, before conversion.
    private static func modernise(_ node: HTMLNode, _ modernisedNames: inout Set<String>) -> HTMLNode {
        guard case .element(let name, var attributes, let children) = node else {
            if case .text(let text) = node {
                return .text(String(text.filter { $0 != lineBreak && $0 != paragraphBreak && $0 != moreMarker }))
            }
            return node
        }
        var kids: [HTMLNode] = []
        for child in children { kids.append(modernise(child, &modernisedNames)) }
        switch name {
        case "tt", "acronym", "strike", "big", "center", "font": modernisedNames.insert(name)
        default: break
        }
        switch name {
        case "tt": return .element(name: "code", attributes: attributes, children: kids)
        case "acronym": return .element(name: "abbr", attributes: attributes, children: kids)
        case "strike": return .element(name: "s", attributes: attributes, children: kids)
        case "big":
            return .element(name: "span", attributes: [("style", "font-size: larger")] + attributes.filter { $0.0 != "style" }, children: kids)
        case "center":
            return .element(name: "div", attributes: [("style", "text-align: center")] + attributes.filter { $0.0 != "style" }, children: kids)
        case "font":
            return .element(name: "span", attributes: [], children: kids)
        default:
            // Presentational attributes HTML5 dropped from these elements.
            // `cite` names the source's address; WordPress's test data writes words there
            // (cite="deleted it"), invalid HTML and a broken link once published: dropped, and reported.
            if let cite = attributes.first(where: { $0.0 == "cite" })?.1, !Shortcodes.isWebURL(cite.trimmed) {
                attributes.removeAll { $0.0 == "cite" }
                modernisedNames.insert("cite=\"\(cite)\"")
            }
            // HTML5 requires alt on an image; an empty one says it is decoration, as WordPress's empty alt did.
            if name == "img", !attributes.contains(where: { $0.0 == "alt" }) { attributes.append(("alt", "")) }
            if ["table", "td", "th", "tr", "img", "p", "div", "hr", "br", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "iframe"].contains(name) {
                attributes.removeAll { ["align", "valign", "border", "cellpadding", "cellspacing", "bgcolor", "frameborder", "scrolling", "marginwidth", "marginheight", "hspace", "vspace", "clear", "noshade", "size", "nowrap", "summary", "type"].contains($0.0) && !(name == "ol" && $0.0 == "type") }
            }
            return .element(name: name, attributes: attributes, children: kids)
        }
    }

    // MARK: Blocks

    private mutating func blocks(_ nodes: [HTMLNode]) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        var run: [HTMLNode] = []
        func isBlock(_ node: HTMLNode) -> Bool {
            switch node {
            case .element(let name, _, _): return Self.blockElements.contains(name)
            case .comment(let text): return Self.isMore(text)
            case .text: return false
            }
        }
        for node in nodes {
            if isBlock(node) {
                result += paragraphs(run)
                run = []
                result += block(node)
            } else {
                run.append(node)
            }
        }
        result += paragraphs(run)
        return result
    }

    static func isMore(_ comment: String) -> Bool {
        comment.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("more")
    }

    private mutating func block(_ node: HTMLNode) -> [MarkdownBlock] {
        switch node {
        case .comment(let text):
            guard Self.isMore(text), !sawMore else { return [] }
            sawMore = true
            return [.more]
        case .text:
            return paragraphs([node])
        case .element(let name, let attributes, let children):
            switch name {
            case "p":
                return paragraphs(children)
            case "h1", "h2", "h3", "h4", "h5", "h6":
                let text = oneLine(inline(children, depth: 1))
                guard !text.isEmpty else { return [] }
                return [.other(String(repeating: "#", count: Int(String(name.last ?? "2")) ?? 2) + " " + text)]
            case "blockquote":
                let inner = MarkdownBlock.join(blocks(children))
                guard !inner.isEmpty else { return [] }
                return [.other(inner.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n"))]
            case "ul", "ol":
                return list(ordered: name == "ol", start: Int(attributes.first { $0.0 == "start" }?.1 ?? "") ?? 1, children)
            case "hr":
                return [.other("* * *")]
            case "dl" where Self.isEmpty(node), "figure" where Self.isEmpty(node):
                // An empty caption (`<dl><dt></dt></dl>`, left by an old [caption]) shows nothing
                // and is invalid HTML: it goes.
                return []
            case "figure":
                if let image = loneImage(children) { return paragraphs([image]) }
                return [raw(node)]
            case _ where Self.transparent.contains(name) && attributes.allSatisfy({ $0.0 == "class" || $0.0.hasPrefix("data-") }):
                return blocks(children)
            default:
                return [raw(node)]
            }
        }
    }

    /// No text, no media, no id a link could point at.
    static func isEmpty(_ node: HTMLNode) -> Bool {
        switch node {
        case .text(let text): return text.allSatisfy(\.isWhitespace)
        case .comment: return true
        case .element(let name, let attributes, let children):
            if ["img", "iframe", "video", "audio", "embed", "object", "svg", "canvas", "input", "hr", "picture"].contains(name) { return false }
            if attributes.contains(where: { $0.0 == "id" || $0.0 == "name" }) && name != "dl" && name != "figure" { return false }
            return children.allSatisfy(isEmpty)
        }
    }

    /// A figure holding only an image (or a linked image) and no caption is that image.
    private func loneImage(_ children: [HTMLNode]) -> HTMLNode? {
        let significant = children.filter {
            if case .text(let text) = $0 { return !text.allSatisfy(\.isWhitespace) }
            if case .comment = $0 { return false }
            return true
        }
        guard significant.count == 1, let only = significant.first else { return nil }
        if only.name == "img" { return only }
        if only.name == "a", only.children.filter({ $0.name != nil }).count == 1, only.children.contains(where: { $0.name == "img" }),
           only.textContent.allSatisfy(\.isWhitespace) { return only }
        return nil
    }

    private mutating func raw(_ node: HTMLNode) -> MarkdownBlock {
        invalid.formUnion(Self.problems(in: node))
        let html = RawHTML.block(rewritingLinks(node))
        guard let name = node.name, !Self.htmlBlockStarts.contains(name) else { return .other(html) }
        return .other("<div>\n\(html)\n</div>")
    }

    /// The mistakes of content models an export most often holds, found where the HTML is kept.
    static func problems(in node: HTMLNode) -> Set<String> {
        guard case .element(let name, _, let children) = node else { return [] }
        var found: Set<String> = []
        let elements = children.compactMap(\.name)
        if name == "dl", elements.contains("dt") || elements.isEmpty, !elements.contains("dd") { found.insert("a <dl> without <dd>") }
        if name == "ul" || name == "ol", elements.contains(where: { $0 != "li" && $0 != "script" && $0 != "template" }) { found.insert("a <\(name)> with children other than <li>") }
        if name == "table", elements.contains(where: { !["caption", "colgroup", "thead", "tbody", "tfoot", "tr", "script", "template"].contains($0) }) {
            found.insert("a <table> holding other elements than rows")
        }
        for child in children { found.formUnion(problems(in: child)) }
        return found
    }

    private func rewritingLinks(_ node: HTMLNode) -> HTMLNode {
        guard case .element(let name, let attributes, let children) = node else { return node }
        let fixed = attributes.map { key, value in
            (key, key == "href" || key == "src" ? rewrite(value) : value)
        }
        return .element(name: name, attributes: fixed, children: children.map(rewritingLinks(_:)))
    }

    private mutating func list(ordered: Bool, start: Int, _ children: [HTMLNode]) -> [MarkdownBlock] {
        var items: [[MarkdownBlock]] = []
        var stray: [HTMLNode] = []
        for child in children {
            if child.name == "li" {
                if !stray.isEmpty { items.append(paragraphs(stray)); stray = [] }
                items.append(blocks(child.children))
            } else if case .text(let text) = child, text.allSatisfy(\.isWhitespace) {
                continue
            } else if case .comment = child {
                continue
            } else {
                stray.append(child)
            }
        }
        if !stray.isEmpty { items.append(paragraphs(stray)) }
        let loose = items.contains { $0.filter { if case .list = $0 { return false }; return true }.count > 1 }
        var lines: [String] = []
        for (index, item) in items.enumerated() {
            let marker = ordered ? "\(start + index). " : "- "
            let indent = String(repeating: " ", count: marker.count)
            var text = ""
            for (position, block) in item.enumerated() {
                if position > 0 {
                    if case .list = block, !loose { text += "\n" } else { text += "\n\n" }
                }
                text += block.markdown
            }
            let itemLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            var rendered = marker + (itemLines.first.map(String.init) ?? "")
            for line in itemLines.dropFirst() { rendered += "\n" + (line.isEmpty ? "" : indent + line) }
            lines.append(rendered)
        }
        guard !lines.isEmpty else { return [] }
        return [.list(lines.joined(separator: loose ? "\n\n" : "\n"))]
    }

    /// Inline content as paragraphs: split at the paragraph breaks of a classic body and at
    /// `<!--more-->`, each paragraph split into its lines.
    private mutating func paragraphs(_ nodes: [HTMLNode]) -> [MarkdownBlock] {
        guard !nodes.isEmpty else { return [] }
        let text = inline(nodes, depth: 0)
        var result: [MarkdownBlock] = []
        var current = ""
        func flush() {
            let lines = current.split(separator: Self.lineBreak, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            var trimmed = Array(lines.drop { $0.isEmpty })
            while trimmed.last?.isEmpty == true { trimmed.removeLast() }
            if !trimmed.isEmpty { result.append(.paragraph(trimmed.map(MarkdownText.escapeLineStart))) }
            current = ""
        }
        for character in text {
            switch character {
            case Self.paragraphBreak: flush()
            case Self.moreMarker:
                flush()
                if !sawMore { sawMore = true; result.append(.more) }
            default: current.append(character)
            }
        }
        flush()
        return result
    }

    func oneLine(_ text: String) -> String {
        String(text.map { $0 == Self.lineBreak || $0 == Self.paragraphBreak || $0 == Self.moreMarker ? " " : $0 })
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
