import Foundation

/// Writes parts of a body back as HTML, for what Markdown cannot say (tables, figures with
/// captions, `<pre>`, inline elements such as `<sup>`), in forms CommonMark passes through whole.
enum RawHTML {
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"]
    /// Their text is not HTML: written as it is.
    static let rawTextElements: Set<String> = ["script", "style"]

    /// A whole element as an HTML block. CommonMark ends most HTML blocks at a blank line, so the
    /// result has none: newlines in `<pre>`/`<textarea>` text are written `&#10;` (the browser reads
    /// them back as newlines) and other runs of white space with a newline become one newline.
    ///
    /// A `<pre>` that is the block itself keeps its newlines: CommonMark's block that starts with
    /// `<pre` ends only at `</pre>`, blank lines and all, and the writer reads it as it was.
    static func block(_ node: HTMLNode) -> String {
        var out = ""
        if case .element("pre", let attributes, let children) = node {
            out = startTag("pre", attributes)
            for child in children { write(child, into: &out, preformatted: true, oneLine: false) }
            return out.replacingOccurrences(of: "&#10;", with: "\n") + "</pre>"
        }
        write(node, into: &out, preformatted: false, oneLine: false)
        return out.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
            .joined(separator: "\n")
    }

    /// The start tag of an element, for inline HTML around Markdown content.
    static func startTag(_ name: String, _ attributes: [(String, String)]) -> String {
        var out = "<\(name)"
        for (key, value) in attributes where isAttributeName(key) {
            // An address with a space is invalid HTML; encoded, it is the same address.
            let fixed = ["href", "src", "poster"].contains(key) ? value.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: " ", with: "%20") : value
            out += " \(key)=\"\(escapeAttribute(fixed))\""
        }
        return out + ">"
    }

    private static func write(_ node: HTMLNode, into out: inout String, preformatted: Bool, oneLine: Bool, newline: String = "&#10;") {
        switch node {
        case .text(let text):
            if preformatted {
                out += newline == "\n" ? escapeText(text) : escapeText(text).replacingOccurrences(of: "\n", with: newline)
            } else {
                out += collapseNewlines(escapeText(text), oneLine: oneLine)
            }
        case .comment:
            break // WordPress's block comments and other comments carry nothing a reader sees
        case .element(let name, let attributes, let children):
            guard isTagName(name) else {
                for child in children { write(child, into: &out, preformatted: preformatted, oneLine: oneLine, newline: newline) }
                return
            }
            out += startTag(name, attributes)
            if voidElements.contains(name) { return }
            if rawTextElements.contains(name) {
                out += children.map(\.textContent).joined()
            } else {
                let keep = preformatted || name == "pre" || name == "textarea" || name == "listing"
                for child in children { write(child, into: &out, preformatted: keep, oneLine: oneLine, newline: newline) }
            }
            out += "</\(name)>"
        }
    }

    /// A run of spaces and newlines becomes one newline (or a space on one line): the same to a
    /// browser, and never a blank line.
    private static func collapseNewlines(_ text: String, oneLine: Bool) -> String {
        guard text.contains("\n") || text.contains("\r") else { return text }
        var out = ""
        var pending: String?
        for character in text {
            if character == " " || character == "\t" || character == "\n" || character == "\r\n" || character == "\r" {
                if character == "\n" || character == "\r\n" || character == "\r" {
                    pending = oneLine ? " " : "\n"
                } else if pending == nil {
                    pending = " "
                }
            } else {
                if let gap = pending { out += gap; pending = nil }
                out.append(character)
            }
        }
        if let gap = pending { out += gap }
        return out
    }

    static func escapeText(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\u{00A0}": out += "&nbsp;"
            default: out.append(character)
            }
        }
        return out
    }

    static func escapeAttribute(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\r", "\r\n", "\t": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// CommonMark's rules for a tag name and an attribute name: anything else would not be read
    /// as HTML (an attribute libxml2 kept from a mangled tag is dropped).
    static func isTagName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
    }

    static func isAttributeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || first == "_" || first == ":" else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.:-".unicodeScalars.contains($0)) }
    }
}
