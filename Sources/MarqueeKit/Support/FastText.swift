import Foundation

/// Byte-level shortcuts for text operations that run for every file, page or link of a build,
/// where Foundation's general versions (bridged through NSString on Linux) cost thousands of
/// instructions a call. Each gives exactly the answer of the general version it stands in for,
/// falling back to it when the fast case does not apply.
extension String {
    /// Whether the UTF-8 bytes contain `byte` (an ASCII byte: it never occurs inside a multi-byte character).
    func containsByte(_ byte: UInt8) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ buffer -> Bool in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }) {
            return found
        }
        return utf8.contains(byte)
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation when neither end is
    /// whitespace (nearly always).
    func trimmingWhitespaceAndNewlines() -> String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if Self.isPlainByte(first) && Self.isPlainByte(last) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs of whitespace as one space, none at the ends. ASCII text is done on bytes; other text
    /// by `Character.isWhitespace`, as a writer's eye sees it.
    func collapsingWhitespace() -> String {
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return collapsingWhitespaceScalars() ?? split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var pendingSpace = false
        for byte in utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20); pendingSpace = false }
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same on Unicode scalars, which is what the Characters give when no whitespace scalar
    /// starts a longer grapheme (a space followed by a combining mark, or "\r\n", which is
    /// whitespace either way): nil when one does, for the Character version to decide.
    private func collapsingWhitespaceScalars() -> String? {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var afterWhitespace = false
        for scalar in unicodeScalars {
            let properties = scalar.properties
            if afterWhitespace, properties.isGraphemeExtend || properties.generalCategory == .spacingMark || scalar.value == 0x200D {
                return nil
            }
            if properties.isWhitespace {
                pendingSpace = !out.isEmpty
                afterWhitespace = scalar != "\r"
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(scalar)
                afterWhitespace = false
            }
        }
        return String(out)
    }

    /// `trimmingCharacters(in: .whitespaces)`, without Foundation when neither end is whitespace.
    func trimmingWhitespace() -> String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if Self.isPlainByte(first) && Self.isPlainByte(last) { return self }
        return trimmingCharacters(in: .whitespaces)
    }

    /// `removingPercentEncoding`, skipped when there is no `%` to decode.
    var removingPercentEncodingIfAny: String? {
        containsByte(UInt8(ascii: "%")) ? removingPercentEncoding : self
    }

    /// An ASCII byte that is not whitespace: a string starting and ending with one needs no trimming.
    private static func isPlainByte(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte)
    }
}
