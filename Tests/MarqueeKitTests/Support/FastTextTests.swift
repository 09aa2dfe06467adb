import Foundation
import Testing
@testable import MarqueeKit

/// The byte-level shortcuts must answer exactly as the general versions they stand in for.
@Suite struct FastTextTests {
    static let samples = [
        "", " ", "plain", " padded ", "\tcrlf\r\n", "line\nbreaks\n\nand  runs", "caf\u{E9} au lait",
        "\u{A0}no-break\u{A0}", "ideographic\u{3000}space", "\u{2028}separators\u{2029}", "combining e\u{301}",
        "100%", "%20%2F", "a%zz", "%", "&amp; &lt;", "trailing\u{85}", "emoji 🎬 ", "\u{0}nul", "x\u{1F}y",
    ]

    @Test func containsByteMatchesUTF8Contains() {
        for text in Self.samples {
            for byte: UInt8 in [0, 9, 13, 0x20, 0x25, 0x26, 0x41] {
                #expect(text.containsByte(byte) == text.utf8.contains(byte), "\(text.debugDescription) \(byte)")
            }
            // Substring-backed and bridged strings take the slow path and agree too.
            let bridged = String(NSString(string: text))
            #expect(bridged.containsByte(0x25) == text.utf8.contains(0x25))
        }
    }

    @Test func trimmingMatchesFoundation() {
        for text in Self.samples {
            #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    @Test func percentDecodingMatchesFoundation() {
        for text in Self.samples {
            #expect(text.removingPercentEncodingIfAny == text.removingPercentEncoding, "\(text.debugDescription)")
        }
    }

    @Test func collapsingWhitespaceMatchesSplittingOnCharacters() {
        let unicode = ["“Quoted” — text’s\u{00A0}space", "a\u{2003}\u{2003}b\u{3000}c", " e\u{301} \u{301}x", "a \u{200D}b",
                       "Θόδωρος  Αγγελόπουλος\r\n", "小津\u{2028}安二郎", "👍🏽 ok\u{85}end", "tab\t\u{FE0F}x"]
        for text in Self.samples + ["  a \t b\n\nc  ", "\r\n\r\n", "a\u{B}b\u{C}c"] + unicode {
            #expect(text.collapsingWhitespace() == text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "),
                    "\(text.debugDescription)")
        }
    }

    /// Every scalar of the first planes and the Prepend ones beyond, before, after and between spaces.
    @Test func collapsingWhitespaceMatchesCharactersForEveryScalarNearASpace() {
        let values = Array(0x1...0x3100) + Array(0xA800...0xABFF) + Array(0xFE00...0xFE2F) + Array(0x1F1E6...0x1F1FF) + Array(0x1F300...0x1F3FF)
            + [0x110BD, 0x110CD, 0x1193F, 0x11A84, 0xE0020, 0xE0100]
        for value in values {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = " a\(scalar) \(scalar)b \(scalar)\(scalar) c\u{2003}\(scalar)"
            #expect(text.collapsingWhitespace() == text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "),
                    "U+\(String(value, radix: 16, uppercase: true))")
        }
    }

    @Test func foldingASCIIMatchesFoundation() {
        for text in Self.samples + ["Majid  MAJIDI", " Asghar\tFarhadi ", "A-B_c.D~", "\u{1F}ctrl"] where text.utf8.allSatisfy({ $0 < 0x80 }) {
            for accents in [false, true] {
                #expect(TaxonomyBuilder.fold(text, accents: accents) == TaxonomyBuilder.foldedByFoundation(text, accents: accents), "\(text.debugDescription)")
            }
        }
        #expect(TaxonomyBuilder.fold("Márta  MÉSZÁROS", accents: true) == "marta meszaros")
    }

    @Test func segmentsAreEncodedOnlyWhenNeeded() {
        #expect(Permalinks.encode("children-of-heaven") == "children-of-heaven")
        #expect(Permalinks.encode("a b/ü") == "a%20b%2F%C3%BC")
        #expect(Permalinks.encode("~._-") == "~._-")
    }
}
