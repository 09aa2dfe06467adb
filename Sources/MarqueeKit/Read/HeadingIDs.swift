/// The `id` of each heading of a body, so that `[the synopsis](./#synopsis)` and a table of
/// contents can link to it: the heading's text lower-cased, letters, marks, digits and `_` kept
/// (accented and non-Latin letters too), spaces and `-` as `-`, everything else left out, as Hugo
/// does by default. A repeat gets `-1`, `-2`, … in the order of the body; an id the default
/// theme's page uses itself (`content`, `recommendations-heading`) counts as taken, so a body
/// never duplicates one; a heading with no letters or digits is `heading`.
struct HeadingIDs {
    /// The ids already given on this page.
    private var taken: Set<String>

    init(reserved: Set<String>) {
        taken = reserved
    }

    /// The id for the next heading, whose text is `text`.
    mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        var id = base
        var number = 0
        while taken.contains(id) {
            number += 1
            id = "\(base)-\(number)"
        }
        taken.insert(id)
        return id
    }

    static func slug(_ text: String) -> String {
        // Most headings are ASCII: done on bytes, with the same rules.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): bytes.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                case UInt8(ascii: " "), UInt8(ascii: "-"), 0x09...0x0D: bytes.append(UInt8(ascii: "-"))
                default: break
                }
            }
            return bytes.contains { $0 != UInt8(ascii: "-") } ? String(decoding: bytes, as: UTF8.self) : "heading"
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if scalar == " " || scalar == "-" || properties.isWhitespace {
                out.append("-")
            } else if scalar == "_" || properties.isAlphabetic || properties.numericType != nil
                        || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                out.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            }
        }
        let slug = String(out)
        return slug.contains(where: { $0 != "-" }) ? slug : "heading"
    }
}
