import Foundation

/// Finds `href`, `src` and `id` attribute values in HTML bytes: a single forward pass, no DOM, fast
/// enough to run on every page of every build. Values are entity-decoded as a browser would.
struct HTMLScanner {
    struct Result {
        var links: [String] = []
        var ids: [String] = []
    }

    static func scan(_ bytes: [UInt8]) -> Result {
        bytes.withUnsafeBytes { scan($0) }
    }

    /// `skipping`: links left out of the result, found fine already (the site's own links; see
    /// `LinkAudit.directLinks`), looked up by their bytes without making a `String` of each.
    static func scan(_ bytes: UnsafeRawBufferPointer, skipping direct: DirectLinks? = nil) -> Result {
        var result = Result()
        let count = bytes.count
        var i = 0
        guard let base = bytes.baseAddress else { return result }
        while i + 1 < count {
            // An attribute value starts at `="` (or `='`); the name is the word just before it.
            // memchr skips to the next `=` (most bytes of a page are text, not attributes).
            guard let equals = memchr(base + i, Int32(UInt8(ascii: "=")), count - i) else { break }
            i = base.distance(to: UnsafeRawPointer(equals))
            guard i + 1 < count, bytes[i + 1] == UInt8(ascii: "\"") || bytes[i + 1] == UInt8(ascii: "'") else { i += 1; continue }
            let quote = bytes[i + 1]
            var start = i
            while start > 0, isNameByte(bytes[start - 1]) { start -= 1 }
            let nameLength = i - start
            let kind: Int // 0 none, 1 link, 2 id
            if nameLength == 4, lower(bytes[start]) == 0x68, lower(bytes[start + 1]) == 0x72, lower(bytes[start + 2]) == 0x65, lower(bytes[start + 3]) == 0x66 {
                kind = 1 // href
            } else if nameLength == 3, lower(bytes[start]) == 0x73, lower(bytes[start + 1]) == 0x72, lower(bytes[start + 2]) == 0x63 {
                kind = 1 // src
            } else if nameLength == 2, lower(bytes[start]) == 0x69, lower(bytes[start + 1]) == 0x64, start > 0, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x0A || bytes[start - 1] == 0x09 {
                kind = 2 // id
            } else {
                kind = 0
            }
            var end = count
            if i + 2 < count, let close = memchr(base + i + 2, Int32(quote), count - i - 2) { end = base.distance(to: UnsafeRawPointer(close)) }
            if kind == 1, let direct, end <= count,
               memchr(base + i + 2, Int32(UInt8(ascii: "&")), end - i - 2) == nil, // nothing to decode: the bytes are the link
               direct.contains(UnsafeRawBufferPointer(rebasing: bytes[(i + 2)..<end])) {
                i = end + 1
                continue
            }
            if kind != 0, end <= count {
                let value = decodeEntities(String(decoding: bytes[(i + 2)..<min(end, count)], as: UTF8.self))
                if kind == 1 { result.links.append(value) } else { result.ids.append(value) }
            }
            i = end + 1
        }
        return result
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x3A || b == 0x5F
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }

    static func decodeEntities(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "&")) else { return text }
        var out = text
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&apos;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out
    }
}

