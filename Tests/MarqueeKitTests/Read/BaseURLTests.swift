import Testing
@testable import MarqueeKit

/// The base URL is checked whole where it is given (site.yml or `--base-url`): a bad one would
/// otherwise show only later, as a broken link on every page.
@Suite struct BaseURLTests {
    @Test(arguments: [
        ("https://example.org", "https://example.org/"), ("http://example.org/blog", "http://example.org/blog/"),
        ("https://example.org:8080/blog/", "https://example.org:8080/blog/"), ("https://[2001:db8::1]:443/", "https://[2001:db8::1]:443/"),
        ("https://example.org/my%20reviews/", "https://example.org/my%20reviews/"), ("https://example.org/a(b)'c&d~e/", "https://example.org/a(b)'c&d~e/"),
        ("  https://example.org/x/  ", "https://example.org/x/"), ("HTTPS://Example.ORG/", "HTTPS://Example.ORG/"),
    ])
    func accepted(url: String, normalised: String) {
        #expect(BaseURL.normalise(url) == .success(normalised))
    }

    @Test(arguments: [
        ("example.org", "'example.org' is not an absolute http(s) URL"),
        ("ftp://example.org/", "'ftp://example.org/' is not an absolute http(s) URL"),
        ("https:///blog/", "'https:///blog/' is not an absolute http(s) URL"),
        ("https://example.org:99999/", "'https://example.org:99999/' has the port '99999'; a port is a number from 1 to 65535"),
        ("https://example.org:0/", "'https://example.org:0/' has the port '0'; a port is a number from 1 to 65535"),
        ("https://example.org:80a/", "'https://example.org:80a/' has the port '80a'; a port is a number from 1 to 65535"),
        ("https://example.org:/", "'https://example.org:/' has an empty port; a port is a number from 1 to 65535"),
        ("https://example.org/my reviews/", "'https://example.org/my reviews/' has a space in its path, which a URL cannot hold"),
        ("https://example.org/<b>/", "'https://example.org/<b>/' has '<' in its path, which a URL cannot hold"),
        ("https://example.org/a\"b/", "'https://example.org/a\"b/' has '\"' in its path, which a URL cannot hold"),
        ("https://example.org/блог/", "'https://example.org/блог/' has 'б' in its path, which a URL cannot hold"),
        ("https://example.org/50%/", "'https://example.org/50%/' has a '%' in its path that is not followed by two hex digits"),
        ("https://exa mple.org/", "'https://exa mple.org/' has a space in its host, which a host name cannot hold"),
        ("https://[::1/", "'https://[::1/' has an IP address that is not closed with ']'"),
        ("https://me:secret@example.org/", "'https://me:secret@example.org/' holds a user name or password (before '@')"),
        ("https://example.org/?page=1", "'https://example.org/?page=1' must not have a query or a fragment"),
        ("https://example.org/#top", "'https://example.org/#top' must not have a query or a fragment"),
    ])
    func refused(url: String, message: String) {
        guard case .failure(let problem) = BaseURL.normalise(url) else { Issue.record("\(url) was accepted"); return }
        #expect(problem.message == message)
    }

    @Test func thePathIsTakenAsWritten() {
        #expect(BaseURL.path(of: "https://example.org") == "/")
        #expect(BaseURL.path(of: "https://example.org:8080/blog") == "/blog/")
        #expect(BaseURL.path(of: "https://example.org/my%20reviews/") == "/my%20reviews/")
    }

    /// `--base-url` is held to the same rule, and its problems are reported at `--base-url`.
    @Test func theOverrideIsCheckedTheSameWay() {
        let (config, diagnostics) = SiteConfigReader.read(text: "title: T\nbase_url: https://example.org/\n", baseURLOverride: "https://example.org:70000/")
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == [
            "--base-url:1:1: error: 'https://example.org:70000/' has the port '70000'; a port is a number from 1 to 65535 — give the port the site is served on, or none, as in https://example.org/",
        ])
    }

    /// A site under a base path with an escaped character builds, its links checked against it.
    @Test func aPercentEncodedBasePathBuilds() throws {
        let site = TestSite(["content/reviews/a.md": TestSite.review(body: "See [the archive](/reviews/) and [b](../b/)."),
                             "content/reviews/b.md": TestSite.review(title: "B")])
        let pages = try site.pages(baseURL: "https://example.org/my%20reviews/")
        #expect(pages["reviews/a/index.html"]?.contains("href=\"/my%20reviews/reviews/b/\"") == true)
    }
}
