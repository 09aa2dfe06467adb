import Testing
@testable import MarqueeKit

@Suite struct HeadingIDsTests {
    @Test(arguments: [
        ("Synopsis", "synopsis"),
        ("The Ending (Spoilers!)", "the-ending-spoilers"),
        ("Jalal Al-e Ahmad", "jalal-al-e-ahmad"),
        ("Les Quatre Cents Coups — 1959", "les-quatre-cents-coups--1959"),
        ("Ünïcödé and ÉCOLE", "ünïcödé-and-école"),
        ("داستان فیلم", "داستان-فیلم"),
        ("小津安二郎", "小津安二郎"),
        ("snake_case stays", "snake_case-stays"),
        ("“Quoted” it’s", "quoted-its"),
        ("!!!", "heading"),
        ("", "heading"),
    ])
    func slugKeepsLettersAndJoinsWords(text: String, id: String) {
        #expect(HeadingIDs.slug(text) == id)
    }

    @Test func repeatsAreNumberedAndTheThemesIDsAreTaken() {
        var ids = HeadingIDs(reserved: ["content"])
        #expect(["Notes", "Notes", "Content", "Notes", "Notes 1"].map { ids.id(for: $0) } == ["notes", "notes-1", "content-1", "notes-2", "notes-1-1"])
    }

    @Test func theDefaultThemesOwnIDsAreReserved() {
        #expect(DefaultTheme.pageIDs.isSuperset(of: ["content", "recommendations-heading", "recommended-by-heading", "toc-heading"]))
        #expect(!DefaultTheme.pageIDs.contains { $0.contains("{{") })
    }
}

@Suite struct MarkdownHeadingTests {
    let renderer = MarkdownRenderer(reservedIDs: ["content"])

    @Test func everyHeadingGetsItsIDInTheHTMLAndTheList() {
        let body = """
            ## Synopsis

            Text with *emphasis*.

            ## The `cut` and *the* ending
            Content
            -------

            > ### Quoted heading

            - ## In a list

            ## Synopsis
            """
        let rendered = renderer.render(body)
        #expect(rendered.html.contains(#"<h2 id="synopsis">Synopsis</h2>"#))
        #expect(rendered.html.contains(#"<h2 id="the-cut-and-the-ending">The <code>cut</code> and <em>the</em> ending</h2>"#))
        #expect(rendered.html.contains(#"<h2 id="content-1">Content</h2>"#))
        #expect(rendered.html.contains(#"<blockquote>"# + "\n" + #"<h3 id="quoted-heading">Quoted heading</h3>"#))
        #expect(rendered.html.contains(#"<li>"# + "\n" + #"<h2 id="in-a-list">In a list</h2>"#))
        #expect(rendered.html.contains(#"<h2 id="synopsis-1">Synopsis</h2>"#))
        #expect(rendered.headings.map(\.id) == ["synopsis", "the-cut-and-the-ending", "content-1", "quoted-heading", "in-a-list", "synopsis-1"])
        #expect(rendered.headings.map(\.level) == [2, 2, 2, 3, 2, 2])
        #expect(rendered.headings[1].text == "The cut and the ending")
    }

    @Test func excerptsShowHeadingsWithoutIDs() {
        let rendered = renderer.render("## Before\n\nFirst.\n\n<!--more-->\n\n## After\n")
        #expect(rendered.moreExcerptHTML == "<h2>Before</h2>\n<p>First.</p>\n")
        #expect(rendered.html.contains(#"<h2 id="before">"#) && rendered.html.contains(#"<h2 id="after">"#))
    }

    @Test func idsAreWrittenWithRawHTMLOffToo() {
        let safe = MarkdownRenderer(options: MarkdownOptions(rawHTML: false)).render("## One <b>x</b>\n")
        #expect(safe.html.hasPrefix(#"<h2 id="one-x">One <!-- raw HTML omitted -->x<!-- raw HTML omitted --></h2>"#))
    }

    @Test func tableOfContentsNestsTheTwoHighestRanks() {
        func headings(_ list: [(Int, String)]) -> [BodyHeading] { list.map { BodyHeading(level: $0.0, text: $0.1, id: $0.1) } }
        func shape(_ entries: [TableOfContentsEntry]) -> String {
            entries.map { $0.heading.id + ($0.children.isEmpty ? "" : "(" + $0.children.map(\.heading.id).joined(separator: " ") + ")") }.joined(separator: " ")
        }
        #expect(shape(TableOfContentsEntry.entries(headings([(2, "a"), (3, "b"), (4, "c"), (3, "d"), (2, "e"), (4, "f"), (2, "g")]))) == "a(b d) e g")
        // A second-rank heading before the first one of the top rank is an entry of its own.
        #expect(shape(TableOfContentsEntry.entries(headings([(3, "x"), (2, "y"), (3, "z")]))) == "x y(z)")
        #expect(shape(TableOfContentsEntry.entries(headings([(3, "p"), (4, "q"), (3, "r")]))) == "p(q) r")
        #expect(TableOfContentsEntry.entries([]).isEmpty)
    }
}

@Suite struct HeadingSlugBytesTests {
    /// The byte path for ASCII headings gives what the scalar rules give.
    @Test func asciiHeadingsSlugAsTheScalarRulesDo() {
        for value in 0x01...0x7F {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = "A\(scalar)b \(scalar)"
            var expected = String.UnicodeScalarView()
            for s in text.unicodeScalars {
                if s == " " || s == "-" || s.properties.isWhitespace { expected.append("-") }
                else if s == "_" || s.properties.isAlphabetic || s.properties.numericType != nil { expected.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars) }
            }
            #expect(HeadingIDs.slug(text) == String(expected), "U+\(String(value, radix: 16))")
        }
    }
}
