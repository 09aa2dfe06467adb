import Foundation
import Testing
@testable import MarqueeKit

/// A site with reviews and articles, built on disk under a sub-path base URL: the home page mixes
/// them by date, an article has its own page without a badge, term pages and the feed carry both,
/// the sitemap lists the article, and an article with a rating fails the build at its line.
@Suite struct ArticlesTests {
    static let files: [String: String] = [
        "content/reviews/baran.md": TestSite.review(title: "Baran", date: "2020-01-10", rating: "4", extra: "director: Majid Majidi\ntags: [rain]"),
        "content/reviews/court.md": TestSite.review(title: "Court", date: "2020-01-03", rating: "5", extra: "tags: [justice]"),
        "content/reviews/shwaas.md": TestSite.review(title: "Shwaas", date: "2020-01-01", rating: "3.5"),
        "content/posts/rain-essay.md": """
            ---
            title: "Rain & roofs"
            date: 2020-01-12
            updated: 2020-02-01
            tags: [rain, essays]
            summary: Why it rains <so> often.
            ---
            Rain falls in [Baran](/reviews/baran/) and on [its roofs](#roofs).

            ## Roofs

            Tin.
            """,
        "content/posts/news/index.md": "---\ntitle: Site news\ndate: 2020-01-05\nimage: banner.svg\n---\nThe [essay](/posts/rain-essay/#roofs) is up.\n",
        "content/posts/news/banner.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
    ]

    /// Builds the site into a temporary folder and returns path → text of what it wrote; the
    /// folders are removed afterwards.
    static func build(_ files: [String: String] = ArticlesTests.files) throws -> [String: String] {
        let source = try TestSite(files).writeToDisk()
        let output = Paths.temporaryFolder("articles-out")
        defer {
            try? FileManager.default.removeItem(at: source)
            try? FileManager.default.removeItem(at: output)
        }
        var options = BuildOptions(sourceDirectory: source, outputDirectory: output)
        options.now = TestSite.fixedNow
        options.baseURLOverride = "https://example.org/blog/"
        switch Build.run(options) {
        case .success: break
        case .failure(let failure): throw failure
        }
        return Paths.snapshot(output).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func theHomePageListsReviewsAndArticlesByDate() throws {
        let pages = try Self.build()
        let home = try #require(pages["index.html"])
        // paginate: 2 — the newest two posts on page 1, the next two on page 2.
        let titles = ["Rain &amp; roofs", "Baran", "Site news", "Court", "Shwaas"]
        let page1 = titles.filter { home.contains(">\($0)</a></h2>") }
        #expect(page1 == ["Rain &amp; roofs", "Baran"])
        #expect(home.range(of: "Rain &amp; roofs")!.lowerBound < home.range(of: ">Baran</a>")!.lowerBound)
        #expect(home.contains("<article class=\"review-card article-card\">"))
        let page2 = try #require(pages["page/2/index.html"])
        #expect(page2.range(of: ">Site news</a>")!.lowerBound < page2.range(of: ">Court</a>")!.lowerBound)
        #expect(pages["page/3/index.html"]?.contains(">Shwaas</a>") == true)
    }

    @Test func anArticleHasItsOwnPageWithoutABadge() throws {
        let pages = try Self.build()
        let page = try #require(pages["posts/rain-essay/index.html"])
        #expect(page.contains("<h1>Rain &amp; roofs</h1>"))
        #expect(page.contains("Updated <time datetime=\"2020-02-01\">"))
        #expect(page.contains("<a href=\"/blog/reviews/baran/\">Baran</a>"))
        #expect(page.contains("<a href=\"/blog/tags/essays/\" rel=\"tag\">essays</a>"))
        #expect(!page.contains("class=\"rating"))
        #expect(!page.contains("<dl class=\"credits\">"))
        #expect(page.contains("\"@type\":\"BlogPosting\""))
        #expect(!page.contains("\"@type\":\"Review\""))
        #expect(page.contains("\"dateModified\":\"2020-02-01T00:00:00Z\""))
        // A folder article's files are copied beside its page.
        #expect(pages["posts/news/banner.svg"] != nil)
    }

    @Test func termPagesListBothAndCountTheArticles() throws {
        let pages = try Self.build()
        let rain = try #require(pages["tags/rain/index.html"])
        #expect(rain.contains(">Rain &amp; roofs</a></h2>"))
        #expect(rain.contains(">Baran</a></h2>"))
        #expect(rain.contains("Average rating 4 out of 5 across 1 review, and 1 article"))
        let essays = try #require(pages["tags/essays/index.html"])
        #expect(essays.contains("<p class=\"list-meta meta\"><span class=\"meta-items\"><span>1 article</span> <span>"))
        let index = try #require(pages["tags/index.html"])
        #expect(index.contains("1 review, 1 article"))
        // The archive lists the articles among the reviews.
        let archive = try #require(pages["reviews/index.html"])
        #expect(archive.contains("3 reviews and 2 articles, newest first."))
        #expect(archive.contains("<a href=\"/blog/posts/news/\">Site news</a>"))
    }

    @Test func theArticlesHaveAListOfTheirOwn() throws {
        let pages = try Self.build()
        let list = try #require(pages["posts/index.html"])
        #expect(list.contains("<h1 class=\"list-title\">Articles</h1>"))
        #expect(list.range(of: ">Rain &amp; roofs</a></h2>")!.lowerBound < list.range(of: ">Site news</a></h2>")!.lowerBound)
        #expect(!list.contains(">Baran</a></h2>"))
        // A site without articles has no such list.
        #expect(try TestSite(["content/reviews/a.md": TestSite.review()]).pages().keys.contains { $0.hasPrefix("posts/") } == false)
    }

    @Test func theFeedMarksArticlesAsArticles() throws {
        let feed = try #require(try Self.build()["feed.xml"])
        let entries = feed.components(separatedBy: "<entry>").dropFirst()
        #expect(entries.count == 5)
        let article = try #require(entries.first)
        #expect(article.contains("<title>Rain &amp; roofs</title>"))
        #expect(article.contains("<id>https://example.org/blog/posts/rain-essay/</id>"))
        #expect(article.contains("<category term=\"article\" scheme=\"https://example.org/blog/posts/\" label=\"Article\"/>"))
        #expect(article.contains("<updated>2020-02-01T00:00:00Z</updated>"))
        #expect(!article.contains("Rating:"))
        // The summary is escaped text, never markup.
        #expect(article.contains("<summary type=\"html\">&lt;p&gt;Why it rains &amp;lt;so&amp;gt; often.&lt;/p&gt;"))
        let review = try #require(entries.dropFirst().first)
        #expect(review.contains("<title>Baran</title>"))
        #expect(review.contains("Rating: 4 out of 5"))
        #expect(!review.contains("term=\"article\""))
        #expect(feed.contains("<updated>2020-02-01T00:00:00Z</updated>\n  <author>"))
    }

    @Test func theSitemapListsArticles() throws {
        let sitemap = try #require(try Self.build()["sitemap.xml"])
        #expect(sitemap.contains("<url><loc>https://example.org/blog/posts/rain-essay/</loc><lastmod>2020-02-01T00:00:00Z</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://example.org/blog/posts/news/</loc><lastmod>2020-01-05T00:00:00Z</lastmod></url>"))
    }

    @Test func anArticleWithARatingFailsTheBuildAtItsLine() throws {
        var files = Self.files
        files["content/posts/rated.md"] = "---\ntitle: Rated\ndate: 2020-01-02\nrating: 4\n---\nBody.\n"
        #expect(throws: BuildFailure.self) { try Self.build(files) }
        do {
            _ = try Self.build(files)
        } catch let failure as BuildFailure {
            #expect(failure.description == "content/posts/rated.md:4:1: error: an article has no rating — a post with a rating is a review: move it to content/reviews/, or remove rating:")
        }
    }

    @Test func aBrokenLinkInAnArticleIsReportedAtItsLine() {
        var files = Self.files
        files["content/posts/broken.md"] = "---\ntitle: Broken\ndate: 2020-01-02\n---\nFirst line.\n\nSee [nothing](/reviews/nothing/).\n"
        #expect(TestSite(files).errors() == [
            "content/posts/broken.md:7:1: error: the link '/reviews/nothing/' leads to no page of the site — fix the address, or remove the link",
        ])
    }
}

/// Articles and the rest of the site: hostile values escaped, aliases, images, recommendations,
/// and builds that are byte for byte the same.
@Suite struct ArticlesAndTheSiteTests {
    @Test func hostileValuesAreEscapedEverywhere() throws {
        let pages = try TestSite([
            "content/posts/x.md": "---\ntitle: \"</script><b onload='x'>\\\"Hi\\\" & bye\"\ndate: 2020-01-01\ntags: [\"<i>\"]\nsummary: \"</summary><x>\"\n---\nBody.\n",
        ]).pages()
        let page = try #require(pages["posts/x/index.html"])
        #expect(!page.contains("<b onload"))
        #expect(page.contains("<h1>&lt;/script&gt;&lt;b onload=&#39;x&#39;&gt;&quot;Hi&quot; &amp; bye</h1>"))
        let json = try #require(page.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().first?.components(separatedBy: "</script>").first)
        #expect(!json.contains("<"))
        let feed = try #require(pages["feed.xml"])
        #expect(!feed.contains("<b onload") && !feed.contains("<x>") && !feed.contains("</summary><x>"))
        let home = try #require(pages["index.html"])
        #expect(!home.contains("<b onload"))
    }

    @Test func anArticlesLanguageAndWriter() throws {
        let pages = try TestSite([
            "content/posts/x.md": "---\ntitle: X\ndate: 2020-01-01\nlanguage: fa\nreviewer: mina\n---\nBody.\n",
        ], siteYML: TestSite.siteYML + "\nauthors:\n  mina: {name: Mina R., url: \"https://example.org/mina\"}\n").pages()
        let page = try #require(pages["posts/x/index.html"])
        // The page is the site's (its menu and words are English); the article's own text is Persian.
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("<article class=\"review article\" lang=\"fa\" dir=\"rtl\">"))
        #expect(page.contains("<span>By Mina R.</span> <span>"))
        #expect(page.contains("\"author\":{\"@type\":\"Person\",\"name\":\"Mina R.\",\"url\":\"https://example.org/mina\"}"))
        let feed = try #require(pages["feed.xml"])
        #expect(feed.contains("<entry xml:lang=\"fa\">"))
        #expect(feed.contains("<author><name>Mina R.</name><uri>https://example.org/mina</uri></author>"))
    }

    @Test func twoBuildsAreTheSame() throws {
        #expect(try ArticlesTests.build() == (try ArticlesTests.build()))
    }

    @Test func anArticlesOldAddressRedirects() throws {
        let pages = try TestSite(["content/posts/x.md": "---\ntitle: X\ndate: 2020-01-01\naliases: /2020/01/x.html\n---\nBody.\n"]).pages()
        #expect(pages["2020/01/x.html"]?.contains("url=/posts/x/") == true)
        #expect(pages["_redirects"] == "/2020/01/x.html /posts/x/ 301\n")
    }

    @Test func aMissingImageAndARecommendedArticleAreErrors() {
        let errors = TestSite([
            "content/posts/x.md": "---\ntitle: X\ndate: 2020-01-01\nimage: banner.png\n---\nBody.\n",
            "content/reviews/r.md": TestSite.review(title: "R", extra: "recommend: x"),
        ]).errors()
        #expect(errors == [
            "content/posts/x.md:4:8: error: image 'banner.png' does not exist — put the file beside the article in content/posts/x/ (a folder article), or write /path under static/",
            "content/reviews/r.md:5:12: error: recommends 'x', which is an article, not a review — recommend: names reviews; link to the article in the body instead, such as [its title](/posts/x/)",
        ])
    }
}
