import Foundation
import Testing
@testable import MarqueeKit

@Suite struct SuggesterTests {
    func review(_ slug: String, _ date: String, rating: String, _ extra: String = "") -> String {
        TestSite.review(title: slug.capitalized, date: date, rating: rating, extra: extra)
    }

    /// "target" shares a director with "same-director", only a category with "same-category".
    let site = TestSite([
        "content/reviews/target.md": TestSite.review(title: "Target", date: "2020-01-10", rating: "4", extra: "director: Majid Majidi\ncategory: Iranian\nyear: 1997"),
        "content/reviews/same-director.md": TestSite.review(title: "Same Director", date: "2020-01-01", rating: "4", extra: "director: Majid Majidi\nyear: 2001"),
        "content/reviews/same-category.md": TestSite.review(title: "Same Category", date: "2020-01-09", rating: "5", extra: "category: Iranian\nyear: 1997"),
        "content/reviews/low-rated.md": TestSite.review(title: "Low Rated", date: "2020-01-08", rating: "3.5", extra: "director: Majid Majidi\ncategory: Iranian"),
        "content/reviews/tie-b.md": TestSite.review(title: "Tie B", date: "2020-01-05", rating: "4", extra: "category: Iranian"),
        "content/reviews/tie-a.md": TestSite.review(title: "Tie A", date: "2020-01-05", rating: "4", extra: "category: Iranian"),
        "content/reviews/explicit.md": TestSite.review(title: "Explicit", date: "2020-01-02", rating: "4", extra: "director: Majid Majidi\nrecommend: tie-a"),
        "content/reviews/loner.md": TestSite.review(title: "Loner", date: "2020-01-03", rating: "5"),
    ], siteYML: TestSite.siteYML + "\nrecommendations: {count: 3}")

    func recommendations(of slug: String, in site: TestSite? = nil) throws -> [(slug: String, explicit: Bool, reason: String?)] {
        let content = try #require(SiteReader(fileSystem: InMemoryFileSystem((site ?? self.site).files)).read().0)
        let built = try #require(SiteAssembler(options: PublishingOptions(now: TestSite.fixedNow)).assemble(content).0)
        let index = try #require(built.reviewIndex[slug])
        return built.recommendations[index].compactMap { recommendation in
            guard case .review(let target) = recommendation.target else { return nil }
            return (built.reviews[target].slug, recommendation.isExplicit, recommendation.reason)
        }
    }

    @Test func sameDirectorBeatsSameCategoryAndTheFloorHolds() throws {
        let suggested = try recommendations(of: "target")
        // Two share the director; the one whose film year is close to 1997 ranks first. Then the category.
        #expect(suggested.map(\.slug) == ["same-director", "explicit", "same-category"])
        #expect(suggested.map(\.reason) == ["Also directed by Majid Majidi", "Also directed by Majid Majidi", "Also in Iranian"])
        #expect(!suggested.contains { $0.slug == "low-rated" }) // 3.5 is under the floor of 4
        #expect(suggested.allSatisfy { !$0.explicit })
    }

    @Test func tiesAreBrokenByRatingThenDateThenSlug() throws {
        // tie-a and tie-b share the same terms, rating and date: slug order decides, every time.
        let fromTieB = try recommendations(of: "tie-b")
        #expect(fromTieB.map(\.slug) == ["same-category", "target", "tie-a"])
    }

    @Test func explicitRecommendationsComeFirstAndAreNotToppedUpByDefault() throws {
        let explicit = try recommendations(of: "explicit")
        #expect(explicit.map(\.slug) == ["tie-a"])
        #expect(explicit.first?.explicit == true)
        let topped = TestSite(site.files.filter { $0.key != "site.yml" }, siteYML: TestSite.siteYML + "\nrecommendations: {fill_to: 2}")
        let filled = try recommendations(of: "explicit", in: topped)
        #expect(filled.map(\.slug) == ["tie-a", "target"]) // target and same-director tie; target is newer
        #expect(filled.map(\.explicit) == [true, false])
    }

    @Test func aReviewNamingOnlyWorksElsewhereGetsOneFromTheSite() throws {
        var files = site.files
        files["content/reviews/outward.md"] = TestSite.review(title: "Outward", date: "2020-01-09", rating: "4", extra: """
            director: Majid Majidi
            recommend: [{title: Close-Up, url: "https://example.org/close-up"}, {title: Taste of Cherry, url: "https://example.org/cherry"}]
            """)
        let suggested = try recommendations(of: "outward", in: TestSite(files))
        // One, not `count` (3): the writer chose the list; only the link into the site is added.
        #expect(suggested.count == 1 && suggested.allSatisfy { !$0.explicit && $0.reason == "Also directed by Majid Majidi" })
    }

    @Test func aReviewSharingNothingGetsNothing() throws {
        #expect(try recommendations(of: "loner").isEmpty)
    }

    @Test func suggestionsCanBeSwitchedOff() throws {
        let off = TestSite(site.files.filter { $0.key != "site.yml" }, siteYML: TestSite.siteYML + "\nrecommendations: {suggest: false}")
        #expect(try recommendations(of: "target", in: off).isEmpty)
    }

    @Test func pagesShowSuggestionsLikeExplicitOnesWithTheirReasonAndBacklinks() throws {
        let pages = try site.pages()
        let target = try #require(pages["reviews/target/index.html"])
        #expect(target.contains("Liked <cite>Target</cite>? You'll love these</h2>"))
        #expect(target.contains("<a class=\"recommendation-title\" href=\"/reviews/same-director/\"><cite>Same Director</cite></a>"))
        #expect(target.contains("class=\"recommendation recommendation-suggested\""))
        #expect(target.contains("Also directed by Majid Majidi"))
        let tieA = try #require(pages["reviews/tie-a/index.html"])
        #expect(tieA.contains("Recommended from"))
        #expect(tieA.contains("<a href=\"/reviews/explicit/\"><cite>Explicit</cite></a>"))
    }

    @Test func explicitRecommendationBelowTheFloorIsAWarning() throws {
        let low = TestSite([
            "content/reviews/a.md": TestSite.review(title: "A", rating: "4", extra: "recommend: b"),
            "content/reviews/b.md": TestSite.review(title: "B", date: "2020-01-02", rating: "2"),
        ])
        #expect(try low.render().get().warnings.isEmpty) // a build does not say it; `marquee check` does
        var options = BuildOptions(sourceDirectory: try low.writeToDisk())
        options.now = TestSite.fixedNow
        let warnings = try Build.check(options).get().warnings.map(\.description).filter { $0.contains("below the") }
        #expect(warnings == ["content/reviews/a.md:5:12: warning: recommends 'b', rated 2, below the 4 a \"you'll love\" needs — recommend a review you rated higher, or lower recommendations.min_rating in site.yml"])
    }

    @Test func deterministicAcrossBuilds() throws {
        let first = try site.pages()
        let second = try site.pages()
        #expect(first == second)
    }

    /// 100,000 reviews: the suggester must finish (no timing is asserted; `make bench` measures it).
    @Test func scalesToAHundredThousandReviews() throws {
        let count = 100_000
        var reviews: [Review] = []
        reviews.reserveCapacity(count)
        let location = SourceLocation(path: "x")
        for i in 0..<count {
            var review = Review(source: "r\(i)", slug: "r\(i)", title: "R\(i)", movie: "R\(i)", year: 1950 + i % 70,
                                rating: Rating(halfSteps: i % 11, scale: 5), date: PublicationDate(secondsSince1970: Int64(count - i) * 60, utcOffset: 0),
                                body: RenderedMarkdown(html: "", wordCount: 0), excerpt: Excerpt(html: "", text: ""))
            // Zipf-like: a few prolific directors, many with one or two films.
            review.terms[TaxonomyDefinition.ID.directors] = [Name(text: "Director \(i % (1 + i % 12_500))", location: location)]
            review.terms[TaxonomyDefinition.ID.categories] = [Name(text: "Category \(i % 40)", location: location)]
            review.terms[TaxonomyDefinition.ID.tags] = [Name(text: "Tag \(i % 200)", location: location), Name(text: "Tag \(i % 13)", location: location)]
            reviews.append(review)
        }
        var diagnostics = Diagnostics()
        let builder = TaxonomyBuilder(reviews: reviews)
        let taxonomies = TaxonomyDefinition.defaults.map { builder.build($0, &diagnostics) }
        let result = Suggester(reviews: reviews, taxonomies: taxonomies, settings: RecommendationSettings(), scale: 5)
            .suggestions(for: Array(repeating: [], count: count))
        #expect(result.count == count)
        #expect(result.contains { !$0.isEmpty })
    }
}
