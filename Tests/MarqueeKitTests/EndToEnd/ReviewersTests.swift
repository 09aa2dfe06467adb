import Foundation
import Testing
@testable import MarqueeKit

/// `authors:` in site.yml and `reviewer:` per review: the byline, the author box, the feed and the
/// JSON-LD follow the review's reviewer; a review without one stays the site's author's.
@Suite struct ReviewersTests {
    static let siteYML = TestSite.siteYML + """

        authors:
          mina: {name: Mina R., bio: Writes about Iranian cinema., url: "https://example.org/mina"}
          vivek: {name: Vivek S.}
        """

    @Test func aReviewersReviewShowsThemEverywhereAndTheOthersStayTheSites() throws {
        let site = TestSite([
            "content/reviews/a.md": TestSite.review(title: "A", extra: "reviewer: mina"),
            "content/reviews/b.md": TestSite.review(title: "B", date: "2020-01-02"),
        ], siteYML: Self.siteYML)
        let pages = try site.pages()
        let a = try #require(pages["reviews/a/index.html"])
        #expect(a.contains("<span class=\"meta-items\"><span>By Mina R.</span> <span>"))
        #expect(a.contains(#"<p class="author-name"><a href="https://example.org/mina">Mina R.</a></p>"#))
        #expect(a.contains(#""author":{"@type":"Person","name":"Mina R.","url":"https://example.org/mina"}"#))
        let b = try #require(pages["reviews/b/index.html"])
        #expect(!b.contains("By ") && b.contains(#""author":{"@type":"Person","name":"Tester""#))
        let feed = try #require(pages["feed.xml"])
        #expect(feed.components(separatedBy: "<author><name>Mina R.</name><uri>https://example.org/mina</uri></author>").count == 2)
    }

    @Test func anUnknownReviewerIsAnErrorWithTheClosestID() throws {
        let site = TestSite(["content/reviews/a.md": TestSite.review(title: "A", extra: "reviewer: minna")], siteYML: Self.siteYML)
        guard case .failure(let failure) = site.render() else { Issue.record("the build passed"); return }
        #expect(failure.diagnostics.map(\.description) == ["content/reviews/a.md:5:11: error: the reviewer 'minna' is not one of the site's authors — did you mean 'mina'?"])
        let none = TestSite(["content/reviews/a.md": TestSite.review(title: "A", extra: "reviewer: Mina R.")])
        guard case .failure(let noAuthors) = none.render() else { Issue.record("the build passed"); return }
        #expect(noAuthors.diagnostics.map(\.description) == ["content/reviews/a.md:5:11: error: the reviewer 'Mina R.' is not one of the site's authors: site.yml lists none — add authors: {mina-r: {name: Their Name}} to site.yml, or remove reviewer:"])
    }
}
