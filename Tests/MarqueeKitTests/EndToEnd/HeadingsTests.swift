import Foundation
import Testing
@testable import MarqueeKit

/// Headings of bodies on built pages: their ids, links to them from the same page and others, and
/// the table of contents.
@Suite struct HeadingsTests {
    static let body = """
        Jump to [my synopsis](./#synopsis) or [the cast](#the-cast).

        ## Synopsis

        What happens.

        ### Act one

        ### Act two

        ## The cast

        ## Content
        """

    @Test func linksToHeadingsResolveOnTheirPageAndFromAnother() throws {
        let site = TestSite([
            "content/reviews/a.md": TestSite.review(title: "A", body: Self.body),
            "content/reviews/b.md": TestSite.review(title: "B", date: "2020-01-02", body: "See [A's synopsis](/reviews/a/#synopsis)."),
        ])
        let pages = try site.pages(baseURL: "https://example.org/blog/")
        let page = try #require(pages["reviews/a/index.html"])
        #expect(page.contains(#"<h2 id="synopsis">Synopsis</h2>"#) && page.contains(#"<h3 id="act-two">Act two</h3>"#))
        // The theme's <main id="content"> keeps its id; the heading takes the next.
        #expect(page.contains(#"<h2 id="content-1">Content</h2>"#) && page.components(separatedBy: #"id="content""#).count == 2)
        #expect(page.contains(#"href="/blog/reviews/a/#synopsis""#))
        #expect(!page.contains(#"class="toc""#)) // no table of contents unless asked
    }

    @Test func aLinkToAHeadingThatIsNotThereFails() throws {
        let site = TestSite(["content/reviews/a.md": TestSite.review(title: "A", body: "[x](./#synopsys)\n\n## Synopsis\n")])
        guard case .failure(let failure) = site.render() else { Issue.record("the build passed"); return }
        #expect(failure.diagnostics.map(\.description).contains { $0.contains("content/reviews/a.md:8:") && $0.contains("names no id on /reviews/a/index.html") })
    }

    @Test func tocTrueListsTheHeadingsNested() throws {
        let site = TestSite([
            "content/reviews/a.md": TestSite.review(title: "A", extra: "toc: true", body: Self.body),
            "content/reviews/b.md": TestSite.review(title: "B", date: "2020-01-02", body: "## Only\n"),
        ])
        let pages = try site.pages()
        let page = try #require(pages["reviews/a/index.html"])
        #expect(page.contains(#"<nav class="toc" aria-labelledby="toc-heading">"#))
        #expect(page.contains(##"<li><a href="#synopsis">Synopsis</a><ol><li><a href="#act-one">Act one</a></li><li><a href="#act-two">Act two</a></li></ol></li>"##))
        #expect(page.contains(##"<li><a href="#the-cast">The cast</a></li>"##) && page.contains(##"<li><a href="#content-1">Content</a></li>"##))
        #expect(pages["reviews/b/index.html"]?.contains(#"class="toc""#) == false)
        // site.yml's toc: true for every review, a review's own toc: false wins.
        let everywhere = TestSite([
            "content/reviews/a.md": TestSite.review(title: "A", extra: "toc: false", body: Self.body),
            "content/reviews/b.md": TestSite.review(title: "B", date: "2020-01-02", body: "## Only\n"),
        ], siteYML: TestSite.siteYML + "\ntoc: true\n")
        let both = try everywhere.pages()
        #expect(both["reviews/a/index.html"]?.contains(#"class="toc""#) == false)
        #expect(both["reviews/b/index.html"]?.contains(##"<li><a href="#only">Only</a></li>"##) == true)
    }
}
