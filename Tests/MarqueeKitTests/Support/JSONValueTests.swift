import Foundation
import Testing
@testable import MarqueeKit

@Suite struct JSONValueTests {
    static let strings = [
        "", "plain", "quote \" and \\ backslash", "</script><!--", "a & b > c", "line\nbreak\r\ttab", "\u{0}\u{1}\u{1F}\u{7F}",
        "separators \u{2028} and \u{2029}", "\u{2028}", "\u{2029}\u{2029}", "other E2 characters: … — ‘’ € \u{2027}\u{202A}", "emoji 🎬 café",
    ]

    /// Every string goes through a JSON parser and comes back as it was, and nothing in the text
    /// can end a `<script>` element or break a line in JavaScript.
    @Test func stringsRoundTripAndAreScriptSafe() throws {
        for text in Self.strings {
            let json = JSONValue.object([("value", .string(text)), ("list", .array([.string(text), .integer(3), .number(4.5)]))]).scriptSafeText
            #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"), "\(json)")
            #expect(!json.contains("\u{2028}") && !json.contains("\u{2029}") && !json.contains("\n"), "\(json)")
            let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            #expect(parsed?["value"] as? String == text, "\(json)")
            #expect((parsed?["list"] as? [Any])?.first as? String == text)
        }
    }

    @Test func numbersAndOrder() {
        #expect(JSONValue.object([("b", .integer(1)), ("a", .number(4.0)), ("c", .number(4.5))]).scriptSafeText == #"{"b":1,"a":4,"c":4.5}"#)
    }
}
