import CCmark

/// Markdown settings from `site.yml` (`markdown:`).
public struct MarkdownOptions: Hashable, Sendable {
    /// Curly quotes, en/em dashes and ellipses ("smart punctuation"). On by default.
    public var smartPunctuation: Bool = true
    /// Raw HTML in Markdown passes through. On by default: the writer owns the site.
    public var rawHTML: Bool = true

    public init(smartPunctuation: Bool = true, rawHTML: Bool = true) {
        self.smartPunctuation = smartPunctuation
        self.rawHTML = rawHTML
    }
}

/// What the reader needs from one Markdown body, all computed in one pass over cmark's AST.
public struct RenderedMarkdown: Hashable, Sendable {
    /// The whole body as HTML.
    public var html: String
    /// HTML of the blocks before a `<!--more-->` line, when there is one.
    public var moreExcerptHTML: String?
    public var moreExcerptText: String?
    /// HTML and plain text of the first paragraph, the excerpt of last resort.
    public var firstParagraphHTML: String?
    public var firstParagraphText: String?
    public var wordCount: Int
    /// Every link and image URL the body holds (after base-path rewriting), those of its raw HTML
    /// included, with the line of its node, so a broken one is reported where the writer typed it.
    public var links: [BodyLink] = []
    /// The line of the file the body starts on (1 until `shiftingLinks` says where).
    public var firstLine = 1
    /// The body's headings in order, each with the id its HTML gives it (`HeadingIDs`).
    public var headings: [BodyHeading] = []
    /// Hugo shortcodes and Liquid tags (`{{< youtube x >}}`, `{% include x %}`) in the body's
    /// text, outside code: another generator's syntax, which reaches the page as text. The tag's
    /// start and the line of its block (of the body, like `links`).
    public var foreignTags: [BodyLink] = []
    /// Its local JPEG, PNG and WebP images, in order, each a placeholder in the HTML (`BodyImage`).
    public var images: [BodyImage] = []
}

extension RenderedMarkdown {
    /// The headings' levels, texts and ids, hashed (the build cache compares them).
    var headingsDigest: UInt64 {
        var hash = StableHash()
        for heading in headings {
            hash.combine(heading.level)
            hash.combine(heading.text)
            hash.combine(heading.id)
        }
        return hash.value
    }
}

/// A heading of a body: `## Synopsis` is level 2, text "Synopsis", id "synopsis".
public struct BodyHeading: Hashable, Sendable {
    public var level: Int
    public var text: String
    public var id: String
}

extension RenderedMarkdown {
    /// Body lines become file lines: the body starts on line `offset + 1` of its file.
    func shiftingLinks(by offset: Int) -> RenderedMarkdown {
        var copy = self
        copy.links = links.map { BodyLink(url: $0.url, line: $0.line + offset) }
        copy.foreignTags = foreignTags.map { BodyLink(url: $0.url, line: $0.line + offset) }
        for index in copy.images.indices { copy.images[index].line += offset }
        copy.firstLine = firstLine + offset
        return copy
    }
}

/// A URL in a Markdown body and the line (of the body, from 1) of the block that holds it.
public struct BodyLink: Hashable, Sendable {
    public var url: String
    public var line: Int
}

/// Renders CommonMark through the cmark C library, walking its AST for what plain HTML
/// conversion cannot give: excerpts, word counts and links rewritten for the site's base path.
public struct MarkdownRenderer: Sendable {
    public var options: MarkdownOptions
    /// The base URL's path ("/blog/"); root-relative links in a body ("/reviews/baran/") get it prepended.
    public var basePath: String

    /// Ids a heading never takes: those the theme writes on the same page.
    public var reservedIDs: Set<String>

    public init(options: MarkdownOptions = MarkdownOptions(), basePath: String = "/", reservedIDs: Set<String> = []) {
        self.options = options
        self.basePath = basePath
        self.reservedIDs = reservedIDs
    }

    var cmarkOptions: Int32 {
        var flags = CMARK_OPT_VALIDATE_UTF8
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        if options.rawHTML { flags |= CMARK_OPT_UNSAFE }
        return flags
    }

    /// HTML only, for short texts such as a summary.
    public func html(_ markdown: String) -> String {
        render(markdown).html
    }

    /// `documentPath` is the page's own folder ("/blog/reviews/baran/"): relative links in the body are
    /// resolved against it, so they still work where the text is shown elsewhere (lists, feeds).
    /// With `placingImages` (a review's or an article's body), its local JPEG, PNG and WebP images
    /// become placeholders (`images`): those under static/ (`/img/x.jpg`) and, for a folder review or
    /// article, the files of `imageFolder`, its site folder path ("content/reviews/baran").
    public func render(_ markdown: String, documentPath: String? = nil, imageFolder: String? = nil, placingImages: Bool = false) -> RenderedMarkdown {
        let flags = cmarkOptions
        let document: OpaquePointer? = markdown.withCString { pointer in
            cmark_parse_document(pointer, strlen(pointer), flags)
        }
        guard let document else {
            return RenderedMarkdown(html: "", wordCount: 0)
        }
        defer { cmark_node_free(document) }

        var found = FoundNodes()
        found.placesImages = placingImages
        found.imageFolder = imageFolder
        let links = rewriteLinks(in: document, documentPath: documentPath, noting: &found)
        var result = RenderedMarkdown(html: "", wordCount: Self.countWords(document), links: links)
        result.foreignTags = found.foreignTags
        // After the word count, which counts an image's alt text, and before any HTML is rendered.
        result.images = placeImages(found.images, markdown: markdown, flags)
        let fragmentLinks = found.fragmentLinks
        if let documentPath {
            // A `#fragment` link points into this page; an excerpt is also shown on list pages and
            // in the feed, where it would point into those: there it names this page too (and is
            // reported there, should it be broken on a list page).
            result.links += fragmentLinks.map { BodyLink(url: documentPath + $0.url, line: Self.line(of: $0.node)) }
            for link in fragmentLinks { _ = cmark_node_set_url(link.node, documentPath + link.url) }
        }

        // Top-level blocks: find <!--more--> and the first paragraph. Rendered before headings get
        // their ids: an excerpt is shown on list pages, beside other reviews' excerpts, where
        // those ids would repeat.
        var child = cmark_node_first_child(document)
        var blocksBeforeMore: [OpaquePointer] = []
        var sawMore = false
        while let node = child {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HTML_BLOCK, Self.literal(node).trimmingWhitespaceAndNewlines().lowercased() == "<!--more-->" {
                sawMore = true
                break
            }
            if type == CMARK_NODE_PARAGRAPH, result.firstParagraphHTML == nil {
                result.firstParagraphHTML = Self.renderHTML(node, flags)
                result.firstParagraphText = Self.plainText(node)
            }
            blocksBeforeMore.append(node)
            child = cmark_node_next(node)
        }
        if sawMore {
            result.moreExcerptHTML = blocksBeforeMore.map { Self.renderHTML($0, flags) }.joined()
            result.moreExcerptText = blocksBeforeMore.map { Self.plainText($0) }.joined(separator: " ")
        }
        for link in fragmentLinks { _ = cmark_node_set_url(link.node, link.url) } // the page itself keeps them as written
        result.headings = giveHeadingsIDs(found.headings, flags)
        result.html = Self.renderHTML(document, flags)
        return result
    }

    /// Replaces each heading by a block that writes it with its id (`<h2 id="synopsis">`): cmark's
    /// HTML renderer writes headings without attributes, so each is rendered on its own (its links
    /// already rewritten, raw HTML kept or left out as the options say) and the id put into its
    /// opening tag; a custom block then writes that text where the heading was. Returns the
    /// headings in order.
    private func giveHeadingsIDs(_ found: [OpaquePointer], _ flags: Int32) -> [BodyHeading] {
        var ids = HeadingIDs(reserved: reservedIDs)
        var headings: [BodyHeading] = []
        for heading in found {
            let level = Int(cmark_node_get_heading_level(heading))
            let text = Self.plainText(heading)
            let id = ids.id(for: text)
            headings.append(BodyHeading(level: level, text: text, id: id))
            let opening = "<h\(level)>"
            let html = Self.renderHTML(heading, flags)
            guard html.hasPrefix(opening), let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            // The id holds letters, digits, marks, `_` and `-` only: nothing to escape.
            let withID = "<h\(level) id=\"\(id)\">" + html.dropFirst(opening.count).trimmingCharacters(in: .newlines)
            guard cmark_node_set_on_enter(block, withID) == 1, cmark_node_set_on_exit(block, "") == 1,
                  cmark_node_insert_before(heading, block) == 1 else {
                cmark_node_free(block)
                continue // the heading stays as cmark writes it, without an id
            }
            cmark_node_unlink(heading)
            cmark_node_free(heading)
        }
        return headings
    }

    /// What the one walk over the AST in `rewriteLinks` notes besides the links, for later steps.
    private struct FoundNodes {
        /// Links to `#fragment`s of the page, with the URL as written.
        var fragmentLinks: [(node: OpaquePointer, url: String)] = []
        var foreignTags: [BodyLink] = []
        /// Every heading, in order.
        var headings: [OpaquePointer] = []
        var placesImages = false
        var imageFolder: String?
        /// Local images to resize, with their file and the address as written.
        var images: [(node: OpaquePointer, source: String, written: String, isBeside: Bool)] = []
    }

    /// Puts a placeholder (a custom inline node) in the place of each image to resize, and returns
    /// them with where each was written.
    private func placeImages(_ found: [(node: OpaquePointer, source: String, written: String, isBeside: Bool)],
                             markdown: String, _ flags: Int32) -> [BodyImage] {
        guard !found.isEmpty else { return [] }
        let marker = BodyImages.marker(for: markdown)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var images: [BodyImage] = []
        var last = (line: 0, column: 0)
        for (node, source, written, isBeside) in found {
            let fallback = Self.renderHTML(node, flags)
            let title = cmark_node_get_title(node).map { String(cString: $0) }
            let block = Self.line(of: node)
            let position = BodyImages.position(of: written, in: lines, from: block, after: last) ?? (block, 1)
            last = position
            let placeholder = "\(marker) \(images.count)-->"
            guard let holder = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
            guard cmark_node_set_on_enter(holder, placeholder) == 1, cmark_node_set_on_exit(holder, "") == 1,
                  cmark_node_insert_before(node, holder) == 1 else {
                cmark_node_free(holder)
                continue // the image stays as cmark writes it, unresized
            }
            images.append(BodyImage(source: source, written: written, alt: Self.plainText(node), title: title?.isEmpty == false ? title : nil,
                                    line: position.line, column: position.column, placeholder: placeholder, fallback: fallback, isBeside: isBeside))
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        return images
    }

    /// Prefixes root-relative URLs with the base path and returns every link with its line. The
    /// links of raw HTML (`<a href>` written in the Markdown) are listed as they are, not rewritten;
    /// one whose value spans lines is not found here, and is reported at the body's first line.
    private func rewriteLinks(in document: OpaquePointer, documentPath: String?, noting found: inout FoundNodes) -> [BodyLink] {
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var links: [BodyLink] = []
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT, let tag = Self.foreignTag(in: node) {
                found.foreignTags.append(BodyLink(url: tag, line: Self.line(of: node)))
                continue
            }
            if type == CMARK_NODE_HEADING {
                found.headings.append(node)
                continue
            }
            if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                // Without raw_html, cmark writes a comment in its place: no link reaches the page.
                guard options.rawHTML else { continue }
                // Line by line: an HTML block spans many, and each link is reported at its own.
                let first = Self.line(of: node)
                for (offset, line) in Self.literal(node).utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
                    for url in HTMLScanner.scan(Array(line)).links { links.append(BodyLink(url: url, line: first + offset)) }
                }
                continue
            }
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let raw = cmark_node_get_url(node) else { continue }
            var url = String(cString: raw)
            if type == CMARK_NODE_IMAGE, found.placesImages, let (source, isBeside) = BodyImages.source(of: url, folder: found.imageFolder) {
                found.images.append((node, source, url, isBeside))
            }
            if url.hasPrefix("#"), url.utf8.count > 1 { found.fragmentLinks.append((node, url)) }
            if basePath != "/", url.hasPrefix("/") && !url.hasPrefix("//") {
                url = basePath + url.dropFirst()
                _ = cmark_node_set_url(node, url)
            } else if let documentPath, let resolved = Self.resolve(url, against: documentPath) {
                url = resolved
                _ = cmark_node_set_url(node, url)
            }
            links.append(BodyLink(url: url, line: Self.line(of: node)))
        }
        return links
    }

    /// The start of a Hugo shortcode (`{{<`, `{{%`) or Liquid tag (`{%`) in a text node, up to 40
    /// characters; nil when there is none. (cmark keeps `{` in text; code spans and blocks are
    /// other nodes, so a shortcode shown as code is not one.)
    static func foreignTag(in node: OpaquePointer) -> String? {
        guard let raw = cmark_node_get_literal(node), strchr(raw, Int32(UInt8(ascii: "{"))) != nil else { return nil }
        let text = String(cString: raw)
        for (opener, closer) in [("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}")] {
            if let range = text.range(of: opener) {
                let rest = text[range.lowerBound...]
                let end = rest.range(of: closer)?.upperBound ?? rest.endIndex
                let tag = Self.unsmartened(String(rest[..<end]))
                return tag.count > 40 ? String(tag.prefix(39)) + "…" : tag
            }
        }
        return nil
    }

    /// A tag as the writer typed it, before smart punctuation: cmark's SMART option has made its
    /// quotes curly and its dashes long in the text node, and a warning quoting
    /// `{% include note.html id=“x” %}` would show text that is in no file.
    static func unsmartened(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x2013 && $0.value <= 0x2026 }) else { return text }
        var plain = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}": plain += "'"
            case "\u{201C}", "\u{201D}": plain += "\""
            case "\u{2013}": plain += "--"
            case "\u{2014}": plain += "---"
            case "\u{2026}": plain += "..."
            default: plain.unicodeScalars.append(scalar)
            }
        }
        return plain
    }

    /// The body line of a node: its own, or (for a node cmark gives no position) its block's.
    static func line(of node: OpaquePointer) -> Int {
        var holder: OpaquePointer? = node
        while let current = holder, cmark_node_get_start_line(current) == 0 { holder = cmark_node_parent(current) }
        return holder.map { Int(cmark_node_get_start_line($0)) } ?? 1
    }

    /// A relative URL ("poster.jpg", "../baran/") made root-relative against the page's folder
    /// (RFC 3986, 5.2); nil for URLs that are absolute, root-relative, fragments or empty. A URL is
    /// absolute only when it starts with a scheme: "%5Bx%5D:y" or a mistyped "[url](https://…)" is
    /// a relative path like any other, and is resolved (and so checked) as one. Works on the text as
    /// it is, encoded or not: cmark percent-encodes what a link needs when it writes the page.
    static func resolve(_ url: String, against documentPath: String) -> String? {
        guard !url.isEmpty, !url.hasPrefix("/"), !url.hasPrefix("#"), !url.hasPrefix("?"), URLSafety.scheme(of: url) == nil else { return nil }
        let cut = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
        let folder = documentPath.lastIndex(of: "/").map { documentPath[...$0] } ?? "/"
        let merged = (folder.hasPrefix("/") ? "" : "/") + folder + url[..<cut]
        return removingDotSegments(merged) + url[cut...]
    }

    /// RFC 3986, 5.2.4, for a path that starts with "/": "/a/b/../c/./d" → "/a/c/d"; ".." never
    /// climbs above the root.
    static func removingDotSegments(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        var output: [Substring] = []
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return "/" + output.joined(separator: "/")
    }

    static func renderHTML(_ node: OpaquePointer, _ flags: Int32) -> String {
        guard let cString = cmark_render_html(node, flags) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }

    static func literal(_ node: OpaquePointer) -> String {
        guard let raw = cmark_node_get_literal(node) else { return "" }
        return String(cString: raw)
    }

    /// The words a reader reads: text and code spans, with breaks as spaces.
    static func plainText(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += literal(child)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text.trimmingWhitespaceAndNewlines()
    }

    static func countWords(_ document: OpaquePointer) -> Int {
        guard let iterator = cmark_iter_new(document) else { return 0 }
        defer { cmark_iter_free(iterator) }
        var count = 0
        // A word can span several text nodes ("don" "’" "t" with smart punctuation, or *a*b), so the
        // in-word state carries across inline nodes and resets only at breaks and blocks.
        var inWord = false
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK,
                  let raw = cmark_node_get_literal(node) else {
                if !(type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG || type == CMARK_NODE_LINK) { inWord = false }
                continue
            }
            raw.withMemoryRebound(to: UInt8.self, capacity: 1) { text in
                count += countWordStarts(text, strlen(raw), inWord: &inWord)
            }
        }
        return count
    }

    /// The words that start in `text` (a byte not space, tab or line break after one that is, or
    /// first with `inWord` false), eight bytes at a time in a UInt64: the bodies of 10,000
    /// reviews are tens of MB, and a byte at a time was 3% of a build's CPU.
    static func countWordStarts(_ text: UnsafePointer<UInt8>, _ length: Int, inWord: inout Bool) -> Int {
        guard length > 0 else { return 0 }
        func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, high: UInt64 = 0x8080_8080_8080_8080
        // The high bit of each byte of `x` that equals the byte `c` (exact: no carry between bytes).
        func equal(_ x: UInt64, _ c: UInt64) -> UInt64 {
            let t = x ^ (c &* 0x0101_0101_0101_0101)
            return ~(((t & low) &+ low) | t | low)
        }
        var count = 0
        // The high bit of byte 7 is set when the byte before the next block is a space.
        var before: UInt64 = inWord ? 0 : high
        var at = 0
        let raw = UnsafeRawPointer(text)
        while at + 8 <= length {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            let spaces = equal(x, 32) | equal(x, 9) | equal(x, 10) | equal(x, 13)
            // A word starts at a byte that is not a space after one that is (the one before byte
            // 0 being the last of the block before).
            let starts = ~spaces & high & (spaces << 8 | before >> 56)
            count += starts.nonzeroBitCount
            before = spaces
            at += 8
        }
        var previousIsSpace = before >> 63 == 1
        while at < length {
            let space = isSpace(text[at])
            if !space && previousIsSpace { count += 1 }
            previousIsSpace = space
            at += 1
        }
        inWord = !previousIsSpace
        return count
    }
}

import Foundation
