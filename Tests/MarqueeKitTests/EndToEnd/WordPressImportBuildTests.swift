import Foundation
import Testing
@testable import MarqueeKit

/// Imported sites build; a second import keeps what the writer edited; a bad export writes nothing.
@Suite struct WordPressImportBuildTests {
    static let exports = ["theme-unit-test-data.xml", "wordpress-com-2025.xml", "small-export.xml"].map { WXRReaderTests.fixtures.appendingPathComponent($0) }
        + [WXRReaderTests.filmBlog]

    static func site(_ url: URL) throws -> TestSite {
        let files = WordPressImport.plan(try WXRReaderTests.export(url)).files
        var site = TestSite()
        site.files = Dictionary(files.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
        return site
    }

    @Test(arguments: exports)
    func eachExportImportsAndBuildsUnderASubPath(_ url: URL) throws {
        let site = try Self.site(url)
        switch site.render(baseURL: "https://example.org/blog/") {
        case .success(let rendered):
            // A post scheduled after the tests' "now" is the only warning.
            let others = rendered.warnings.filter { !$0.message.contains("in the future, and is not published") }
            #expect(others.map(\.description) == [])
        case .failure(let failure):
            Issue.record("\(url.lastPathComponent): \(failure.description)")
        }
    }

    @Test func theFilmBlogsReviewsAliasesAndLinksOnTheSite() throws {
        let pages = try Self.site(WXRReaderTests.filmBlog).pages(baseURL: "https://example.org/blog/")
        let review = try #require(pages["reviews/children-of-heaven/index.html"])
        #expect(review.contains("5 out of 5") && review.contains("Majid Majidi") && review.contains("/blog/reviews/shwaas/"))
        #expect(pages["2009/03/14/children-of-heaven/index.html"]?.contains("url=/blog/reviews/children-of-heaven/") == true)
        #expect(pages["reviews/shwaas/index.html"]?.contains("<pre class=\"wp-block-preformatted\">First line\n\nafter a blank line\n\tand a tab</pre>") == true)
        #expect(pages["reviews/shwaas/index.html"]?.contains("Mina R.") == true)
        #expect(pages["about/index.html"]?.contains("href=\"/blog/reviews/children-of-heaven/\"") == true)
        #expect(pages["reviews/baran/index.html"] == nil) // a draft
        #expect(pages["posts/why-i-still-buy-dvds/index.html"]?.contains("Streaming services forget films.") == true)
        #expect(pages["2012/06/01/why-i-still-buy-dvds/index.html"]?.contains("url=/blog/posts/why-i-still-buy-dvds/") == true)
    }

    /// The comments the import keeps are shown under their review: threaded, the hostile one as
    /// harmless text, and never an e-mail address.
    @Test func theFilmBlogsCommentsShowUnderTheirReview() throws {
        let pages = try Self.site(WXRReaderTests.filmBlog).pages(baseURL: "https://example.org/blog/")
        let review = try #require(pages["reviews/children-of-heaven/index.html"])
        #expect(review.contains("2 thoughts on “"))
        #expect(review.contains(#"<a href="https://ravi.example.org/" rel="nofollow ugc">Ravi</a>"#))
        #expect(review.contains("<p>I cried at the goldfish.</p>\n<p>Twice.</p>"))
        let reply = try #require(review.range(of: #"<li class="comment depth-2" id="comment-102">"#))
        let rest = String(review[reply.lowerBound...])
        #expect(rest.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;; title: hacked"))
        #expect(rest.contains("<p>Reply:  me<br>\n--- <br>\nkey: value<br>\n- list</p>"))
        let comments = String(review[try #require(review.range(of: "<section class=\"comments\"")).lowerBound...])
        for hostile in ["<img", "onerror", "javascript:", "</textarea>", "secret.example", "192.0.2.7"] {
            #expect(!comments.contains(hostile), "\(hostile)")
        }
        #expect(pages["feed.xml"]?.contains(#"thr:count="2""#) == true)
    }

    @Test func withMediaTheFilmBlogBuildsWithItsImages() throws {
        let folder = Paths.temporaryFolder("import")
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = WordPressImportOptions(media: ImportMedia.folderLookup(WordPressImportTests.uploads))
        let report = try WordPressImport.run(export: WXRReaderTests.filmBlog.path, into: folder, options: options, force: false).get()
        #expect(report.written.contains("content/reviews/children-of-heaven/shoes.jpg") && report.written.contains("static/uploads/2012/06/shelf.jpg"))
        let output = Paths.temporaryFolder("import-out")
        defer { try? FileManager.default.removeItem(at: output) }
        var build = BuildOptions(sourceDirectory: folder, outputDirectory: output)
        build.baseURLOverride = "https://example.org/blog/"
        guard case .success = Build.run(build) else { Issue.record("the imported site did not build"); return }
        let page = try String(contentsOf: output.appendingPathComponent("reviews/children-of-heaven/index.html"), encoding: .utf8)
        // The still beside the review is resized (the file is copied too, for other links to it).
        #expect(page.contains("<picture><source type=\"image/webp\" srcset=\"/blog/images/"), "\(page)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("reviews/children-of-heaven/shoes.jpg").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("uploads/2012/06/shelf.jpg").path))
    }

    @Test func theThemeUnitTestDataImportsWellUnderASecond() throws {
        let data = try Data(contentsOf: Self.exports[0])
        let start = Date()
        let export = try WXRReader.read(data, path: "theme-unit-test-data.xml").get()
        let files = WordPressImport.plan(export).files
        let elapsed = Date().timeIntervalSince(start)
        #expect(files.count == 85)
        // A debug build on a shared machine: the bound leaves room; a release build takes a fraction.
        #expect(elapsed < 3, "took \(elapsed) s")
    }

    @Test func aSecondImportKeepsWhatTheWriterEdited() throws {
        let folder = Paths.temporaryFolder("import")
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = WXRReaderTests.filmBlog.path
        let first = try WordPressImport.run(export: export, into: folder, options: .init(), force: false).get()
        #expect(first.written.count == 7 && first.kept.isEmpty)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(ImportWriter.manifestPath).path))

        let again = try WordPressImport.run(export: export, into: folder, options: .init(), force: false).get()
        #expect(again.written.isEmpty && again.unchanged.count == 7)

        let edited = folder.appendingPathComponent("content/reviews/shwaas.md")
        try Data("---\ntitle: Mine now\n---\n".utf8).write(to: edited)
        let third = try WordPressImport.run(export: export, into: folder, options: .init(), force: false).get()
        #expect(third.kept == ["content/reviews/shwaas.md"])
        #expect(try String(contentsOf: edited, encoding: .utf8) == "---\ntitle: Mine now\n---\n")
        #expect(third.text(export: "x.xml", into: "blog").hasSuffix("Files: 0 written, 6 unchanged, 1 kept because they were edited since the last import (--force overwrites them)\n  kept content/reviews/shwaas.md"))

        let forced = try WordPressImport.run(export: export, into: folder, options: .init(), force: true).get()
        #expect(forced.written == ["content/reviews/shwaas.md"])
    }

    @Test func aSiteYmlOfTheWritersOwnIsNeverReplaced() throws {
        let folder = Paths.temporaryFolder("import")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("title: Mine\n".utf8).write(to: folder.appendingPathComponent("site.yml"))
        let report = try WordPressImport.run(export: WXRReaderTests.filmBlog.path, into: folder, options: .init(), force: true).get()
        #expect(!report.written.contains("site.yml"))
        #expect(try String(contentsOf: folder.appendingPathComponent("site.yml"), encoding: .utf8) == "title: Mine\n")
        #expect(report.attention.contains { $0.title == "site.yml" })
    }

    @Test func aBadExportWritesNothing() throws {
        let folder = Paths.temporaryFolder("import")
        let bad = Paths.temporaryFolder("bad-export")
        defer { try? FileManager.default.removeItem(at: bad) }
        try Data("<?xml version=\"1.0\"?>\n<rss><channel>\n<item><title>x</title>\n".utf8).write(to: bad)
        guard case .failure(let diagnostic) = WordPressImport.run(export: bad.path, into: folder, options: .init(), force: false) else {
            Issue.record("it was imported"); return
        }
        #expect(diagnostic.location.line == 3 && diagnostic.location.column == 23)
        #expect(diagnostic.message == "the export is not well-formed XML: the file ends before the document does (is it cut short?)")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
