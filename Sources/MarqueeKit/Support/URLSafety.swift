import Foundation

/// Checks for URLs that come from a writer's files and end up in `href`s.
enum URLSafety {
    /// An absolute http(s) URL with a host: the only kind a `{title, url}` recommendation or an
    /// author URL may hold, so that `javascript:` and friends never reach a link.
    static func isSafeAbsoluteURL(_ text: String) -> Bool {
        guard !text.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }),
              let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty else { return false }
        return true
    }

    /// A link's scheme (RFC 3986: a letter, then letters, digits, `+`, `-` or `.`, up to a colon),
    /// lowercased; nil for anything else, which is a relative reference however many colons it
    /// holds later ("%5Bx%5D:y", "[url](https://…)"). By bytes: it runs for every link of every page.
    static func scheme(of link: String) -> String? {
        let bytes = link.utf8
        guard let first = bytes.first, isASCIILetter(first) else { return nil }
        var index = bytes.index(after: bytes.startIndex)
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") { return String(link[..<index]).lowercased() }
            guard isASCIILetter(byte) || isDigit(byte)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return nil }
            bytes.formIndex(after: &index)
        }
        return nil
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
    }

    /// RFC 3986's `pchar` less `%` (checked with its two hex digits apart): unreserved, sub-delims, `:` and `@`.
    static func isPathCharacter(_ byte: UInt8) -> Bool {
        if isASCIILetter(byte) || isDigit(byte) { return true }
        return "-._~!$&'()*+,;=:@".utf8.contains(byte)
    }
}
