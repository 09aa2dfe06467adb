import Foundation

/// YAML for the files an import writes (front matter, comments, `site.yml`). Every value is text
/// from someone else's database, so a value is written plain only when YAML cannot read it as
/// anything but that text; otherwise double-quoted with escapes.
enum YAMLWriter {
    static func scalar(_ raw: String, inFlow: Bool = false) -> String {
        let value = clean(raw)
        return isPlainSafe(value, inFlow: inFlow) ? value : quoted(value)
    }

    /// `[a, b]`, or the one value alone.
    static func list(_ values: [String]) -> String {
        if values.count == 1 { return scalar(values[0]) }
        return "[" + values.map { scalar($0, inFlow: true) }.joined(separator: ", ") + "]"
    }

    /// Control characters Marquee would remove from a value (with a warning) are removed here.
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            scalar == "\n" || scalar == "\t" || !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || scalar.properties.generalCategory == .format && scalar != "\u{200D}" && scalar != "\u{200C}"
                || scalar.value == 0xFFFE || scalar.value == 0xFFFF)
        }))
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ""]

    static func isPlainSafe(_ value: String, inFlow: Bool) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
        if reserved.contains(value.lowercased()) { return false }
        // A digit first could be read as a number or a date: such values are quoted.
        guard first.properties.isAlphabetic || first.value > 0x7F && !first.properties.isWhitespace else { return false }
        if last == " " || last == ":" || last.properties.isWhitespace { return false }
        if value.contains(": ") || value.contains(" #") || value.contains("\n") || value.contains("\t") { return false }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"", "'", "\\", "`", "{", "}", "[", "]", ",", "&", "*", "!", "|", ">", "%", "@", "#":
                if scalar == "#" || scalar == "&" || scalar == "*" || scalar == "!" || scalar == "%" || scalar == "@" || scalar == "|" || scalar == ">" {
                    // Harmless inside a plain value, but kept simple: quoted.
                    return false
                }
                if inFlow || "\"'\\`{}[]".unicodeScalars.contains(scalar) { return false }
                if scalar == "," { continue }
            case "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}":
                return false
            default:
                if scalar.properties.isWhitespace && scalar != " " { return false }
            }
        }
        return true
    }

    /// A block of text under `key:`: a literal block (`|-`) when it reads back exactly, else quoted.
    static func text(_ key: String, _ raw: String, indent: String) -> String {
        let value = clean(raw).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
        let literalSafe = value.contains("\n") && !value.hasSuffix("\n") && !value.hasPrefix("\n")
            && !(lines.first?.first.map { $0 == " " || $0 == "\t" } ?? true) && !value.contains("\t")
            && !value.unicodeScalars.contains { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{FEFF}" }
        guard literalSafe else { return "\(indent)\(key): \(scalar(value))" }
        return "\(indent)\(key): |-\n" + lines.map { $0.isEmpty ? "" : "\(indent)  \($0)" }.joined(separator: "\n")
    }
}
