import Testing
@testable import MarqueeKit

/// The feed's escaping works on bytes; it must do exactly what the rule says for every scalar.
@Suite struct XMLTextTests {
    /// The rule, scalar by scalar, written the obvious way.
    static func reference(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF || (0x7F...0x9F).contains(v) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func everyScalarAloneAndBetweenText() {
        var values = Array(0...0x3000) + Array(0xD7F0...0xD7FF) + Array(0xE000...0xE0FF) + Array(0xFE00...0xFFFF) + Array(0x1F300...0x1F6FF) + [0x10FFFF]
        values.removeAll { (0xD800...0xDFFF).contains($0) }
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let alone = String(Character(scalar))
            #expect(XMLText.escape(alone) == Self.reference(alone), "U+\(String(value, radix: 16))")
            let between = "a<" + alone + "é" + alone + "\u{FFFF}z"
            #expect(XMLText.escape(between) == Self.reference(between), "U+\(String(value, radix: 16)) between")
        }
    }

    @Test func hostileAndOrdinaryText() {
        for text in ["</content><script>alert(1)</script>", "Tom & Jerry's \"cut\"", "\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{7F}",
                     "\u{85}next\u{9F}\u{A0}\u{BF}", "ends in \u{C2}\u{85}", "\u{EF}", "\u{FFFE}\u{FFFD}\u{FEFF}", "بچه‌های آسمان", "plain"] {
            #expect(XMLText.escape(text) == Self.reference(text), "\(text.debugDescription)")
        }
        #expect(XMLText.escape("a<b & \u{85}c") == "a&lt;b &amp; c")
    }
}
