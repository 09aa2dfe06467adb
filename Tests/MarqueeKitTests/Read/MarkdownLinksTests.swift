import Testing
@testable import MarqueeKit

/// Links in a body: which are relative (RFC 3986: all but those that start with a scheme), how they
/// resolve, and where each one, raw HTML's included, was typed.
@Suite struct MarkdownLinksTests {
    @Test(arguments: [
        ("still.jpg", "/reviews/baran/still.jpg"), ("../shwaas/", "/reviews/shwaas/"), ("./", "/reviews/baran/"),
        ("../../../up", "/up"), ("a/./b/../c?x=1#y", "/reviews/baran/a/c?x=1#y"), ("..", "/reviews/"),
        ("%5Bx%5D:y", "/reviews/baran/%5Bx%5D:y"), ("[url](https://example.org/x)", "/reviews/baran/[url](https://example.org/x)"),
        ("poster file.jpg", "/reviews/baran/poster file.jpg"), ("1abc:x", "/reviews/baran/1abc:x"), ("a b:c", "/reviews/baran/a b:c"),
    ])
    func relativeLinksResolveAgainstThePage(url: String, resolved: String) {
        #expect(MarkdownRenderer.resolve(url, against: "/reviews/baran/") == resolved)
    }

    @Test(arguments: ["https://example.org/", "mailto:me@example.org", "c++:x", "/root/", "//cdn.example.org/x", "#top", "?q=1", ""])
    func othersAreLeftAlone(url: String) {
        #expect(MarkdownRenderer.resolve(url, against: "/reviews/baran/") == nil)
    }

    @Test func theTypoOfALinkInsideALinkIsRewrittenAndListed() {
        let body = MarkdownRenderer().render("[Closer]([url](https://example.org/x))\n", documentPath: "/blog/reviews/baran/")
        #expect(body.html == "<p><a href=\"/blog/reviews/baran/%5Burl%5D(https://example.org/x)\">Closer</a></p>\n")
        #expect(body.links == [BodyLink(url: "/blog/reviews/baran/[url](https://example.org/x)", line: 1)])
    }

    @Test func linksOfRawHTMLAreListedAtTheirLines() {
        let markdown = "Text with <a href=\"/inline/\">a link</a>.\n\n<div>\n<p>\n<a href=\"/in-block/\"><img src=\"x.png\"></a>\n</p>\n</div>\n"
        let body = MarkdownRenderer().render(markdown).shiftingLinks(by: 5)
        #expect(body.links == [BodyLink(url: "/inline/", line: 6), BodyLink(url: "/in-block/", line: 10), BodyLink(url: "x.png", line: 10)])
        #expect(body.firstLine == 6)
        // Without raw_html, cmark leaves the HTML out of the page: nothing to check.
        #expect(MarkdownRenderer(options: MarkdownOptions(rawHTML: false)).render(markdown).links.isEmpty)
    }

    /// A broken link in a body's raw HTML is the review's, not the templates'.
    @Test func aBrokenRawHTMLLinkIsBlamedOnTheReview() {
        let errors = TestSite(["content/reviews/a.md": TestSite.review(body: "Intro.\n\n<p>\n  <a href=\"/nowhere/\">x</a>\n</p>")]).errors()
        #expect(errors == ["content/reviews/a.md:11:1: error: the link '/nowhere/' leads to no page of the site — fix the address, or remove the link"])
    }

    /// One whose line cannot be told (its value spans two lines) is still the review's: at the body's first line.
    @Test func aRawHTMLLinkOfUnknownLineIsBlamedOnTheBody() {
        let errors = TestSite(["content/reviews/a.md": TestSite.review(body: "Intro.\n\n<div><a href=\"/no\nwhere/\">x</a></div>")]).errors()
        #expect(errors == ["content/reviews/a.md:7:1: error: the link '/no?where/' leads to no page of the site — fix the address, or remove the link"])
    }
}
