import Foundation

/// Bytes of an export that are not UTF-8, replaced before the XML parser sees them.
///
/// WordPress writes its exports in UTF-8 and says so, yet real ones hold stray bytes: an excerpt
/// cut in the middle of a character, Latin-1 text from an old database. libxml2 hands such bytes
/// on to Foundation's `XMLParser`, whose callbacks (a comment, an element's name) then stop the
/// process on a force-unwrapped `String`, so they never reach it: each ill-formed sequence
/// becomes U+FFFD (as `String(decoding:as:)` does), and the import names the places.
enum NotUTF8Bytes {
    /// The bytes with every ill-formed UTF-8 sequence replaced by U+FFFD, and where each one was
    /// (line and column, counted in characters from 1). The data as it is when it is UTF-8 already,
    /// or in an encoding libxml2 converts itself (`convertedByLibXML2`).
    static func replacing(in data: Data) -> (data: Data, places: [(line: Int, column: Int)]) {
        guard String(data: data, encoding: .utf8) == nil, !convertedByLibXML2(data) else { return (data, []) }
        var out = Data()
        out.reserveCapacity(data.count + 16)
        var places: [(line: Int, column: Int)] = []
        var line = 1, column = 1
        var bytes = data.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar):
                UTF8.encode(scalar) { out.append($0) }
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .error:
                places.append((line, column))
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                column += 1
            case .emptyInput:
                break decoding
            }
        }
        return (out, places)
    }

    /// Whether libxml2 converts the document into UTF-8 itself: UTF-16 (a byte-order mark, or `<`
    /// as two bytes), or an XML declaration (`<?xml … ?>` at the very start) that names an encoding
    /// it has (ISO 8859, Windows code pages, KOI8, Shift JIS, EUC, GB, Big5), whose bad bytes stop the
    /// parse with an error. Anything else is read as UTF-8, an unknown name too: libxml2 then
    /// passes the bytes on as they are.
    static func convertedByLibXML2(_ data: Data) -> Bool {
        let start = Array(data.prefix(200))
        if start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) || start.starts(with: [0x3C, 0x00]) || start.starts(with: [0x00, 0x3C]) {
            return true
        }
        guard start.starts(with: Array("<?xml".utf8)) else { return false }
        let declaration = String(decoding: start.prefix { $0 != UInt8(ascii: ">") }, as: UTF8.self).lowercased()
        guard let encoding = declaration.range(of: "encoding") else { return false }
        let value = declaration[encoding.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        let name = String(value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        return ["iso-8859-", "iso8859", "latin", "windows-", "cp125", "koi8", "shift_jis", "sjis", "euc-", "gb2312", "gbk", "gb18030", "big5", "utf-16", "ucs-"]
            .contains { name.hasPrefix($0) } || name == "us-ascii" || name == "ascii"
    }
}
