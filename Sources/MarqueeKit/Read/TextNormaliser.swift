/// Makes every text file read the same whatever editor wrote it: no UTF-8 byte order mark,
/// and LF line ends (CRLF and lone CR become LF), so line and column numbers mean one thing.
enum TextNormaliser {
    static func normalise(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard text.containsByte(13) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

import Foundation
