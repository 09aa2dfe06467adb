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

    private static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var bytes = text.utf8.makeIterator()
        var pending: [UInt8] = [] // the lead bytes of a possible U+2028/U+2029
        while let byte = bytes.next() {
            if !pending.isEmpty {
                pending.append(byte)
                if pending.count == 2 && byte == 0x80 { continue }
                if pending.count == 3 && (byte == 0xA8 || byte == 0xA9) {
                    out += Array("\\u202".utf8)
                    out.append(byte == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                    pending.removeAll()
                    continue
                }
                // Not a separator: the bytes go out as they are (the last may start another).
                let last = pending.removeLast()
                out += pending
                pending.removeAll()
                if last == 0xE2 { pending.append(last); continue }
                out.append(last)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): out += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
            case UInt8(ascii: "\n"): out += Array("\\n".utf8)
            case UInt8(ascii: "\r"): out += Array("\\r".utf8)
            case UInt8(ascii: "\t"): out += Array("\\t".utf8)
            case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): out += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): out += Array("\\u0026".utf8)
            case 0xE2: pending.append(byte)
            case 0..<0x20: out += Array("\\u00".utf8) + [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            default: out.append(byte)
            }
        }
        out += pending
        out.append(UInt8(ascii: "\""))
    }
}
