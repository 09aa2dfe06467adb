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
///    - a Han, Kana or Hangul character is a term of its own (CJK is written without spaces);
///    - any other letter or digit (`\p{L}`, `\p{N}`) continues the current word;
///    - anything else (spaces, punctuation, symbols) ends it.
/// 3. Recompose each word (NFC), so Hangul syllables and Indic letters are whole again.
///
/// Text that is all ASCII (most of a Latin-script site) takes a byte loop doing the same.
enum SearchFolding {
    /// The terms of `text`, in order, repeats kept.
    static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(text) { terms.append($0) }
        return terms
    }

    /// Calls `body` with each term of `text`.
    static func forEachTerm(_ text: String, _ body: (String) -> Void) {
        var text = text
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            text.withUTF8 { asciiTerms($0, body) }
            return
        }
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

    /// The same for ASCII text: letters lower-cased, letters and digits form words.
    private static func asciiTerms(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (String) -> Void) {
        var start = -1
        for (offset, byte) in bytes.enumerated() {
            let isWord = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
            if isWord, start < 0 { start = offset }
            if !isWord, start >= 0 {
                body(lowered(UnsafeBufferPointer(rebasing: bytes[start..<offset])))
                start = -1
            }
        }
        if start >= 0 { body(lowered(UnsafeBufferPointer(rebasing: bytes[start...]))) }
    }

    private static func lowered(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (offset, byte) in bytes.enumerated() { buffer[offset] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
            return bytes.count
        }
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
