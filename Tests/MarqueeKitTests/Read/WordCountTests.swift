import Testing
@testable import MarqueeKit

/// Reading time comes from the word count: the sixteen-bytes-at-a-time count against the plain
/// rule (a word starts at a byte that is not a space, tab or line break, after one that is).
struct WordCountTests {
    static func reference(_ bytes: [UInt8], inWord: Bool) -> (Int, Bool) {
        var count = 0, inWord = inWord
        for c in bytes {
            let isSpace = c == 32 || c == 9 || c == 10 || c == 13
            if !isSpace && !inWord { count += 1 }
            inWord = !isSpace
        }
        return (count, inWord)
    }

    @Test func theCountIsTheBytewiseRuleForEveryLengthAndState() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [32, 9, 10, 13, 97, 98, 0xC3, 0xA9, 46]
        for length in 1...80 {
            for trial in 0..<20 {
                let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 32 }
                let startsInWord = trial % 2 == 0
                var inWord = startsInWord
                let count = bytes.withUnsafeBufferPointer { buffer in
                    MarkdownRenderer.countWordStarts(buffer.baseAddress!, buffer.count, inWord: &inWord)
                }
                let expected = Self.reference(bytes, inWord: startsInWord)
                #expect(count == expected.0 && inWord == expected.1, "\(bytes)")
            }
        }
    }

    @Test func wordsAcrossInlineNodesAndBlocksAreCountedOnce() throws {
        let html = MarkdownRenderer().render("One *two*three, don't\n\n    code block here\n\n- a\n- b c\n", documentPath: "/")
        #expect(html.wordCount == 9)
    }
}
