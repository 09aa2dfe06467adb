import Testing
@testable import MarqueeKit

@Suite struct LinkAuditTests {
    func audit(baseURL: String) throws -> LinkAudit {
        let yml = TestSite.siteYML.replacingOccurrences(of: "https://example.org/", with: baseURL)
        let site = TestSite(["content/reviews/a.md": TestSite.review(title: "A")], siteYML: yml)
        let content = try #require(SiteReader(fileSystem: InMemoryFileSystem(site.files)).read().0)
        let built = try #require(SiteAssembler(options: PublishingOptions(now: TestSite.fixedNow)).assemble(content).0)
        return LinkAudit(site: built, policy: .error)
    }

    static let paths: Set<String> = ["index.html", "reviews/a/index.html", "feed.xml", "a b/index.html", "odd%41/index.html",
                                     "q?x.html", "h#x/index.html", "reviews/index.html"]

    /// Links a page could hold: every path of `paths` under the base path and the root, with and
    /// without "index.html" and the last slash, and variants with a query, fragment or dot segment.
    static func candidates(_ baseURL: String) -> [String] {
        let base = BaseURL.path(of: baseURL)
        var links: [String] = ["/", base, "", "#top", "?q", base + "?q", base + "#x"]
        for path in paths {
            for prefix in [base, "/", base + "./", base + "reviews/../"] {
                let folder = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
                links += [prefix + path, prefix + folder, prefix + String(folder.dropLast()), prefix + folder + "#x", prefix + path + "?v=1"]
            }
        }
        return links
    }

    /// The shortcut must never call a link fine that the full verdict would not.
    @Test(arguments: ["https://example.org/", "https://example.org/blog/", "https://example.org/my%20blog/"])
    func everyDirectLinkIsOneTheVerdictFindsFine(baseURL: String) throws {
        let audit = try audit(baseURL: baseURL)
        let direct = audit.directLinks(to: Self.paths)
        if baseURL.contains("%") { #expect(direct.isEmpty) } else { #expect(direct.count >= 10) }
        for link in Self.candidates(baseURL) where direct.contains(link) {
            guard case .fine = audit.verdict(link, on: "reviews/a/index.html", paths: Self.paths) else {
                Issue.record("\(link) is direct but not fine"); continue
            }
        }
        for link in Self.candidates(baseURL) where direct.contains(link) {
            #expect(!link.contains("%") && !link.contains("?") && !link.contains("#"), "\(link)")
        }
    }

    @Test func aLinkToNoFileIsNotDirect() throws {
        let audit = try audit(baseURL: "https://example.org/blog/")
        let direct = audit.directLinks(to: Self.paths)
        #expect(direct.contains("/blog/reviews/a/") && direct.contains("/blog/reviews/a") && direct.contains("/blog/"))
        #expect(!direct.contains("/reviews/a/") && !direct.contains("/blog/reviews/b/") && !direct.contains("/blog/odd%41/"))
    }
}
