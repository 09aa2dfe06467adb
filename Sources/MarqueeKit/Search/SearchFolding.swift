import Foundation

/// Turns text into search terms as a reader types them: the same rule runs in the browser
/// (`static/search.js`, `fold`), so a query meets the index's terms exactly. Every step is one a
/// browser has built in (`toLowerCase`, `normalize`), and the character classes are code-point
/// ranges written out in both, not script properties the two engines might see differently.
///
/// 1. Lower-case the text (full Unicode mapping), then decompose it for compatibility (NFKD):
///    `Éric` → `e` + U+0301 + `ric`, `ﬁ` → `fi`, full-width `Ａ` → `a`.
/// 2. Walk the scalars:
///    - a combining mark (`\p{M}`) after a Latin, Greek or Cyrillic letter (below U+0530, or
///      U+1E00–U+1FFF) is dropped: accents do not matter to a reader typing without them. After
///      any other letter it is kept: in Devanagari, Tamil or Persian the mark is part of the letter
///      (`हिन्दी` keeps its vowel signs and virama); a mark with no letter before it is dropped;
///    - ZWNJ, ZWJ, the soft hyphen and the Arabic tatweel are dropped, joining their word:
///      `بچه‌های` is found by `بچههای` (a phone keyboard often omits the ZWNJ) and, by prefix, by `بچه`;
///    - Arabic yeh and kaf become their Persian forms, Arabic-Indic and Persian digits ASCII
///      digits, the Greek final sigma σ, so the variants of one word are one term;
///    - a Han, Kana or Hangul character (with its marks; a syllable's jamo) is a term of its own
///      (CJK is written without spaces);
///    - any other letter or digit (`\p{L}`, `\p{N}`) continues the current word;
///    - anything else (spaces, punctuation, symbols) ends it.
/// 3. Recompose each word (NFC), so Hangul syllables and Indic letters are whole again.
///
/// Words of ASCII letters and digits (most of a Latin-script site) take a byte loop doing the same.
enum SearchFolding {
    /// The terms of `text`, in order, repeats kept.
    static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(text) { terms.append($0) }
        return terms
    }

    /// Calls `body` with each term of `text`.
    static func forEachTerm(_ text: String, _ body: (String) -> Void) {
        forEachTermBytes(text) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// Calls `body` with the UTF-8 of each term of `text`, valid only during the call: the index
    /// counts terms by their bytes (`TermTable`), without a String for every word of every excerpt.
    ///
    /// ASCII punctuation and spaces end a word whatever surrounds them (and leave nothing of the
    /// walk's state behind), so the text is cut there first: a piece of ASCII letters and digits is
    /// lower-cased as it is, and only a piece holding other characters takes the Unicode walk.
    static func forEachTermBytes(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        func give(_ term: String) {
            var term = term
            term.withUTF8(body)
        }
        // ASCII capitals lowered in one pass over the whole text: a piece of ASCII is then its
        // term as it lies, and the other pieces fold the same from lowered ASCII.
        var lowered = Array(text.utf8)
        for offset in lowered.indices where (0x41...0x5A).contains(lowered[offset]) { lowered[offset] |= 0x20 }
        lowered.withUnsafeBufferPointer { bytes in
            var start = 0, ascii = true
            for offset in 0...bytes.count {
                let byte = offset < bytes.count ? bytes[offset] : 0x20
                if byte >= 0x80 {
                    ascii = false
                } else if !isASCIILetterOrDigit(byte) {
                    if offset > start {
                        let piece = UnsafeBufferPointer(rebasing: bytes[start..<offset])
                        if ascii {
                            body(piece)
                        } else if let term = latinTerm(piece) { give(term) } else {
                            unicodeTerms(String(decoding: piece, as: UTF8.self), give)
                        }
                    }
                    start = offset + 1
                    ascii = true
                }
            }
        }
    }

    /// A piece of ASCII letters and digits and of Latin letters with a fold of their own into
    /// ASCII letters (`é` → `e`, `ß` → `ss`), folded letter by letter: a word of a French or
    /// German title need not go through the Unicode walk. Nil for any other piece.
    private static func latinTerm(_ piece: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(piece.count)
        for scalar in String(decoding: piece, as: UTF8.self).unicodeScalars {
            let value = Int(scalar.value)
            if value < 0x80 {
                out.append((0x41...0x5A).contains(value) ? UInt8(value) | 0x20 : UInt8(value))
            } else if value < 0x80 + latinFolds.count, let fold = latinFolds[value - 0x80] {
                out += fold.utf8
            } else {
                return nil
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// U+0080–U+024F: each letter's fold by the walk, when it is one term of ASCII letters.
    /// (Lower-casing and decomposing a letter do not depend on its neighbours, and its marks
    /// are dropped: so a word of them folds letter by letter.)
    private static let latinFolds: [String?] = (0x80...0x24F).map { value in
        guard let scalar = Unicode.Scalar(value) else { return nil }
        var found: [String] = []
        unicodeTerms(String(scalar)) { found.append($0) }
        return found.count == 1 && found[0].utf8.allSatisfy(isASCIILetterOrDigit) ? found[0] : nil
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
    }

    /// The walk of the rule above, for a piece of text with characters beyond ASCII.
    private static func unicodeTerms(_ text: String, _ body: (String) -> Void) {
        var word = String.UnicodeScalarView()
        var stripsMarks = false // the word's last letter is one whose accents are dropped
        var isCJKUnit = false // the word is one CJK character (with its marks, or a Hangul syllable's jamo)
        func end() {
            if !word.isEmpty { body(String(word).precomposedStringWithCanonicalMapping) }
            word = String.UnicodeScalarView()
            isCJKUnit = false
        }
        for scalar in text.lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars {
            let value = scalar.value
            if isMark(scalar) {
                if !word.isEmpty, !stripsMarks { word.append(scalar) }
                continue
            }
            if value == 0x200C || value == 0x200D || value == 0x00AD || value == 0x0640 { continue }
            // A Hangul syllable decomposes into jamo: its vowel and final jamo belong to it.
            if isCJKUnit, (0x1160...0x11FF).contains(value) {
                word.append(scalar)
                continue
            }
            if isCJK(value) {
                end()
                word.append(scalar)
                isCJKUnit = true
                stripsMarks = false
                continue
            }
            let mapped = map(scalar)
            if isWordCharacter(mapped) {
                if isCJKUnit { end() }
                word.append(mapped)
                stripsMarks = mapped.value < 0x0530 || (0x1E00...0x1FFF).contains(mapped.value)
            } else {
                end()
            }
        }
        end()
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }

    /// Han (with its extensions and compatibility forms), Hiragana, Katakana and Hangul.
    static func isCJK(_ value: UInt32) -> Bool {
        (0x3040...0x30FF).contains(value) || (0x31F0...0x31FF).contains(value) || (0x3400...0x4DBF).contains(value)
            || (0x4E00...0x9FFF).contains(value) || (0xAC00...0xD7AF).contains(value) || (0x1100...0x11FF).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0x20000...0x2FFFF).contains(value)
    }

    /// One spelling for variants of one letter or digit.
    private static func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x064A, 0x0649: "\u{06CC}" // Arabic yeh, alef maksura → Persian yeh
        case 0x0643: "\u{06A9}" // Arabic kaf → Persian keheh
        case 0x03C2: "\u{03C3}" // final sigma
        case 0x0660...0x0669: Unicode.Scalar(scalar.value - 0x0660 + 0x30) ?? scalar
        case 0x06F0...0x06F9: Unicode.Scalar(scalar.value - 0x06F0 + 0x30) ?? scalar
        default: scalar
        }
    }
}
