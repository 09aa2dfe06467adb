/// A JSON value written by hand: object keys keep the order they are given (so output is stable
/// without sorting), and strings are escaped for JSON and for embedding in HTML `<script>`.
/// JSONEncoder did the same job at several times the cost on every review page.
indirect enum JSONValue {
    case string(String)
    case number(Double)
    case integer(Int)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// JSON with `<`, `>`, `&` and U+2028/U+2029 escaped: safe inside `<script>` whatever the
    /// values hold (`</script>`, `<!--`), and the same data to any JSON parser.
    var scriptSafeText: String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A string as it appears between the quotes of `scriptSafeText`.
    static func stringBody(_ text: String) -> String {
        var out: [UInt8] = []
        writeString(text, to: &out)
        return String(decoding: out.dropFirst().dropLast(), as: UTF8.self)
    }

    private func write(to out: inout [UInt8]) {
        switch self {
        case .string(let text): Self.writeString(text, to: &out)
        case .integer(let value): out += String(value).utf8
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { out += String(Int(value)).utf8 } else { out += String(value).utf8 }
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Escapes on UTF-8 bytes: every byte that needs escaping is ASCII, except the three-byte
    /// U+2028 and U+2029 (E2 80 A8, E2 80 A9), which no other character's bytes contain.
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `text` as a JSON string, quotes included, safe inside HTML too (no `</`).
    static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs of bytes that need nothing are copied whole.
            var start = 0
            var index = 0
            func flush() {
                if start < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                let escape: String?
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                // U+2028 and U+2029 (E2 80 A8/A9) end a line in JavaScript.
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                case 0..<0x20: escape = "\\u00" + String(decoding: [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]], as: UTF8.self)
                default: escape = nil
                }
                guard let escape else { index += 1; continue }
                flush()
                out += escape.utf8
                index += byte == 0xE2 ? 3 : 1
                start = index
            }
            flush()
        }
        out.append(UInt8(ascii: "\""))
    }
}
