import Foundation
import Testing
@testable import MarqueeKit

/// `aliases:`: a redirect page at each old address, one `_redirects`, and an error at the alias's
/// line for each address that cannot be one.
@Suite struct AliasesTests {
    @Test func eachAliasWritesARedirectPageAndALineOfRedirects() throws {
        let site = TestSite([
            "content/reviews/a-separation.md": TestSite.review(title: "A Separation", extra: """
                aliases: [/2012/03/24/a-separation/, "/movies/a separation.html", /old/a-sep, "https://example.org/blog/p?x"]
                """),
            "content/pages/about.md": "---\ntitle: About\naliases: /about-me/\n---\n\nHello.\n",
        ])
        // (The last alias has a query: an error, tested below; this site leaves it out.)
        let fixed = TestSite(site.files.mapValues { $0.replacingOccurrences(of: #", "https://example.org/blog/p?x""#, with: "") })
        let pages = try fixed.pages(baseURL: "https://example.org/blog/")
        let page = try #require(pages["2012/03/24/a-separation/index.html"])
        #expect(page.contains(#"<meta http-equiv="refresh" content="0; url=/blog/reviews/a-separation/">"#))
        #expect(page.contains(#"<link rel="canonical" href="https://example.org/blog/reviews/a-separation/">"#))
        #expect(page.contains(#"<meta name="robots" content="noindex">"#) && page.contains(#"<a href="/blog/reviews/a-separation/">A Separation</a>"#))
        #expect(pages["movies/a separation.html"] != nil && pages["old/a-sep/index.html"] != nil && pages["about-me/index.html"] != nil)
        #expect(pages["_redirects"] == """
            /blog/2012/03/24/a-separation/ /blog/reviews/a-separation/ 301
            /blog/about-me/ /blog/about/ 301
            /blog/movies/a%20separation.html /blog/reviews/a-separation/ 301
            /blog/old/a-sep /blog/reviews/a-separation/ 301

            """)
        #expect(pages["sitemap.xml"]?.contains("2012") == false) // old addresses are not listed
    }

    @Test func aSitesOwnRedirectsFileWins() throws {
        let site = TestSite([
            "content/reviews/a.md": TestSite.review(title: "A", extra: "aliases: /old/"),
            "static/_redirects": "/x /y 302\n",
        ])
        #expect(try site.pages()["_redirects"] == "(copy)")
    }

    @Test func badAliasesAreErrorsAtTheirLines() throws {
        let site = TestSite(["content/reviews/a.md": TestSite.review(title: "A", extra: """
            aliases:
              - old/page/
              - /p?x=1
              - /a/../b/
              - https://elsewhere.org/a/
              - /fine/
            """)])
        guard case .failure(let failure) = site.render() else { Issue.record("the build passed"); return }
        #expect(failure.diagnostics.map(\.description) == [
            "content/reviews/a.md:6:5: error: the alias 'old/page/' does not start with / — write it from the site's root, as the old site served it: /2012/03/24/a-separation/",
            "content/reviews/a.md:7:5: error: the alias '/p?x=1' holds a query or a fragment — a static host serves one file per path: leave out what follows ? or #",
            "content/reviews/a.md:8:5: error: the alias '/a/../b/' has an empty, '.' or '..' part — write each part of the address between single slashes",
            "content/reviews/a.md:9:5: error: the alias 'https://elsewhere.org/a/' is not an address of this site (https://example.org/) — an alias is an old address of this site, written from its root: /2012/03/24/a-separation/",
        ])
    }

    @Test func anAliasThatIsAnotherAddressOfTheSiteIsAnErrorAtItsLine() throws {
        let site = TestSite([
            "content/reviews/a.md": TestSite.review(title: "A", extra: "aliases:\n  - /reviews/b/\n  - /shared/\n  - /Reviews/A/"),
            "content/reviews/b.md": TestSite.review(title: "B", date: "2020-01-02", extra: "aliases: [/shared/]"),
        ])
        guard case .failure(let failure) = site.render() else { Issue.record("the build passed"); return }
        let hint = " — remove the alias, or correct it: an alias is an old address no page of the site has now"
        #expect(failure.diagnostics.map(\.description) == [
            "content/reviews/a.md:6:5: error: the alias '/reviews/b/' is the address of /reviews/b/index.html, which content/reviews/b.md writes" + hint,
            // b (the newer review) took /shared/ first.
            "content/reviews/a.md:7:5: error: the alias '/shared/' is an alias of content/reviews/b.md already" + hint,
            // Case apart, the review's own address (one file on a case-insensitive disk).
            "content/reviews/a.md:8:5: error: the alias '/Reviews/A/' is the address of this file's own page, /reviews/a/index.html" + hint,
        ])
    }
}
