import Testing
@testable import MarqueeKit

@Suite struct WrittenRatingTests {
    @Test(arguments: [
        ("4.5", 5, Rating.Written.number(4.5)),
        ("8/10", 10, .number(8)),
        ("8/10", 5, .number(4)),
        ("7/10", 5, .number(3.5)),
        ("3/4", 5, .outOfScale(numerator: 3, denominator: 4)),
        ("11/10", 5, .notANumber),
        ("★★★½", 5, .number(3.5)),
        ("★★★☆☆", 5, .number(3)),
        ("½", 5, .number(0.5)),
        ("☆☆", 5, .notANumber),
        ("★☆★", 5, .notANumber),
        ("great", 5, .notANumber),
    ])
    func ratingsAsBlogsWriteThem(text: String, scale: Int, expected: Rating.Written) {
        #expect(Rating.parseWritten(text, scale: scale) == expected)
    }

    @Test func aFractionThatDoesNotFitSaysWhichScaleWould() throws {
        let site = TestSite(["content/reviews/a.md": TestSite.review(title: "A", rating: "\"3/4\"")])
        guard case .failure(let failure) = site.render() else { Issue.record("the build passed"); return }
        #expect(failure.diagnostics.map(\.description) == [
            "content/reviews/a.md:4:9: error: rating 3/4 does not fit the site's scale of 5 in half steps — write a number from 0 to 5, or set rating_scale: 4 in site.yml to give every rating out of 4",
        ])
        let stars = TestSite(["content/reviews/a.md": TestSite.review(title: "A", rating: "★★★½")])
        #expect(try stars.pages()["reviews/a/index.html"]?.contains("3.5 out of 5") == true)
    }
}
