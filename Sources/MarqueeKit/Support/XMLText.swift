/// Escaping for XML text and attributes (Atom, sitemap). Characters XML 1.0 cannot hold at all
/// (most C0 controls, U+FFFE, U+FFFF) are dropped, so no front matter value can make a feed malformed;
/// so are the C1 controls (U+0080–U+009F), which XML allows but no feed reader shows.
enum XMLText {
    static func escape(_ text: String) -> String {
        // Printable ASCII without markup characters (URLs, dates, most titles) is already safe.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 && $0 != 0x27 }) { return text }
        // On UTF-8 bytes: a feed's entries carry whole review bodies, and appending them scalar by
        // scalar to a String cost ~460 instructions a character.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8 + 16)
        var utf8 = text.utf8.makeIterator()
        var pending: UInt8? = nil
        while let byte = pending ?? utf8.next() {
            pending = nil
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&apos;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0x00..<0x20, 0x7F: continue
            case 0xC2:
                // U+0080…U+00BF: C2 80…C2 BF; the controls are C2 80…C2 9F.
                guard let next = utf8.next() else { return String(decoding: out, as: UTF8.self) }
                if next >= 0x80 && next <= 0x9F { continue }
                out.append(byte); out.append(next)
            case 0xEF:
                // U+FFFE and U+FFFF: EF BF BE and EF BF BF.
                guard let second = utf8.next() else { return String(decoding: out, as: UTF8.self) }
                guard second == 0xBF else { out.append(byte); pending = second; continue }
                guard let third = utf8.next() else { return String(decoding: out, as: UTF8.self) }
                if third == 0xBE || third == 0xBF { continue }
                out.append(byte); out.append(second); out.append(third)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
