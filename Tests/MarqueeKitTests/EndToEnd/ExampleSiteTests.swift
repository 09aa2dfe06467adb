import Foundation
import Testing
@testable import MarqueeKit

/// Builds the example site of this repository, as `make site` does, into temporary folders.
@Suite struct ExampleSiteTests {
    static let base = "https://example.org/blog/"

    /// A copy of the example site in the test process's scratch folder, made once: its builds
    /// keep their caches (`.marquee/`) there, not in the repository.
    static let site: URL = {
        let folder = Paths.temporaryFolder("example-site")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["site.yml", "content", "static", "templates"] {
            try? FileManager.default.copyItem(at: Paths.packageRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }()

    func build(drafts: Bool = false, into output: URL = Paths.temporaryFolder()) throws -> (URL, [String: Data]) {
        var options = BuildOptions(sourceDirectory: Self.site, outputDirectory: output)
        options.baseURLOverride = Self.base
        options.includeDrafts = drafts
        options.now = TestSite.fixedNow
        switch Build.run(options) {
        case .success: return (output, Paths.snapshot(output))
        case .failure(let failure): throw failure
        }
    }

    func reviewSlugs(draft: Bool) throws -> [String] {
        let folder = Paths.packageRoot.appendingPathComponent("content/reviews")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().compactMap { name in
            guard !name.hasSuffix(".comments.yml") else { return nil } // a review's comments, beside it
            let url = folder.appendingPathComponent(name)
            let file = name.hasSuffix(".md") ? url : url.appendingPathComponent("index.md")
            let text = try String(contentsOf: file, encoding: .utf8)
            let isDraft = text.contains("\ndraft: true")
            return isDraft == draft ? (name.hasSuffix(".md") ? String(name.dropLast(3)) : name) : nil
        }
    }

    @Test func writesEveryPublishedReviewTheHomePagesAndAbout() throws {
        let (_, files) = try build()
        let published = try reviewSlugs(draft: false)
        #expect(published.count >= 12)
        for slug in published {
            #expect(files["reviews/\(slug)/index.html"] != nil, "missing review page \(slug)")
        }
        #expect(files["about/index.html"] != nil)
        #expect(files["index.html"] != nil)
        #expect(files["style.css"] != nil)
        #expect(files[OutputWriter.markerName] != nil)
        let pageCount = (published.count + 4) / 5 // site.yml: paginate 5
        for number in 2...pageCount {
            #expect(files["page/\(number)/index.html"] != nil, "missing home page \(number)")
        }
        #expect(files["page/\(pageCount + 1)/index.html"] == nil)
    }

    @Test func draftsAreAbsentUnlessAskedFor() throws {
        let drafts = try reviewSlugs(draft: true)
        #expect(!drafts.isEmpty)
        let (_, files) = try build()
        let (_, withDrafts) = try build(drafts: true)
        for slug in drafts {
            #expect(files["reviews/\(slug)/index.html"] == nil)
            let page = try #require(withDrafts["reviews/\(slug)/index.html"])
            #expect(String(decoding: page, as: UTF8.self).contains("Draft"))
        }
        let home = files.filter { $0.key == "index.html" || $0.key.hasPrefix("page/") }.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for slug in drafts { #expect(!home.contains("/reviews/\(slug)/")) }
    }

    @Test func everyInternalLinkResolvesUnderTheSubPath() throws {
        let (_, files) = try build()
        let pages = files.filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
        let broken = LinkChecker.brokenLinks(files: Set(files.keys), pages: pages, basePath: "/blog/")
        #expect(broken == [])
        // Every link the site writes itself carries the base path.
        let home = try #require(pages["index.html"])
        #expect(home.contains("href=\"/blog/style.css\""))
        #expect(!home.contains("href=\"/reviews/"))
    }

    @Test func reviewPagesShowBadgeCreditsAndRecommendations() throws {
        let (_, files) = try build()
        let page = String(decoding: try #require(files["reviews/children-of-heaven/index.html"]), as: UTF8.self)
        #expect(page.contains(#"<p class="review-rating"><span class="rating"><span class="rating-stars" aria-hidden="true">"#))
        #expect(page.contains(#"<span class="rating-text">Rated 5 out of 5</span>"#))
        #expect(page.contains("Majid Majidi"))
        #expect(page.contains(#"Liked <cite>Children of Heaven</cite>? You'll love these</h2>"#))
        #expect(page.contains(#"<a class="recommendation-title" href="/blog/reviews/shwaas/"><cite>Shwaas</cite></a>"#))
        // Two directors, listed in order.
        let delicatessen = String(decoding: try #require(files["reviews/delicatessen/index.html"]), as: UTF8.self)
        #expect(delicatessen.contains("Directors"))
        #expect(delicatessen.contains("Jean-Pierre Jeunet"))
        #expect(delicatessen.contains("Marc Caro"))
        // A half star.
        let shwaas = String(decoding: try #require(files["reviews/shwaas/index.html"]), as: UTF8.self)
        #expect(shwaas.contains(#"<span class="rating-text">Rated 4.5 out of 5</span>"#))
        #expect(shwaas.contains("star-half"))
        // A recommendation of a work not reviewed here links out.
        let balloon = String(decoding: try #require(files["reviews/the-white-balloon/index.html"]), as: UTF8.self)
        #expect(balloon.contains(#"rel="external""#))
        #expect(balloon.contains("https://en.wikipedia.org/wiki/"))
        // Images beside a folder review are copied beside its page.
        #expect(files["reviews/children-of-heaven/poster.jpg"] != nil)
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let (_, first) = try build()
        let (_, second) = try build()
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first { #expect(second[path] == data, "differs: \(path)") }
    }
}
