import Foundation
import Testing
import Yams
@testable import MarqueeKit

@Suite struct YAMLWriterTests {
    static let hostile = [
        "plain words", "yes", "No", "null", "~", "123", "2009-03-14", "0x1F", "a: b", "a #b", "- item", "[list]", "{map}", "*alias", "&anchor",
        "!tag", "|", ">", "'single'", "\"double\"", "back\\slash", "trailing ", " leading", "tab\there", "line\nbreak", "%percent", "@at", "`tick`",
        "---", "...", "key:", "ünïcödé", "جدایی نادر از سیمین", "\u{2028}separator", "</script><script>alert(1)</script>", "comma, in it",
    ]

    @Test(arguments: hostile)
    func everyValueReadsBackAsTheSameText(_ value: String) throws {
        let yaml = "key: \(YAMLWriter.scalar(value))\nlist: \(YAMLWriter.list([value, "second"]))\n" + YAMLWriter.text("text", value, indent: "") + "\n"
        // Loaded with types resolved: a value written plain that YAML read as a number, a date or a
        // boolean would not come back as this String.
        let loaded = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        #expect(loaded["key"] as? String == value)
        #expect(loaded["list"] as? [String] == [value, "second"])
        #expect(loaded["text"] as? String == value)
    }

    @Test func controlCharactersAreRemovedAsMarqueeWouldWarn() {
        #expect(YAMLWriter.scalar("bell\u{07}s") == "bells")
    }

    @Test func multiLineTextIsALiteralBlockWhenItReadsBack() {
        #expect(YAMLWriter.text("text", "one\n\ntwo", indent: "  ") == "  text: |-\n    one\n\n    two")
    }
}
