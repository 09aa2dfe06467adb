import Testing
import MarqueeTemplates
@testable import MarqueeKit

@Suite struct WordFoldingTests {
    static let words = TemplateValue.object(TemplateObject(fields: [
        "card": .object(TemplateObject(fields: ["read_more": .html("Lire la critique"), "odd": .html("{{x}}")])),
        "review": .object(TemplateObject(fields: ["reading_time": .object(TemplateObject(fields: ["after": .html(" min")]))])),
    ]))

    static func fold(_ text: String) -> String {
        WordFolding(words).fold(TemplateSource(name: "t", path: "templates/t.mustache", text: text)).text
    }

    @Test func triplesAndAmpersandsNamingAWordBecomeItsHTML() {
        #expect(Self.fold("<a>{{{words.card.read_more}}}</a>") == "<a>Lire la critique</a>")
        #expect(Self.fold("{{& words.card.read_more }}|{{{ words.review.reading_time.after }}}") == "Lire la critique| min")
    }

    @Test func everythingElseIsLeftToTheEngine() {
        // escaped tags, sections, unknown ids, objects, a word holding braces
        for text in ["{{words.card.read_more}}", "{{#words.card}}x{{/words.card}}", "{{{words.card.nope}}}",
                     "{{{words.card}}}", "{{{words.card.odd}}}", "{{{review.title}}}", "{{ words.card.read_more }"] {
            #expect(Self.fold(text) == text, "\(text)")
        }
        // a template that changes its delimiters is not touched at all
        let custom = "{{=<% %>=}}<%{ words.card.read_more }%>{{{words.card.read_more}}}"
        #expect(Self.fold(custom) == custom)
    }
}
