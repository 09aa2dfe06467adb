import Foundation
import Testing
@testable import MarqueeKit

/// Articles in the assembled site: what is published, in which order, under which terms, and
/// which slugs they may not take.
@Suite struct ArticleAssemblyTests {
    static func article(_ title: String, _ date: String, _ extra: String = "") -> String {
        "---\ntitle: \(title)\ndate: \(date)\n\(extra)\n---\nBody of \(title).\n"
    }

    static let site = TestSite([
        "content/reviews/baran.md": TestSite.review(title: "Baran", date: "2020-01-10", rating: "4", extra: "category: Iranian\ntags: [rain]"),
        "content/reviews/court.md": TestSite.review(title: "Court", date: "2020-01-05", rating: "5", extra: "category: Indian"),
        "content/posts/rain.md": article("Rain", "2020-01-12", "category: Iranian\ntags: [rain, essays]"),
        "content/posts/same-day.md": article("Same day", "2020-01-05", "tags: [essays]"),
        "content/posts/draft.md": article("Draft", "2020-01-06", "draft: true\ntags: [drafts]"),
        "content/posts/future.md": article("Future", "2031-01-01"),
    ])

    func assemble(_ site: TestSite = ArticleAssemblyTests.site, drafts: Bool = false) throws -> (Site?, [String]) {
        let content = try #require(SiteReader(fileSystem: InMemoryFileSystem(site.files)).read().0)
        let (built, diagnostics) = SiteAssembler(options: PublishingOptions(includeDrafts: drafts, now: TestSite.fixedNow)).assemble(content)
        return (built, diagnostics.map(\.description))
    }

    @Test func articlesAreOrderedAndMergedWithReviewsByDate() throws {
        let (built, warnings) = try assemble()
        let site = try #require(built)
        #expect(site.articles.map(\.slug) == ["rain", "same-day"])
        #expect(warnings == ["content/posts/future.md:3:1: warning: 'Future' is dated 2031-01-01T00:00:00Z, in the future, and is not published — it appears once that time has passed; build with --future to include it now"])
        // Newest first; on one day the review comes before the article.
        #expect(site.allPosts == [.article(0), .review(0), .review(1), .article(1)])
    }

    @Test func draftsArePublishedOnlyWhenAsked() throws {
        let (built, _) = try assemble(drafts: true)
        let site = try #require(built)
        #expect(site.articles.map(\.slug) == ["rain", "draft", "same-day"])
        #expect(site.taxonomies.first { $0.definition.id == "tags" }?.terms.map(\.name) == ["drafts", "essays", "rain"])
    }

    @Test func termsListTheirArticles() throws {
        let site = try #require(try assemble().0)
        let tags = try #require(site.taxonomies.first { $0.definition.id == TaxonomyDefinition.ID.tags })
        // A term only articles have exists all the same.
        let essays = try #require(tags.term(named: "essays"))
        #expect(tags.terms[essays].reviews == [])
        #expect(tags.terms[essays].articles == [0, 1])
        let rain = try #require(tags.term(named: "rain"))
        #expect(tags.terms[rain].reviews == [0])
        #expect(tags.terms[rain].articles == [0])
        // Each article's terms in the order the writer gave them.
        #expect(tags.termsOfArticle == [[rain, essays], [essays]])
        // The average rating counts reviews only.
        #expect(tags.terms[rain].averageRating == 4)
    }

    @Test func anArticleMayNotShareASlug() throws {
        let (built, problems) = try assemble(TestSite([
            "content/reviews/baran.md": TestSite.review(title: "Baran", date: "2020-01-10", rating: "4"),
            "content/posts/baran.md": Self.article("Baran again", "2020-01-12"),
            "content/posts/one.md": Self.article("One", "2020-01-12"),
            "content/posts/two.md": Self.article("Two", "2020-01-13", "slug: One"),
        ]))
        #expect(built == nil)
        #expect(problems == [
            "content/posts/baran.md:1:1: error: the article slug 'baran' is also the slug of the review content/reviews/baran.md — give the article another file name or slug: (a slug names one post of the site)",
            "content/posts/two.md:4:1: error: the slug 'One' differs only in case from 'one' of content/posts/one.md — give one of them another slug: key or file name",
        ])
    }

    @Test func anArticleMayNotTakeTheListsPages() throws {
        let (_, problems) = try assemble(TestSite(["content/posts/page.md": Self.article("Page", "2020-01-01")]))
        #expect(problems == ["content/posts/page.md:1:1: error: the article slug 'page' is taken by the pages of the list of articles, /posts/page/2/ and on — give the article another file name or slug:"])
    }

    @Test func aPageMayNotTakeTheArticlesFolder() throws {
        let (_, problems) = try assemble(TestSite(["content/pages/posts.md": "---\ntitle: Posts\n---\nHi.\n"]))
        #expect(problems == ["content/pages/posts.md:1:1: error: the page slug 'posts' is taken by the site's own /posts/ pages — rename the page or give it another slug:"])
    }
}
