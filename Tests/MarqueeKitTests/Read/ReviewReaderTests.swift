import Foundation
import Testing
@testable import MarqueeKit

@Suite struct ReviewReaderTests {
    let config = SiteConfig(title: "T", baseURL: "https://example.org/")

    func read(_ text: String, path: String = "content/reviews/x.md") -> (Review?, [String]) {
        let (review, diagnostics) = ReviewReader(config: config).read(Data(text.utf8), path: path, defaultSlug: "x")
        return (review, diagnostics.map(\.description))
    }

    @Test func scalarsAndListsBothReadAsNames() throws {
        let (review, errors) = read("""
            ---
            title: A
            date: 2020-01-01
            rating: 4.5
            director: Majid Majidi
            writer: [Jean-Pierre Jeunet, Marc Caro]
            categories:
              - Iranian
              - Classics
            tags: [iran]
            ---
            Body
            """)
        #expect(errors.isEmpty)
        let r = try #require(review)
        #expect(r.names(TaxonomyDefinition.ID.directors).map(\.text) == ["Majid Majidi"])
        #expect(r.names(TaxonomyDefinition.ID.writers).map(\.text) == ["Jean-Pierre Jeunet", "Marc Caro"])
        #expect(r.names(TaxonomyDefinition.ID.categories).map(\.text) == ["Iranian", "Classics"])
        #expect(r.rating.halfSteps == 9)
        #expect(r.movie == "A")
    }

    @Test func unknownKeysBecomeParams() throws {
        let (review, _) = read("---\ntitle: A\ndate: 2020-01-01\nrating: 3\noriginal_title: بچه‌های آسمان\nruntime: 89\nawards: [a, b]\n---\n")
        let r = try #require(review)
        #expect(r.params["original_title"] == .string("بچه‌های آسمان"))
        #expect(r.params["runtime"] == .int(89))
        #expect(r.params["awards"] == .list([.string("a"), .string("b")]))
    }

    @Test func quotedTitleWithColon() throws {
        let (review, errors) = read("---\ntitle: \"Baran: love\"\ndate: 2020-01-01\nrating: 3\n---\n")
        #expect(errors.isEmpty)
        #expect(review?.title == "Baran: love")
    }

    @Test func crlfAndBOMReadLikeAnyOtherFile() throws {
        let (review, errors) = read("\u{FEFF}---\r\ntitle: A\r\ndate: 2020-01-01\r\nrating: 3\r\n---\r\nHello\r\nworld\r\n")
        #expect(errors.isEmpty)
        #expect(review?.body.html == "<p>Hello\nworld</p>\n")
    }

    @Test func missingRequiredKeysAreEachReported() {
        let (review, errors) = read("---\nmovie: A\n---\n")
        #expect(review == nil)
        #expect(errors == [
            "content/reviews/x.md:1:1: error: the front matter has no 'title' — add a line such as title: \"Baran: love without words\"",
            "content/reviews/x.md:1:1: error: the front matter has no 'date' — add the publication date, such as date: 2024-05-01",
            "content/reviews/x.md:1:1: error: the front matter has no 'rating' — add a rating from 0 to the site's scale, such as rating: 4.5",
        ])
    }

    @Test(arguments: [
        ("6", "content/reviews/x.md:4:9: error: rating 6 is above the site's scale of 5 — use a number from 0 to 5, or raise rating_scale in site.yml"),
        ("4.3", "content/reviews/x.md:4:9: error: rating 4.3 is not a whole or half number — round it to a half step, such as 4.5"),
        ("-1", "content/reviews/x.md:4:9: error: rating -1 is below 0 — ratings go from 0 to 5"),
        ("five", "content/reviews/x.md:4:9: error: rating must be a number, found 'five' — write a number from 0 to 5, such as rating: 3.5 (8/10 and stars such as ★★★½ are read too)"),
    ])
    func badRatings(value: String, expected: String) {
        let (_, errors) = read("---\ntitle: A\ndate: 2020-01-01\nrating: \(value)\n---\n")
        #expect(errors == [expected])
    }

    @Test func datesWithoutOffsetUseTheSiteTimeZone() throws {
        var config = self.config
        config.timeZone = try #require(TimeZone(identifier: "Asia/Kolkata"))
        let (review, _) = ReviewReader(config: config).read(Data("---\ntitle: A\ndate: 2009-03-14\nrating: 3\n---\n".utf8), path: "x.md", defaultSlug: "x")
        #expect(review?.date.rfc3339 == "2009-03-14T00:00:00+05:30")
        let (withOffset, _) = ReviewReader(config: config).read(Data("---\ntitle: A\ndate: 2009-03-14T18:30:00Z\nrating: 3\n---\n".utf8), path: "x.md", defaultSlug: "x")
        #expect(withOffset?.date.rfc3339 == "2009-03-14T18:30:00Z")
    }

    @Test func badDates() {
        #expect(read("---\ntitle: A\ndate: yesterday\nrating: 3\n---\n").1 == [
            "content/reviews/x.md:3:7: error: 'yesterday' is not a date — write YYYY-MM-DD (2024-05-01) or RFC 3339 (2024-05-01T18:30:00+05:30)",
        ])
        #expect(read("---\ntitle: A\ndate: 2023-02-30\nrating: 3\n---\n").1 == [
            "content/reviews/x.md:3:7: error: '2023-02-30' is not a real date: day 30 does not exist in February 2023 — check the date and time",
        ])
    }

    @Test func excerptPrefersMoreThenSummaryThenFirstParagraph() throws {
        let more = try #require(read("---\ntitle: A\ndate: 2020-01-01\nrating: 3\nsummary: S\n---\nOne.\n\nTwo.\n\n<!--more-->\n\nThree.\n").0)
        #expect(more.excerpt.html == "<p>One.</p>\n<p>Two.</p>\n")
        let summary = try #require(read("---\ntitle: A\ndate: 2020-01-01\nrating: 3\nsummary: The <gist> & more.\n---\nOne.\n\nTwo.\n").0)
        #expect(summary.excerpt.html == "<p>The &lt;gist&gt; &amp; more.</p>\n") // plain text, escaped
        #expect(summary.excerpt.text == "The <gist> & more.")
        let first = try #require(read("---\ntitle: A\ndate: 2020-01-01\nrating: 3\n---\n# Head\n\nOne *x*.\n\nTwo.\n").0)
        #expect(first.excerpt.html == "<p>One <em>x</em>.</p>\n")
        #expect(first.body.wordCount == 4)
    }
}

@Suite struct FrontMatterKeyTests {
    @Test func aMisspeltKeyIsKeptButWarnedAbout() throws {
        let config = SiteConfig(title: "T", baseURL: "https://example.org/")
        let (review, diagnostics) = ReviewReader(config: config).read(Data("---\ntitle: A\ndate: 2020-01-01\nrating: 3\ncatagory: Drama\nmood: calm\n---\n".utf8),
                                                                      path: "x.md", defaultSlug: "x")
        #expect(review?.params["catagory"] == .string("Drama"))
        #expect(diagnostics.map(\.description) == ["x.md:5:1: warning: 'catagory' is not a key Marquee reads; it is kept for templates under params — did you mean 'category'?"])
    }
}
