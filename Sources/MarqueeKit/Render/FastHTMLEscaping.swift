import Mustache

/// HTML escaping for `{{ }}` in templates: the same characters as swift-mustache's own
/// (`& < > " '`), done on UTF-8 bytes instead of Characters, which made escaping a tenth of a
/// build's time. Every template Marquee loads starts with a pragma selecting it, so escaping is
/// never weaker than the library's default: theme authors write templates as usual.
struct FastHTMLEscaping: MustacheContentType {
    static let name = "MARQUEE_HTML"
    /// Prepended to each template's text; it renders as nothing.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    /// Registering is idempotent; the library keeps content types in a locked table.
    static func register() {
        MustacheContentTypes.register(FastHTMLEscaping(), named: name)
    }

    func escapeText(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: Self.isSpecial) else { return nil }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 32)
            // Runs of ordinary bytes are copied whole.
            var start = 0
            var index = first
            while index < bytes.count {
                let byte = bytes[index]
                if Self.isSpecial(byte) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    switch byte {
                    case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B]) // &amp;
                    case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B]) // &lt;
                    case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B]) // &gt;
                    case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]) // &quot;
                    default: out.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B]) // &#39;
                    }
                    start = index + 1
                }
                index += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
