import Foundation
import Testing
@testable import MarqueeKit

/// `marquee serve`'s rebuilds notice articles added, edited and removed: each is a full rebuild
/// (articles are not on the body-only path), which writes exactly what a clean build would.
@Suite struct IncrementalArticlesTests {
    static func site() -> TestSite {
        var site = IncrementalBuildTests.site()
        site.files["content/posts/essay.md"] = "---\ntitle: An essay\ndate: 2020-01-06\ntags: [common]\n---\nThe essay's opening.\n\n<!--more-->\n\nAnd on.\n"
        return site
    }

    @Test func editingAnArticleRebuildsWhatShowsIt() throws {
        let site = try IncrementalBuildTests.Fixture(Self.site())
        let stats = try site.rebuild(["content/posts/essay.md"], expect: .full) {
            try site.replace("The essay's opening.", with: "A new opening.", in: "content/posts/essay.md")
        }
        #expect(stats.rewritten.contains("posts/essay/index.html"))
        #expect(stats.rewritten.contains("feed.xml"))
        #expect(stats.rewritten.contains { $0.hasPrefix("tags/common/") })
        let page = try String(contentsOf: site.output.appendingPathComponent("posts/essay/index.html"), encoding: .utf8)
        #expect(page.contains("A new opening."))
    }

    @Test func addingAndRemovingAnArticle() throws {
        let site = try IncrementalBuildTests.Fixture(Self.site())
        try site.rebuild(["content/posts/news.md"], expect: .full) {
            try site.write("content/posts/news.md", "---\ntitle: News\ndate: 2020-01-20\n---\nNews.\n")
        }
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("posts/news/index.html").path))
        let stats = try site.rebuild(["content/posts/news.md"], expect: .full) {
            try FileManager.default.removeItem(at: site.source.appendingPathComponent("content/posts/news.md"))
        }
        #expect(stats.removed == ["posts/news/index.html"])
    }

    @Test func aReviewBodyEditStillTakesTheFastPathBesideArticles() throws {
        let site = try IncrementalBuildTests.Fixture(Self.site())
        let stats = try site.rebuild(["content/reviews/film-04.md"], expect: .bodyOnly) {
            try site.replace("Second paragraph of film 4.", with: "A rewritten second paragraph.", in: "content/reviews/film-04.md")
        }
        #expect(Set(stats.rewritten) == ["reviews/film-04/index.html", "feed.xml"])
    }
}

/// A second `marquee build` with the build cache: an edit to a post builds the whole site (the
/// cache patches review bodies only); an edit to a review body still patches, articles beside it.
@Suite struct CachedRebuildArticlesTests {
    @Test func aPostEditBuildsTheSiteAndAReviewEditStillPatches() throws {
        let site = try CachedRebuildTests.Fixture(IncrementalArticlesTests.site())
        defer { site.remove() }
        try site.rebuild(usingCache: false) {
            try site.replace("The essay's opening.", with: "A new opening.", in: "content/posts/essay.md")
        }
        try site.rebuild(usingCache: true) {
            try site.replace("Second paragraph of film 4.", with: "A rewritten second paragraph.", in: "content/reviews/film-04.md")
        }
        try site.rebuild(usingCache: false) {
            try site.write("content/posts/news.md", "---\ntitle: News\ndate: 2020-01-20\n---\nNews.\n")
        }
    }
}
