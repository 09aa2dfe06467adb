import Foundation

/// Escaping text for Markdown, so that a body's words are read as words: `*`, `_`, `[`, a `#` or
/// `1.` at the start of a line would otherwise become emphasis, links, headings or lists.
enum MarkdownText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\", "`", "*", "[", "]", "<", ">":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "_":
                // Inside a word an underscore is never emphasis (snake_case stays as it is).
                let before = index > 0 ? scalars[index - 1] : " "
                let after = index + 1 < scalars.count ? scalars[index + 1] : " "
                if isWordCharacter(before) && isWordCharacter(after) { out += "_" } else { out += "\\_" }
            case "&":
                // Only an '&' that would spell an entity ("&copy;") needs the escape.
                if looksLikeEntity(scalars, from: index) { out += "\\&" } else { out += "&" }
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A line that would start a heading, list, quote or thematic break gets its marker escaped.
    static func escapeLineStart(_ line: String) -> String {
        guard let first = line.unicodeScalars.first else { return line }
        switch first {
        case "#", "-", "+", "=", "~", "|":
            return "\\" + line
        case "0"..."9":
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            let rest = line.dropFirst(digits.count)
            if digits.count <= 9, let marker = rest.first, marker == "." || marker == ")" {
                return digits + "\\" + rest
            }
            return line
        default:
            return line
        }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func looksLikeEntity(_ scalars: [Unicode.Scalar], from index: Int) -> Bool {
        var position = index + 1
        var count = 0
        while position < scalars.count, count < 32 {
            let scalar = scalars[position]
            if scalar == ";" { return count > 0 }
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" else { return false }
            position += 1
            count += 1
        }
        return false
    }

    /// A link destination CommonMark reads whole: spaces, parentheses and angle brackets encoded.
    static func destination(_ url: String) -> String {
        var out = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "\\": out += "%5C"
            case "\n", "\r", "\t": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func title(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ") + "\""
    }

    /// A code span holding `text` literally: a fence longer than any run of backticks inside.
    static func codeSpan(_ text: String) -> String {
        var longest = 0, run = 0
        for character in text {
            if character == "`" { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") || (text.hasPrefix(" ") && text.hasSuffix(" ") && !text.allSatisfy { $0 == " " })
        return pad ? "\(fence) \(text) \(fence)" : "\(fence)\(text)\(fence)"
    }
}
