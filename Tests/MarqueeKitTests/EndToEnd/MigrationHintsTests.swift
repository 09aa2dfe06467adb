import Foundation
import Testing
@testable import MarqueeKit

/// What a blog moved from Hugo or Jekyll brings that Marquee reads differently: each is said, at
/// its place, instead of passing in silence.
@Suite struct MigrationHintsTests {
    @Test func aJekyllFileNameGivesTheDateAndTheAddress() throws {
        let site = TestSite([
            "content/reviews/2023-11-25-barbie.md": "---\ntitle: Barbie\nrating: 4\n---\n\nPink.\n",
            "content/reviews/2023-11-26-oppenheimer.md": "---\ntitle: Oppenheimer\nrating: 4\ndate: 2023-07-21\n---\n\nBoom.\n",
        ])
        let pages = try site.pages()
        let barbie = try #require(pages["reviews/barbie/index.html"])
        #expect(barbie.contains(#"<time datetime="2023-11-25">"#))
        // With a date of its own, the file name stays the address.
        #expect(pages["reviews/2023-11-26-oppenheimer/index.html"] != nil)
    }

    @Test func otherGeneratorsSyntaxIsAWarningEach() throws {
        let site = TestSite([
            "content/reviews/a.md": TestSite.review(title: "A", extra: "director: \"Joel Coen, Ethan Coen\"", body: """
                Watch the trailer:

                {{< youtube dQw4w9WgXcQ >}}

                As `{{< shown >}}` in code, it is fine. {% include note.html %}
                """),
            "content/_posts/old.md": "---\ntitle: Old\n---\n",
            "content/_index.md": "---\ntitle: Home\n---\n",
        ])
        let warnings = try site.render().get().warnings.map(\.description)
        #expect(warnings == [
            "content/_index.md:1:1: warning: content/_index.md is not read: content files belong in content/reviews/, content/posts/ or content/pages/ — move it into one of those",
            "content/_posts:1:1: warning: content/_posts/ is not read: Marquee builds the reviews in content/reviews/, the articles in content/posts/ and the pages in content/pages/ — move its files into one of those (a dated post without a rating is an article)",
            "content/reviews/a.md:5:11: warning: 'director' is one name here, 'Joel Coen, Ethan Coen'; for 2 names, write a list — write director: [Joel Coen, Ethan Coen]; a name with a comma in it goes in quotes inside a list: [\"Sammy Davis, Jr.\"]",
            "content/reviews/a.md:10:1: warning: '{{< youtube dQw4w9WgXcQ >}}' is a Hugo shortcode, which Marquee does not run: the page shows it as text — write it as Markdown or HTML instead (a link, an image, an <iframe> for a video), or put it in `code` to show it",
            "content/reviews/a.md:12:1: warning: '{% include note.html %}' is a Liquid tag (Jekyll's), which Marquee does not run: the page shows it as text — write it as Markdown or HTML instead (a link, an image, an <iframe> for a video), or put it in `code` to show it",
        ])
    }

    /// Smart punctuation has curled the tag's quotes in the text cmark gives; the warning quotes
    /// the tag as the file has it.
    @Test func aTagIsQuotedAsWrittenNotAsSmartPunctuationMadeIt() throws {
        let site = TestSite(["content/reviews/a.md": TestSite.review(title: "A", body: "Here: {% include n id=\"x\" t='y' %} -- and...")])
        let warnings = try site.render().get().warnings.map(\.description)
        #expect(warnings.contains { $0.contains(#"'{% include n id="x" t='y' %}' is a Liquid tag"#) }, "\(warnings)")
        #expect(!warnings.contains { $0.contains("\u{201C}") || $0.contains("\u{2019}") })
    }
}
