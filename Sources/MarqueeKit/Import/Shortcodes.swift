import Foundation

/// WordPress shortcodes in a body's text (`[caption]`, `[gallery]`, `[audio]`, `[video]`,
/// `[embed]`) and video addresses on a line of their own, turned into the HTML WordPress would
/// show for them. A shortcode with no HTML equivalent is left as text and named in `unknown`.
struct Shortcodes {
    /// What a gallery needs of an attachment: its address, alt text and caption.
    struct Attachment: Sendable, Equatable {
        var url: String
        var alt: String
    }

    /// An attachment by id, for `[gallery ids=…]`.
    var attachment: (String) -> Attachment?
    /// The images attached to the post, for a `[gallery]` without ids.
    var attachedImages: [Attachment]
    private(set) var unknown: [String] = []

    init(attachment: @escaping (String) -> Attachment? = { _ in nil }, attachedImages: [Attachment] = []) {
        self.attachment = attachment
        self.attachedImages = attachedImages
    }

    /// Names WordPress and common plugins register: reported when left as text, while a
    /// bracketed word that is not one ("[sic]", "[1]") is prose and left alone silently.
    static let knownNames: Set<String> = [
        "playlist", "contact-form", "contact-form-7", "gravityform", "embed", "wpvideo", "youtube", "vimeo", "soundcloud",
        "spotify", "googlemaps", "instagram", "twitter", "tweet", "slideshow", "column", "columns", "one_half", "one_third",
        "button", "quote", "code", "sourcecode", "source", "php", "css", "html", "javascript", "recipe", "ad", "adsense",
        "polldaddy", "crowdsignal", "archives", "sitemap", "wp_caption", "portfolio", "testimonials", "tabs", "tab", "toggle",
        "accordion", "video", "audio", "gallery", "caption", "blip.tv", "dailymotion", "flickr", "scribd", "ted", "vine",
    ]

    mutating func expand(_ text: String) -> String {
        let expanded = expandShortcodes(text)
        return expandVideoLines(expanded)
    }

    // MARK: Shortcodes

    private mutating func expandShortcodes(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            out += rest[..<open]
            let after = rest[open...]
            // `[[gallery]]` is WordPress's way to write a shortcode as text.
            if after.hasPrefix("[["), let tag = Self.parseTag(after.dropFirst()), after[tag.end...].hasPrefix("]") {
                out += after[after.index(after: open)..<tag.end]
                rest = after[after.index(after: tag.end)...]
                continue
            }
            guard let tag = Self.parseTag(after) else {
                out += "["
                rest = after.dropFirst()
                continue
            }
            var content: Substring?
            var end = tag.end
            if !tag.selfClosing, let close = after[tag.end...].range(of: "[/\(tag.name)]", options: .caseInsensitive) {
                content = after[tag.end..<close.lowerBound]
                end = close.upperBound
            }
            if let html = render(tag, content: content.map(String.init)) {
                out += html
                rest = after[end...]
            } else {
                if Self.knownNames.contains(tag.name) || !tag.attributes.isEmpty && tag.attributes.contains(where: { !$0.key.isEmpty }) || content != nil {
                    if !unknown.contains(tag.name) { unknown.append(tag.name) }
                }
                out += after[..<tag.end]
                rest = after[tag.end...]
            }
        }
        out += rest
        return out
    }

    struct Tag {
        var name: String
        var attributes: [(key: String, value: String)]
        var selfClosing: Bool
        var end: Substring.Index

        func value(_ key: String) -> String? { attributes.first { $0.key == key }?.value }
    }

    /// `[name key="value" key=value "positional"]`, or nil when the bracket does not open a shortcode.
    static func parseTag(_ whole: Substring) -> Tag? {
        // A shortcode's tag is short: looking no further than this keeps a body of brackets linear.
        let text = whole.prefix(2000)
        var index = text.index(after: text.startIndex)
        var name = ""
        while index < text.endIndex, text[index].isASCII, text[index].isLetter || text[index].isNumber || text[index] == "_" || text[index] == "-" || text[index] == "." {
            name.append(text[index])
            index = text.index(after: index)
        }
        guard !name.isEmpty, index < text.endIndex, text[index] == " " || text[index] == "]" || text[index] == "/" || text[index] == "\u{A0}" else { return nil }
        var attributes: [(String, String)] = []
        var selfClosing = false
        while index < text.endIndex {
            let character = text[index]
            if character == "]" {
                return Tag(name: name.lowercased(), attributes: attributes, selfClosing: selfClosing, end: text.index(after: index))
            }
            // A shortcode's tag is on one line, and holds no other tag: stopping at either keeps a
            // body of brackets linear.
            if character == "\n" || character == "[" { return nil }
            if character == " " || character == "\u{A0}" || character == "\t" { index = text.index(after: index); continue }
            if character == "/" { selfClosing = true; index = text.index(after: index); continue }
            var key = ""
            while index < text.endIndex, !" =]\n\"'[".contains(text[index]) {
                key.append(text[index]); index = text.index(after: index)
            }
            var value = ""
            if index < text.endIndex, text[index] == "=" {
                index = text.index(after: index)
                (value, index) = readValue(text, index)
            } else if key.isEmpty, index < text.endIndex, text[index] == "\"" || text[index] == "'" {
                (value, index) = readValue(text, index)
            } else {
                value = key; key = ""
            }
            guard index <= text.endIndex else { return nil }
            attributes.append((key.lowercased(), value))
        }
        return nil
    }

    private static func readValue(_ text: Substring, _ start: Substring.Index) -> (String, Substring.Index) {
        var index = start
        guard index < text.endIndex else { return ("", index) }
        let quote = text[index]
        // WordPress's editor writes curly quotes too when it "smartens" a shortcode.
        let closing: Set<Character> = quote == "\"" ? ["\""] : quote == "'" ? ["'"] : quote == "“" || quote == "”" ? ["”", "“"] : []
        var value = ""
        if !closing.isEmpty {
            index = text.index(after: index)
            while index < text.endIndex, !closing.contains(text[index]) { value.append(text[index]); index = text.index(after: index) }
            if index < text.endIndex { index = text.index(after: index) }
        } else {
            while index < text.endIndex, !" ]\n[".contains(text[index]) { value.append(text[index]); index = text.index(after: index) }
        }
        return (value, index)
    }

    private func render(_ tag: Tag, content: String?) -> String? {
        switch tag.name {
        case "caption", "wp_caption":
            return caption(tag, content: content ?? "")
        case "gallery":
            let images: [Attachment]
            if let ids = tag.value("ids"), !ids.isEmpty {
                images = ids.split(separator: ",").compactMap { attachment($0.trimmingCharacters(in: .whitespaces)) }
            } else if tag.value("include") == nil {
                images = attachedImages
            } else {
                images = (tag.value("include") ?? "").split(separator: ",").compactMap { attachment($0.trimmingCharacters(in: .whitespaces)) }
            }
            guard !images.isEmpty else { return nil }
            let items = images.map { "<a href=\"\(RawHTML.escapeAttribute($0.url))\"><img src=\"\(RawHTML.escapeAttribute($0.url))\" alt=\"\(RawHTML.escapeAttribute($0.alt))\"></a>" }
            return "<figure class=\"gallery\">" + items.joined() + "</figure>"
        case "audio", "video":
            let keys = tag.name == "audio" ? ["src", "mp3", "m4a", "ogg", "wav", "wma"] : ["src", "mp4", "m4v", "webm", "ogv", "wmv", "flv"]
            let source = keys.lazy.compactMap { tag.value($0) }.first { !$0.isEmpty }
                ?? tag.attributes.first { $0.key.isEmpty && Self.isWebURL($0.value) }?.value
                ?? content?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
            guard let source, Self.isWebURL(source) else { return nil }
            if tag.name == "video", let embed = Self.videoEmbed(source) { return embed }
            let poster = tag.value("poster").map { " poster=\"\(Self.attribute($0))\"" } ?? ""
            return "<\(tag.name) controls src=\"\(Self.attribute(source))\"\(poster)></\(tag.name)>"
        case "embed":
            guard let url = content?.trimmingCharacters(in: .whitespacesAndNewlines), Self.isWebURL(url) else { return nil }
            return Self.videoEmbed(url) ?? "<a href=\"\(Self.attribute(url))\">\(RawHTML.escapeText(url))</a>"
        default:
            return nil
        }
    }

    /// `[caption …]<img …> The caption[/caption]` → `<figure><img …><figcaption>The caption</figcaption></figure>`.
    private func caption(_ tag: Tag, content: String) -> String? {
        var media = content.trimmingCharacters(in: .whitespacesAndNewlines)
        var text = ""
        if media.hasPrefix("<a"), let end = media.range(of: "</a>", options: .caseInsensitive) {
            text = String(media[end.upperBound...])
            media = String(media[..<end.upperBound])
        } else if media.hasPrefix("<img"), let end = media.firstIndex(of: ">") {
            text = String(media[media.index(after: end)...])
            media = String(media[...end])
        }
        let words = (tag.value("caption") ?? text).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !media.isEmpty else { return nil }
        return "<figure>" + media + (words.isEmpty ? "" : "<figcaption>" + words + "</figcaption>") + "</figure>"
    }

    // MARK: Video addresses

    /// A line holding only an address is what WordPress embeds: YouTube and Vimeo become their
    /// player, any other address a link.
    private func expandVideoLines(_ text: String) -> String {
        guard text.contains("http") else { return text }
        var inPre = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let lower = line.lowercased()
            if lower.contains("<pre") { inPre = true }
            defer { if lower.contains("</pre") { inPre = false } }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !inPre, Self.isWebURL(trimmed), !trimmed.contains(" "), !trimmed.contains("<"), !trimmed.contains("\"") else { return String(line) }
            return Self.videoEmbed(trimmed) ?? "<a href=\"\(Self.attribute(trimmed))\">\(RawHTML.escapeText(trimmed))</a>"
        }.joined(separator: "\n")
    }

    static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && URLComponents(string: text)?.host?.isEmpty == false
    }

    /// The player of a YouTube or Vimeo address, or nil for another.
    static func videoEmbed(_ url: String) -> String? {
        guard let components = URLComponents(string: url), let host = components.host?.lowercased() else { return nil }
        let parts = components.path.split(separator: "/").map(String.init)
        var player: String?
        if host.hasSuffix("youtube.com") || host.hasSuffix("youtube-nocookie.com") {
            if let id = components.queryItems?.first(where: { $0.name == "v" })?.value { player = "https://www.youtube-nocookie.com/embed/\(id)" }
            else if parts.count == 2, ["embed", "shorts", "v"].contains(parts[0]) { player = "https://www.youtube-nocookie.com/embed/\(parts[1])" }
        } else if host == "youtu.be", let id = parts.first {
            player = "https://www.youtube-nocookie.com/embed/\(id)"
        } else if host.hasSuffix("vimeo.com"), let id = parts.last, id.allSatisfy(\.isNumber) {
            player = "https://player.vimeo.com/video/\(id)"
        }
        guard let player, player.unicodeScalars.allSatisfy({ $0.isASCII && !"\"<>' ".unicodeScalars.contains($0) }) else { return nil }
        return "<iframe src=\"\(player)\" title=\"Video\" width=\"560\" height=\"315\" allowfullscreen></iframe>"
    }

    /// A value from the body's HTML source, put in an attribute: only what would end it is escaped
    /// (the source's own entities, `&amp;`, are already HTML).
    static func attribute(_ value: String) -> String {
        value.replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
