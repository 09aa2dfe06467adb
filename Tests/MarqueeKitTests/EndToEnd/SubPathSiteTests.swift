import Foundation
import Testing
@testable import MarqueeKit

/// A small site declared inline, built under a sub-path base URL.
@Suite struct SubPathSiteTests {
    let site = TestSite([
        "content/reviews/a.md": TestSite.review(title: "Alpha", date: "2020-01-05", rating: "4.5", extra: "recommend: b"),
        "content/reviews/b.md": TestSite.review(title: "Beta", date: "2020-01-04", rating: "3", extra: "recommend: [{title: Gamma, url: 'https://example.com/g'}]"),
        "content/reviews/c.md": TestSite.review(title: "Gamma", date: "2020-01-03", rating: "5", body: "See [Alpha](/reviews/a/) and ![i](/img/x.gif)."),
        "content/reviews/d.md": TestSite.review(title: "Delta", date: "2020-01-02", rating: "0.5"),
        "content/reviews/e.md": TestSite.review(title: "Eps", date: "2020-01-01", rating: "2", extra: "draft: true"),
        "content/pages/about.md": "---\ntitle: About\n---\nHello.\n",
        "static/img/x.gif": "png",
    ], siteYML: TestSite.siteYML.replacingOccurrences(of: "https://example.org/", with: "https://example.org/sub/dir/"))

    @Test func paginatesNewestFirstWithPreviousAndNextLinks() throws {
        let pages = try site.pages()
        // 4 published reviews, 2 a page.
        let first = try #require(pages["index.html"])
        let second = try #require(pages["page/2/index.html"])
        #expect(pages["page/3/index.html"] == nil)
        #expect(first.range(of: "Alpha")!.lowerBound < first.range(of: "Beta")!.lowerBound)
        #expect(!first.contains("Gamma</a></h2>"))
        #expect(second.contains("Gamma"))
        #expect(second.contains("Delta"))
        #expect(first.contains(#"rel="next" href="/sub/dir/page/2/""#))
        #expect(second.contains(#"rel="prev" href="/sub/dir/""#))
        #expect(!second.contains(#"rel="next""#))
    }

    @Test func linksInBodiesAndThemeCarryTheBasePath() throws {
        let pages = try site.pages()
        let gamma = try #require(pages["reviews/c/index.html"])
        #expect(gamma.contains(#"<a href="/sub/dir/reviews/a/">Alpha</a>"#))
        #expect(gamma.contains(#"src="/sub/dir/img/x.gif""#))
        let broken = LinkChecker.brokenLinks(files: Set(pages.keys), pages: pages, basePath: "/sub/dir/")
        #expect(broken == [])
    }

    @Test func badgeIsCorrectForHalfAndLowRatings() throws {
        let delta = try #require(try site.pages()["reviews/d/index.html"])
        #expect(delta.contains(#"<span class="rating-text">Rated 0.5 out of 5</span>"#))
        let stars = delta.components(separatedBy: "<span class=\"rating\"").dropFirst().first ?? ""
        #expect(stars.components(separatedBy: "star-half").count - 1 == 1)
        #expect(stars.components(separatedBy: "star-empty").count - 1 == 4)
    }

    @Test func tenPointScale() throws {
        let tens = TestSite(["content/reviews/a.md": TestSite.review(rating: "7.5")],
                            siteYML: TestSite.siteYML + "\nrating_scale: 10")
        let page = try #require(try tens.pages()["reviews/a/index.html"])
        let badge = page.components(separatedBy: "<span class=\"rating\"").dropFirst().first ?? ""
        #expect(badge.contains(#"<span class="rating-text">Rated 7.5 out of 10</span>"#))
        #expect(badge.components(separatedBy: "star-full").count - 1 == 7)
        #expect(badge.components(separatedBy: "star-half").count - 1 == 1)
        #expect(badge.components(separatedBy: "star-empty").count - 1 == 2)
    }

    @Test func draftsOnlyWithTheOption() throws {
        #expect(try site.pages()["reviews/e/index.html"] == nil)
        #expect(try site.pages(drafts: true)["reviews/e/index.html"] != nil)
    }

    @Test func recommendationsLinkReviewsAndExternalWorks() throws {
        let pages = try site.pages()
        let alpha = try #require(pages["reviews/a/index.html"])
        #expect(alpha.contains(#"Liked <cite>Alpha</cite>? You'll love these</h2>"#))
        #expect(alpha.contains(#"<a class="recommendation-title" href="/sub/dir/reviews/b/"><cite>Beta</cite></a>"#))
        let beta = try #require(pages["reviews/b/index.html"])
        #expect(beta.contains(#"<a class="recommendation-title" href="https://example.com/g" rel="external"><cite>Gamma</cite></a>"#))
        #expect(beta.contains("Recommended from"))
        #expect(beta.contains(#"<a href="/sub/dir/reviews/a/"><cite>Alpha</cite></a>"#))
    }
}
