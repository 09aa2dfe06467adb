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

    /// Runs of whitespace as one space, none at the ends, whitespace as `Character.isWhitespace`
    /// (a writer's eye) sees it. Done on the UTF-8 bytes; when a whitespace scalar starts a longer
    /// grapheme (a space followed by a combining mark), the Characters decide.
    func collapsingWhitespace() -> String {
        collapsingWhitespaceBytes() ?? split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The same on bytes: nil when a whitespace scalar is followed by a grapheme extender, a
    /// spacing mark or a zero-width joiner (it then starts a longer Character, which may not be
    /// whitespace). Only a non-ASCII scalar right after whitespace has its properties looked up:
    /// smart punctuation makes nearly every body non-ASCII, and the lookup per scalar was most of
    /// the cost of every page's description.
    private func collapsingWhitespaceBytes() -> String? {
        var text = self
        return text.withUTF8 { input -> String? in
            let count = input.count
            var out = [UInt8]()
            out.reserveCapacity(count)
            var pendingSpace = false
            var afterWhitespace = false
            var afterPrepend = false
            var i = 0
            while i < count {
                let lead = input[i]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                guard i + length <= count else { return nil }
                var value = UInt32(lead)
                if length > 1 {
                    value &= length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07
                    for k in 1..<length { value = value << 6 | UInt32(input[i + k] & 0x3F) }
                    if afterWhitespace {
                        guard let scalar = Unicode.Scalar(value) else { return nil }
                        let properties = scalar.properties
                        if Self.joinsThePrevious(value, properties) { return nil }
                    }
                }
                if Self.isWhitespaceScalar(value) {
                    if afterPrepend { return nil } // a prepended mark holds the space in its Character
                    pendingSpace = !out.isEmpty
                    afterWhitespace = value != 0x0D // "\r\n" is one Character, whitespace either way
                } else {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    for k in 0..<length { out.append(input[i + k]) }
                    afterWhitespace = false
                }
                afterPrepend = length > 1 && Self.isPrependScalar(value)
                i += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether a scalar joins the one before it into one Character, or may (Grapheme_Cluster_Break
    /// Extend, ZWJ or SpacingMark): grapheme extenders, emoji modifiers, the zero-width joiner,
    /// spacing marks, and Thai and Lao SARA AM (letters that Unicode counts as spacing marks). A few
    /// spacing marks that do not join are answered yes too: the caller then asks the Characters.
    static func joinsThePrevious(_ value: UInt32, _ properties: Unicode.Scalar.Properties) -> Bool {
        properties.isGraphemeExtend || properties.generalCategory == .spacingMark || value == 0x200D
            || value == 0x0E33 || value == 0x0EB3 || (0x1F3FB...0x1F3FF).contains(value)
    }

    /// Unicode's Grapheme_Cluster_Break=Prepend scalars (Unicode 15.1): each joins the scalar after
    /// it, a space included, into one Character.
    static func isPrependScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x0D4E, 0x110BD, 0x110CD, 0x111C2...0x111C3,
             0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02: return true
        default: return false
        }
    }

    /// Unicode's White_Space property (what `Unicode.Scalar.Properties.isWhitespace` and
    /// `Character.isWhitespace` read), as a table of its 25 scalars.
    static func isWhitespaceScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
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
