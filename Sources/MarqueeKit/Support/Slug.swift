import Foundation

/// URL slugs: checking the ones a writer chose, and making them from names.
public enum Slug {
    /// Why `slug` cannot be a path segment of the site, or nil when it can.
    /// Letters of any script, digits, '-', '_' and '.' (not first) are allowed.
    public static func problem(with slug: String) -> String? {
        if slug.isEmpty { return "the slug is empty" }
        // Nearly every slug is ASCII letters, digits, '-', '_' and '.': only the length and the
        // dots need checking then, by bytes (this runs for every review and term of a site).
        if slug.utf8.allSatisfy(isPlainASCII) {
            if slug.utf8.count > 200 { return "the slug is longer than 200 characters" }
            var previous: UInt8 = UInt8(ascii: ".") // a dot first is refused like ".."
            for byte in slug.utf8 {
                if byte == UInt8(ascii: "."), previous == UInt8(ascii: ".") {
                    return "the slug '\(printable(slug))' starts with a dot or contains '..'"
                }
                previous = byte
            }
            return nil
        }
        if slug.count > 200 { return "the slug is longer than 200 characters" }
        if slug.contains("/") || slug.contains("\\") { return "the slug '\(printable(slug))' contains a slash" }
        if slug.contains("..") || slug.hasPrefix(".") { return "the slug '\(printable(slug))' starts with a dot or contains '..'" }
        if slug.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
            return "the slug contains control characters"
        }
        if slug.unicodeScalars.contains(where: { $0.properties.isWhitespace }) { return "the slug '\(printable(slug))' contains spaces" }
        let allowed = slug.unicodeScalars.allSatisfy { scalar in
            scalar == "-" || scalar == "_" || scalar == "." || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
        }
        if !allowed { return "the slug '\(printable(slug))' contains characters other than letters, digits, '-', '_' and '.'" }
        return nil
    }

    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    /// A stable, Unicode-aware slug for a name: "Agnès Varda" → "agnes-varda",
    /// "Asghar Farhadi" and "asghar farhadi" → "asghar-farhadi", "اصغر فرهادی" keeps its letters.
    public static func make(from name: String) -> String {
        // Fold case, then strip accents from Latin letters by decomposing and dropping combining marks.
        let decomposed = name.lowercased().decomposedStringWithCompatibilityMapping
        var slug = ""
        var pendingDash = false
        for scalar in decomposed.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark {
                // A combining accent on a Latin letter goes; marks that spell non-Latin scripts stay.
                if let last = slug.unicodeScalars.last, last.isASCII { continue }
                if slug.isEmpty { continue }
                slug.unicodeScalars.append(scalar)
                continue
            }
            if let replacement = transliterations[scalar] {
                if pendingDash && !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug += replacement
            } else if properties.isAlphabetic || properties.numericType == .decimal || properties.generalCategory == .spacingMark {
                if pendingDash && !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue // "Friend's" → "friends"
            } else {
                pendingDash = true
            }
        }
        return slug
    }

    /// Latin letters that do not decompose into a base letter and an accent.
    private static let transliterations: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "þ": "th", "ð": "d", "ı": "i",
    ]

    /// A writer's text as it may be quoted in a message: at most 80 characters, control characters
    /// (C0, DEL and C1, which terminals take as commands) shown as "?".
    public static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.prefix(80).map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : $0 }))
    }
}
