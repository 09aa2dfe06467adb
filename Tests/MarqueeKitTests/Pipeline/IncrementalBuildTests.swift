import Foundation
import Testing
@testable import MarqueeKit

/// Every rebuild must leave the output exactly as a clean build of the same sources would, while
/// writing only the files whose bytes changed; edits to review bodies must take the fast path.
@Suite struct IncrementalBuildTests {
    /// Twelve reviews sharing directors, tags and categories, two to a page, with explicit
    /// recommendations, a folder review with an image and a link to an id inside another body.
    static func site() -> TestSite {
        var files: [String: String] = [:]
        for n in 1...12 {
            let slug = String(format: "film-%02d", n)
            let more = n == 3 ? "\n\nSee [the ending of film 5](/reviews/film-05/#ending)." : ""
            let ending = n == 5 ? "\n\n<h2 id=\"ending\">The ending</h2>\n\nIt ends." : ""
            let recommend = n > 1 ? "recommend: \(String(format: "film-%02d", n - 1))" : ""
            files["content/reviews/\(slug).md"] = TestSite.review(
                title: "Film \(n)", date: String(format: "2020-01-%02d", n), rating: String(Double(n % 5) + 1),
                extra: "movie: Film \(n)\ndirector: Director \(n % 3)\ntags: [tag\(n % 4), common]\ncategory: Category \(n % 2)\n\(recommend)",
                body: "Opening paragraph of film \(n).\n\n<!--more-->\n\nSecond paragraph of film \(n).\(more)\(ending)")
        }
        files["content/reviews/film-07.md"] = nil
        files["content/reviews/film-07/index.md"] = TestSite.review(title: "Film 7", date: "2020-01-07", rating: "3",
                                                                   extra: "movie: Film 7\nimage: poster.svg\ntags: [common]",
                                                                   body: "Film seven's opening.\n\n<!--more-->\n\nMore.")
        files["content/reviews/film-07/poster.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"
        files["static/notes.txt"] = "notes\n"
        return TestSite(files)
    }

    /// A site on disk with an incremental build of it, built once.
    struct Fixture {
        let source: URL
        let output: URL
        let build: IncrementalBuild

        init(_ site: TestSite = IncrementalBuildTests.site()) throws {
            source = try site.writeToDisk()
            output = source.deletingLastPathComponent().appendingPathComponent(source.lastPathComponent + "-out")
            build = IncrementalBuild(options: Self.options(source, output))
            guard case .success = build.build() else { throw Failure("the first build failed") }
        }

        static func options(_ source: URL, _ output: URL) -> BuildOptions {
            var options = BuildOptions(sourceDirectory: source, outputDirectory: output)
            options.now = TestSite.fixedNow
            return options
        }

        func write(_ path: String, _ text: String) throws {
            let url = source.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func text(_ path: String) throws -> String {
            try String(contentsOf: source.appendingPathComponent(path), encoding: .utf8)
        }

        func replace(_ old: String, with new: String, in path: String) throws {
            let text = try text(path)
            #expect(text.contains(old), "the fixture changed: \(path) has no '\(old)'")
            try write(path, text.replacingOccurrences(of: old, with: new))
        }

        /// What a clean build of the sources writes now.
        func cleanBuild() throws -> [String: Data] {
            let folder = output.deletingLastPathComponent().appendingPathComponent(output.lastPathComponent + "-clean-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            guard case .success = Build.run(Self.options(source, folder)) else { throw Failure("the clean build failed") }
            return try Self.snapshot(folder)
        }

        static func snapshot(_ folder: URL) throws -> [String: Data] {
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: folder.path)
            while let path = enumerator?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let url = folder.appendingPathComponent(path)
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue, path != OutputWriter.markerName {
                    files[path] = try Data(contentsOf: url)
                }
            }
            return files
        }

        /// Rebuilds after `change` and checks the result against a clean build: same bytes, and
        /// exactly the files that differ were written or removed. Returns what the build did.
        @discardableResult
        func rebuild(_ changed: Set<String>?, expect kind: IncrementalBuild.Stats.Kind,
                     _ change: () throws -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> IncrementalBuild.Stats {
            let before = try Self.snapshot(output)
            try change()
            guard case .success = build.build(changed: changed), let stats = build.lastStats else {
                throw Failure("the rebuild failed")
            }
            let after = try Self.snapshot(output)
            #expect(after == (try cleanBuild()), "the rebuild differs from a clean build", sourceLocation: sourceLocation)
            let differing = Set(after.keys.filter { before[$0] != after[$0] })
            #expect(Set(stats.rewritten) == differing, "written: \(stats.rewritten.sorted()), differing: \(differing.sorted())", sourceLocation: sourceLocation)
            #expect(Set(stats.removed) == Set(before.keys).subtracting(after.keys), sourceLocation: sourceLocation)
            #expect(stats.kind == kind, sourceLocation: sourceLocation)
            return stats
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    @Test func aBodyEditAfterTheExcerptRewritesOnlyThatReviewsPageAndTheFeed() throws {
        let site = try Fixture()
        let stats = try site.rebuild(["content/reviews/film-04.md"], expect: .bodyOnly) {
            try site.replace("Second paragraph of film 4.", with: "A rewritten second paragraph, much longer than before.", in: "content/reviews/film-04.md")
        }
        #expect(Set(stats.rewritten) == ["reviews/film-04/index.html", "feed.xml"])
    }

    @Test func aBodyEditToTheExcerptRewritesEveryListShowingTheCard() throws {
        let site = try Fixture()
        let stats = try site.rebuild(["content/reviews/film-04.md"], expect: .bodyOnly) {
            try site.replace("Opening paragraph of film 4.", with: "A new opening for film 4.", in: "content/reviews/film-04.md")
        }
        // The review, its home page, the first page of each of its terms' lists, the feed; not the archive or ratings.
        #expect(stats.rewritten.contains("reviews/film-04/index.html"))
        #expect(stats.rewritten.contains("tags/common/page/5/index.html") || stats.rewritten.contains { $0.hasPrefix("tags/common/") })
        #expect(!stats.rewritten.contains("reviews/index.html") && !stats.rewritten.contains("ratings/index.html"))
        // New words in the excerpt: the index's shards of those words and of the words gone, no other of its files.
        let search = stats.rewritten.filter { $0.hasPrefix("search/") }
        #expect(!search.isEmpty && search.allSatisfy { $0.hasPrefix("search/terms/") })
        #expect(stats.rendered - search.count < 10)
    }

    /// Whatever its place in the lists and the feed, an edit to any review's excerpt and body
    /// rebuilds to exactly what a clean build writes.
    @Test func everyReviewsBodyEditMatchesACleanBuild() throws {
        let site = try Fixture()
        for n in 1...12 {
            let path = n == 7 ? "content/reviews/film-07/index.md" : String(format: "content/reviews/film-%02d.md", n)
            try site.rebuild([path], expect: .bodyOnly) {
                let text = try site.text(path)
                try site.write(path, text.replacingOccurrences(of: "<!--more-->", with: "Added to the excerpt of \(n).\n\n<!--more-->\n\nAnd \(n) more words after it."))
            }
        }
    }

    @Test func aFolderReviewsBodyAndTwoFilesAtOnce() throws {
        let site = try Fixture()
        try site.rebuild(["content/reviews/film-07/index.md", "content/reviews/film-02.md"], expect: .bodyOnly) {
            try site.replace("Film seven's opening.", with: "Film seven, opened again.", in: "content/reviews/film-07/index.md")
            try site.replace("Second paragraph of film 2.", with: "Changed.", in: "content/reviews/film-02.md")
        }
    }

    @Test func frontMatterTemplatesSettingsAndStaticFilesRebuildWhatDependsOnThem() throws {
        let site = try Fixture()
        // A rating: the review, cards, ratings page, chart, badges on recommending pages…
        try site.rebuild(["content/reviews/film-04.md"], expect: .full) {
            try site.replace("rating: 5.0", with: "rating: 2.5", in: "content/reviews/film-04.md")
        }
        // A tag: new term pages appear, the old one's lists change.
        try site.rebuild(["content/reviews/film-08.md"], expect: .full) {
            try site.replace("tags: [tag0, common]", with: "tags: [brand-new, common]", in: "content/reviews/film-08.md")
        }
        // A template.
        try site.rebuild(["templates/review-card.mustache"], expect: .full) {
            try site.write("templates/review-card.mustache", "<article class=\"card\"><a href=\"{{url}}\">{{title}}</a> {{{excerpt}}}</article>\n")
        }
        // site.yml: every page.
        try site.rebuild(["site.yml"], expect: .full) {
            try site.replace("title: Test Reviews", with: "title: Other Reviews", in: "site.yml")
        }
        // The site's own words (i18n/<lang>.yml), added then changed: every page.
        try site.rebuild(["i18n/en.yml"], expect: .full) {
            try site.write("i18n/en.yml", "site.feed: Our feed\n")
        }
        #expect(try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8).contains("Our feed"))
        try site.rebuild(["i18n/en.yml"], expect: .full) {
            try site.write("i18n/en.yml", "site.feed: The feed\n")
        }
        // The site's language.
        try site.rebuild(["site.yml"], expect: .full) {
            try site.replace("title: Other Reviews", with: "title: Other Reviews\nlanguage: de", in: "site.yml")
        }
        #expect(try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8).contains("Zum Inhalt springen"))
        // A static file and a review's image.
        try site.rebuild(["static/notes.txt", "content/reviews/film-07/poster.svg"], expect: .full) {
            try site.write("static/notes.txt", "other notes\n")
            try site.write("content/reviews/film-07/poster.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\"/>\n")
        }
    }

    @Test func addingAndDeletingReviews() throws {
        let site = try Fixture()
        try site.rebuild(["content/reviews/film-13.md"], expect: .full) {
            try site.write("content/reviews/film-13.md", TestSite.review(title: "Film 13", date: "2020-02-01", extra: "movie: Film 13\ntags: [common]"))
        }
        try site.rebuild(["content/reviews/film-12.md"], expect: .full) {
            try FileManager.default.removeItem(at: site.source.appendingPathComponent("content/reviews/film-12.md"))
        }
    }

    @Test func anUnknownChangeSetRebuildsEverythingAndWritesNothingUnchanged() throws {
        let site = try Fixture()
        let stats = try site.rebuild(nil, expect: .full) {}
        #expect(stats.rewritten.isEmpty)
    }

    @Test func aBrokenLinkOrARemovedAnchorFailsAndLeavesTheOutputAlone() throws {
        let site = try Fixture()
        let before = try Fixture.snapshot(site.output)
        try site.replace("Second paragraph of film 4.", with: "See [nothing](/reviews/no-such-film/).", in: "content/reviews/film-04.md")
        guard case .failure(let failure) = site.build.build(changed: ["content/reviews/film-04.md"]) else {
            Issue.record("a broken link was accepted"); return
        }
        #expect(failure.diagnostics.contains { $0.location.path == "content/reviews/film-04.md" && $0.message.contains("no-such-film") })
        #expect(try Fixture.snapshot(site.output) == before)

        try site.replace("See [nothing](/reviews/no-such-film/).", with: "Fixed.", in: "content/reviews/film-04.md")
        try site.replace("<h2 id=\"ending\">", with: "<h2>", in: "content/reviews/film-05.md")
        guard case .failure(let anchor) = site.build.build(changed: ["content/reviews/film-04.md", "content/reviews/film-05.md"]) else {
            Issue.record("a link to a removed id was accepted"); return
        }
        #expect(anchor.diagnostics.contains { $0.location.path == "content/reviews/film-03.md" && $0.message.contains("#ending") })
        #expect(try Fixture.snapshot(site.output) == before)

        // Put the id back: the next build catches up with every edit since the last good one
        // (both are to bodies, so it stays on the fast path).
        try site.rebuild(["content/reviews/film-05.md"], expect: .bodyOnly) {
            try site.replace("<h2>", with: "<h2 id=\"ending\">", in: "content/reviews/film-05.md")
        }
    }

    @Test func anEditAfterAFailedFrontMatterChangeIsNotTakenForABodyEdit() throws {
        let site = try Fixture()
        // A valid front matter change in a build that fails for another reason…
        try site.replace("rating: 5.0", with: "rating: 1.5", in: "content/reviews/film-04.md")
        try site.replace("Second paragraph of film 6.", with: "[broken](/nowhere/)", in: "content/reviews/film-06.md")
        guard case .failure = site.build.build(changed: ["content/reviews/film-04.md", "content/reviews/film-06.md"]) else {
            Issue.record("a broken link was accepted"); return
        }
        // …then a body edit to the same file: the rating change must not be lost.
        try site.rebuild(["content/reviews/film-04.md", "content/reviews/film-06.md"], expect: .full) {
            try site.replace("Second paragraph of film 4.", with: "Edited.", in: "content/reviews/film-04.md")
            try site.replace("[broken](/nowhere/)", with: "Fixed.", in: "content/reviews/film-06.md")
        }
    }

    /// A review dated in the future appears (or loses its "Scheduled" mark, as `serve` shows it)
    /// once its time has passed, even when the edit that triggers the rebuild is to another body.
    @Test func timePassingAReviewsDateRebuildsEverything() throws {
        var site = Self.site()
        site.files["content/reviews/later.md"] = TestSite.review(title: "Later", date: "2029-06-01", extra: "movie: Later\ntags: [common]")
        let june2029: Int64 = 1_874_966_400 // 2029-06-01T00:00:00Z; a day either side covers any time zone
        for includeFuture in [false, true] {
            let source = try site.writeToDisk()
            let output = source.deletingLastPathComponent().appendingPathComponent(source.lastPathComponent + "-out")
            var options = Fixture.options(source, output)
            options.includeFuture = includeFuture
            let build = IncrementalBuild(options: options)
            guard case .success = build.build(now: june2029 - 86_400 * 2) else { Issue.record("the first build failed"); continue }
            let page = output.appendingPathComponent("reviews/later/index.html")
            #expect(FileManager.default.fileExists(atPath: page.path) == includeFuture)

            let edited = source.appendingPathComponent("content/reviews/film-04.md")
            try Data(String(contentsOf: edited, encoding: .utf8).replacingOccurrences(of: "Second paragraph of film 4.", with: "Edited.").utf8).write(to: edited)
            guard case .success = build.build(changed: ["content/reviews/film-04.md"], now: june2029 + 86_400 * 2) else { Issue.record("the rebuild failed"); continue }
            #expect(build.lastStats?.kind == .full)
            #expect(FileManager.default.fileExists(atPath: page.path))
            let html = try String(contentsOf: page, encoding: .utf8)
            #expect(!html.contains("Scheduled"))
        }
    }

    /// With `broken_links: warning`, fixing the link in a body must also drop the warning: the
    /// rebuild that follows reports exactly what a clean build would.
    @Test func linkWarningsComeAndGoWithTheBody() throws {
        var site = Self.site()
        site.files["site.yml"] = TestSite.siteYML + "\nbroken_links: warning"
        site.files["content/reviews/film-04.md"] = site.files["content/reviews/film-04.md"]?
            .replacingOccurrences(of: "Second paragraph of film 4.", with: "See [gone](/reviews/gone/).")
        let fixture = try Fixture(site)
        try fixture.replace("See [gone](/reviews/gone/).", with: "Fixed.", in: "content/reviews/film-04.md")
        guard case .success(let report) = fixture.build.build(changed: ["content/reviews/film-04.md"]) else {
            Issue.record("the rebuild failed"); return
        }
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }
}
