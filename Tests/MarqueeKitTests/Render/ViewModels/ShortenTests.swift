import Testing
@testable import MarqueeKit

@Suite struct ShortenTests {
    /// The definition: collapse all whitespace, then keep `limit` characters, cut back to a space.
    static func reference(_ text: String, to limit: Int) -> String {
        let collapsed = text.collapsingWhitespace()
        guard collapsed.count > limit else { return collapsed }
        let cut = collapsed.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }

    /// Long texts are shortened from a head of their bytes: the same result as collapsing the
    /// whole, for text of any script, combining marks, emoji, runs of whitespace of every kind,
    /// and lengths around the head's size. (Seeded, so a failure repeats.)
    @Test func sameAsCollapsingTheWholeText() {
        let pieces = ["word", "a", "long-word-here", " ", "  ", "\t", "\n\n", "\r\n", "\u{00A0}", "\u{2003}", "é", "e\u{301}",
                      "東京物語", "باران", "👩‍👩‍👧", "🇮🇷🇫🇷", "x\u{301}\u{302}\u{303}", ".", "—"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(bound))
        }
        for round in 0..<600 {
            var text = ""
            let target = [40, 300, 640, 660, 700, 1_500, 4_000][round % 7]
            while text.utf8.count < target { text += pieces[next(pieces.count)] }
            for limit in [1, 10, 160] {
                #expect(ViewModelBuilder.shorten(text, to: limit) == Self.reference(text, to: limit), "round \(round), limit \(limit)")
            }
        }
    }

    @Test func shortTextIsKeptWhole() {
        #expect(ViewModelBuilder.shorten("  A   quiet\nfilm. ", to: 160) == "A quiet film.")
        #expect(ViewModelBuilder.shorten("one two three", to: 9) == "one two…")
    }
}
