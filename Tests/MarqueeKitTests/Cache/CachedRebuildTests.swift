import Foundation
import Testing
@testable import MarqueeKit

/// A second `marquee build` after an edit: with the build cache it must leave the output exactly
/// as a clean build of the same sources (without any cache) would, writing only the files whose
/// bytes change; and it must patch the files only for edits to review bodies, building the whole
/// site for anything else.
@Suite struct CachedRebuildTests {
    typealias Failure = IncrementalBuildTests.Failure

    /// A site on disk built once by `Build.run` (which records the cache).
    struct Fixture {
        let source: URL
        let output: URL

        init(_ site: TestSite = IncrementalBuildTests.site()) throws {
            source = try site.writeToDisk()
            output = source.deletingLastPathComponent().appendingPathComponent(source.lastPathComponent + "-out")
            guard case .success(let report) = Build.run(options()) else { throw Failure("the first build failed") }
            #expect(!report.reusedCache)
        }

        func options(into folder: URL? = nil, cache: Bool = true) -> BuildOptions {
            var options = BuildOptions(sourceDirectory: source, outputDirectory: folder ?? output)
            options.now = TestSite.fixedNow
            options.useCache = cache
            return options
        }

        var cacheFile: URL { BuildCache.location(for: options()) }

        /// Removes the site and output folders (and whatever a build left beside the output).
        func remove() {
            try? FileManager.default.removeItem(at: source)
            try? FileManager.default.removeItem(at: output)
            PatchJournal.discard(output: output)
        }

        /// The failure of a build expected to fail, with the cache or (into a folder of its own) without it.
        func failure(cache: Bool = true) throws -> BuildFailure {
            let folder = cache ? output : output.deletingLastPathComponent().appendingPathComponent(output.lastPathComponent + "-clean-\(UUID().uuidString)")
            defer { if !cache { try? FileManager.default.removeItem(at: folder) } }
            guard case .failure(let failure) = Build.run(options(into: folder, cache: cache)) else { throw Failure("the build did not fail") }
            return failure
        }

        func write(_ path: String, _ text: String) throws {
            let url = source.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func replace(_ old: String, with new: String, in path: String) throws {
            let text = try String(contentsOf: source.appendingPathComponent(path), encoding: .utf8)
            #expect(text.contains(old), "the fixture changed: \(path) has no '\(old)'")
            try write(path, text.replacingOccurrences(of: old, with: new))
        }

        /// What a clean build without the cache writes now.
        func cleanBuild() throws -> [String: Data] {
            let folder = output.deletingLastPathComponent().appendingPathComponent(output.lastPathComponent + "-clean-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            guard case .success = Build.run(options(into: folder, cache: false)) else { throw Failure("the clean build failed") }
            return try IncrementalBuildTests.Fixture.snapshot(folder)
        }

        /// Builds after `change`; checks the output against a clean build, whether the cache was
        /// used, and (when it was) that exactly the files that differ were written.
        @discardableResult
        func rebuild(usingCache: Bool, _ change: () throws -> Void,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> BuildReport {
            let before = try IncrementalBuildTests.Fixture.snapshot(output)
            try change()
            guard case .success(let report) = Build.run(options()) else { throw Failure("the rebuild failed") }
            let after = try IncrementalBuildTests.Fixture.snapshot(output)
            #expect(after == (try cleanBuild()), "the rebuild differs from a clean build", sourceLocation: sourceLocation)
            #expect(report.reusedCache == usingCache, "reused the cache: \(report.reusedCache)", sourceLocation: sourceLocation)
            if report.reusedCache {
                let differing = after.keys.filter { before[$0] != after[$0] }.count
                #expect(report.filesWritten == differing, "written: \(report.filesWritten), differing: \(differing)", sourceLocation: sourceLocation)
            }
            return report
        }
    }

    /// The test site without the search index, which an edit to an excerpt's words changes (and
    /// which is not patched: `searchIndexEdits`).
    static func withoutSearch(_ files: [String: String] = IncrementalBuildTests.site().files) -> TestSite {
        var files = files
        files["site.yml"] = TestSite.siteYML + "\nsearch: false\n"
        return TestSite(files)
    }

    @Test func everyReviewsBodyEditIsPatchedAfterAndInsideTheExcerpt() throws {
        let site = try Fixture(Self.withoutSearch())
        for n in 1...12 {
            let path = n == 7 ? "content/reviews/film-07/index.md" : String(format: "content/reviews/film-%02d.md", n)
            let (afterExcerpt, inExcerpt) = n == 7 ? ("More.", "Film seven's opening.") : ("Second paragraph of film \(n).", "Opening paragraph of film \(n).")
            let report = try site.rebuild(usingCache: true) {
                try site.replace(afterExcerpt, with: "Rewritten, with <em>markup</em> & \"quotes\" — after the excerpt of \(n).", in: path)
            }
            #expect(report.filesWritten >= 1)
            try site.rebuild(usingCache: true) {
                try site.replace(inExcerpt, with: "A new opening for review \(n): it's <b>bold</b> & 'quoted'.", in: path)
            }
        }
    }

    @Test func aLongerBodyChangesTheWordCountAndReadingTimeInPlace() throws {
        let site = try Fixture()
        let words = Array(repeating: "word", count: 900).joined(separator: " ")
        try site.rebuild(usingCache: true) {
            try site.replace("Second paragraph of film 4.", with: words, in: "content/reviews/film-04.md")
        }
        let page = try String(contentsOf: site.output.appendingPathComponent("reviews/film-04/index.html"), encoding: .utf8)
        #expect(page.contains("4 min read"))
    }

    /// On a Persian site the patched reading time is in Persian digits, as a full build writes it.
    @Test func aPatchedReadingTimeIsInTheSitesDigits() throws {
        var files = IncrementalBuildTests.site().files
        files["site.yml"] = (files["site.yml"] ?? TestSite.siteYML) + "\nlanguage: fa\n"
        let site = try Fixture(TestSite(files))
        let words = Array(repeating: "word", count: 900).joined(separator: " ")
        try site.rebuild(usingCache: true) {
            try site.replace("Second paragraph of film 4.", with: words, in: "content/reviews/film-04.md")
        }
        let page = try String(contentsOf: site.output.appendingPathComponent("reviews/film-04/index.html"), encoding: .utf8)
        #expect(page.contains("۴ دقیقه"))
        #expect(!page.contains(">4 "))
    }

    @Test func aTemplateShowingTheBodyEscapedIsPatchedEscapedToo() throws {
        var files = IncrementalBuildTests.site().files
        files["templates/review-card.mustache"] = "<article><a href=\"{{url}}\">{{title}}</a> <p title=\"{{excerpt}}\">{{{excerpt}}}</p></article>\n"
        let site = try Fixture(Self.withoutSearch(files))
        try site.rebuild(usingCache: true) {
            try site.replace("Opening paragraph of film 2.", with: "An \"opening\" <i>with</i> & markup.", in: "content/reviews/film-02.md")
        }
    }

    @Test func editsOtherThanToBodiesBuildTheWholeSite() throws {
        let site = try Fixture()
        try site.rebuild(usingCache: false) { try site.replace("rating: 5.0", with: "rating: 2.5", in: "content/reviews/film-04.md") }
        try site.rebuild(usingCache: false) { try site.replace("tags: [tag1, common]", with: "tags: [tag1]", in: "content/reviews/film-05.md") }
        try site.rebuild(usingCache: false) { try site.write("templates/review-card.mustache", "<article><a href=\"{{url}}\">{{title}}</a></article>\n") }
        try site.rebuild(usingCache: false) { try site.write("site.yml", "title: Renamed\nbase_url: https://example.org/\n") }
        try site.rebuild(usingCache: false) { try site.write("static/notes.txt", "other notes\n") }
        try site.rebuild(usingCache: false) { try site.write("content/reviews/film-13.md", TestSite.review(title: "Film 13", date: "2020-01-13")) }
        try site.rebuild(usingCache: false) { try FileManager.default.removeItem(at: site.source.appendingPathComponent("content/reviews/film-13.md")) }
        // Links and ids decide the link check: a body that adds either is built in full.
        try site.rebuild(usingCache: false) { try site.replace("Second paragraph of film 6.", with: "See [film 2](/reviews/film-02/).", in: "content/reviews/film-06.md") }
        try site.rebuild(usingCache: false) { try site.replace("Second paragraph of film 8.", with: "<span id=\"note\">A note.</span>", in: "content/reviews/film-08.md") }
        // After all of that, a body edit is patched again.
        try site.rebuild(usingCache: true) { try site.replace("Second paragraph of film 9.", with: "Changed.", in: "content/reviews/film-09.md") }
    }

    @Test func aBrokenLinkInABodyFailsAndLeavesEverythingAsItWas() throws {
        let site = try Fixture()
        let before = try IncrementalBuildTests.Fixture.snapshot(site.output)
        try site.replace("Second paragraph of film 6.", with: "See [nowhere](/reviews/nowhere/).", in: "content/reviews/film-06.md")
        var options = site.options()
        options.strict = true
        guard case .failure = Build.run(options) else { Issue.record("a broken link with --strict must fail"); return }
        #expect(try IncrementalBuildTests.Fixture.snapshot(site.output) == before)
    }

    @Test func textThatLooksLikeAMarkChangesNothing() throws {
        let site = try Fixture()
        let lookalike = String(decoding: [0xEF, 0xB7, 0x90] + Array("0000000000000000 12".utf8) + [0xEF, 0xB7, 0x91, 0xEF, 0xB7, 0x92], as: UTF8.self)
        try site.rebuild(usingCache: true) { try site.replace("Second paragraph of film 3.", with: "Odd \(lookalike) text.", in: "content/reviews/film-03.md") }
        try site.rebuild(usingCache: true) { try site.replace("Odd \(lookalike) text.", with: "Plain again.", in: "content/reviews/film-03.md") }
    }

    @Test func aFileChangedInTheOutputIsRebuiltNotPatched() throws {
        let site = try Fixture()
        try Data("hand-edited\n".utf8).write(to: site.output.appendingPathComponent("reviews/film-04/index.html"))
        try site.rebuild(usingCache: false) { try site.replace("Second paragraph of film 4.", with: "Changed.", in: "content/reviews/film-04.md") }
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let site = try Fixture()
        let cache = try Data(contentsOf: site.cacheFile)
        try cache.prefix(cache.count / 2).write(to: site.cacheFile)
        try site.rebuild(usingCache: false) { try site.replace("Second paragraph of film 4.", with: "Changed.", in: "content/reviews/film-04.md") }
        try site.rebuild(usingCache: true) { try site.replace("Changed.", with: "Changed again.", in: "content/reviews/film-04.md") }
    }

    @Test func aBuildStoppedWhilePatchingLeavesNoCacheToTrust() throws {
        let site = try Fixture()
        try site.rebuild(usingCache: true) { try site.replace("Second paragraph of film 4.", with: "Changed.", in: "content/reviews/film-04.md") }
        #expect(FileManager.default.fileExists(atPath: site.cacheFile.path + ".journal"), "a patching build writes a journal, not the whole cache")
        // As a build stopped between patching files and writing the journal leaves it:
        #expect(BuildCache.suspend(at: site.cacheFile))
        try site.rebuild(usingCache: false) { try site.replace("Changed.", with: "Changed again.", in: "content/reviews/film-04.md") }
        #expect(!FileManager.default.fileExists(atPath: site.cacheFile.path + ".busy"))
        try site.rebuild(usingCache: true) { try site.replace("Changed again.", with: "And again.", in: "content/reviews/film-04.md") }
    }

    @Test func aJournalFromAnEarlierCacheIsIgnored() throws {
        let site = try Fixture()
        try site.rebuild(usingCache: true) { try site.replace("Second paragraph of film 4.", with: "Changed.", in: "content/reviews/film-04.md") }
        let journal = try Data(contentsOf: URL(fileURLWithPath: site.cacheFile.path + ".journal"))
        try site.rebuild(usingCache: false) { try site.replace("rating: 5.0", with: "rating: 1.5", in: "content/reviews/film-04.md") }
        try journal.write(to: URL(fileURLWithPath: site.cacheFile.path + ".journal")) // left over from the generation before
        try site.rebuild(usingCache: true) { try site.replace("Changed.", with: "Changed once more.", in: "content/reviews/film-04.md") }
    }

    @Test func aCacheNamingAFileOutsideTheOutputIsNotFollowed() throws {
        let site = try Fixture()
        var cache = try #require(BuildCache.load(from: site.cacheFile))
        let index = try #require((0..<cache.files.count).first { cache.files[$0]?.path == "reviews/film-04/index.html" })
        var entry = try #require(cache.files[index])
        let outside = site.output.deletingLastPathComponent().appendingPathComponent("outside.html")
        try FileManager.default.copyItem(at: site.output.appendingPathComponent(entry.path), to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        entry.path = "../" + outside.lastPathComponent
        entry.stamp = try #require(SourceStamp.of(outside.path))
        cache.files.replace(index, with: entry)
        try cache.write(to: site.cacheFile)
        let before = try Data(contentsOf: outside)
        try site.rebuild(usingCache: false) { try site.replace("Second paragraph of film 4.", with: "Changed.", in: "content/reviews/film-04.md") }
        #expect(try Data(contentsOf: outside) == before)
    }

    @Test func aDateThatPassesBuildsTheWholeSite() throws {
        var files = IncrementalBuildTests.site().files
        files["content/reviews/later.md"] = TestSite.review(title: "Later", date: "2030-01-02", body: "Not yet.")
        let site = try Fixture(TestSite(files))
        var options = site.options()
        options.now = TestSite.fixedNow + 10 * 365 * 86_400 // past 2030-01-02
        try site.replace("Second paragraph of film 4.", with: "Changed.", in: "content/reviews/film-04.md")
        guard case .success(let report) = Build.run(options) else { Issue.record("the build failed"); return }
        #expect(!report.reusedCache)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("reviews/later/index.html").path))
    }

    @Test func nothingChangedWritesNothing() throws {
        let site = try Fixture()
        let report = try site.rebuild(usingCache: true) {}
        #expect(report.filesWritten == 0)
    }

    @Test func warningsAreShownAgainAndAFileWithOneIsBuiltInFull() throws {
        var files = IncrementalBuildTests.site().files
        files["content/reviews/film-02.md"] = TestSite.review(title: "Film 2", date: "2020-01-02", extra: "movie: Film 2\ncatagory: Typo",
                                                             body: "Opening paragraph of film 2.\n\n<!--more-->\n\nSecond paragraph of film 2.")
        let site = try Fixture(TestSite(files))
        let patched = try site.rebuild(usingCache: true) { try site.replace("Second paragraph of film 4.", with: "Changed.", in: "content/reviews/film-04.md") }
        #expect(patched.diagnostics.map(\.location.path) == ["content/reviews/film-02.md"])
        let full = try site.rebuild(usingCache: false) { try site.replace("Second paragraph of film 2.", with: "Changed.", in: "content/reviews/film-02.md") }
        #expect(full.diagnostics.map(\.location.path) == ["content/reviews/film-02.md"])
    }

    /// The cache follows values through the engine, whatever the template does with delimiters.
    @Test func aThemeWithOtherDelimitersIsPatchedToo() throws {
        var files = IncrementalBuildTests.site().files
        files["templates/review-card.mustache"] = "{{=<% %>=}}<article><a href=\"<%url%>\"><%title%></a><%{excerpt}%></article>\n"
        let site = try Fixture(Self.withoutSearch(files))
        try site.rebuild(usingCache: true) { try site.replace("Opening paragraph of film 4.", with: "A <em>new</em> opening of film 4.", in: "content/reviews/film-04.md") }
    }

    /// With search on, an excerpt keeping its words is patched and leaves the index alone; one
    /// with other words changes the index, and the site is built whole.
    @Test func searchIndexEdits() throws {
        let site = try Fixture()
        let before = Paths.snapshot(site.output).filter { $0.key.hasPrefix("search/") }
        try site.rebuild(usingCache: true) {
            try site.replace("Opening paragraph of film 4.", with: "Opening <em>paragraph</em> of FILM 4!", in: "content/reviews/film-04.md")
        }
        #expect(Paths.snapshot(site.output).filter { $0.key.hasPrefix("search/") } == before)
        try site.rebuild(usingCache: false) {
            try site.replace("Opening <em>paragraph</em> of FILM 4!", with: "A wholly different opening.", in: "content/reviews/film-04.md")
        }
        let after = Paths.snapshot(site.output).filter { $0.key.hasPrefix("search/") }
        #expect(Set(after.keys) == Set(before.keys))
        #expect(after.filter { before[$0.key] != $0.value }.keys.allSatisfy { $0.hasPrefix("search/terms/") })
        #expect(after != before)
    }

    @Test func aBuildWithoutTheCacheRemovesItsOwnOutputsCacheOnly() throws {
        let site = try Fixture()
        let other = site.output.deletingLastPathComponent().appendingPathComponent(site.output.lastPathComponent + "-other")
        defer { try? FileManager.default.removeItem(at: other) }
        guard case .success = Build.run(site.options(into: other, cache: false)) else { Issue.record("the build failed"); return }
        #expect(FileManager.default.fileExists(atPath: site.cacheFile.path))
        guard case .success = Build.run(site.options(cache: false)) else { Issue.record("the build failed"); return }
        #expect(!FileManager.default.fileExists(atPath: site.cacheFile.path))
    }

    // MARK: What the source listing cannot prove harmless

    /// Replaces the review at `path` by a symbolic link to `target`.
    private func link(_ site: Fixture, _ path: String, to target: String) throws {
        let url = site.source.appendingPathComponent(path)
        try FileManager.default.removeItem(at: url)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    @Test func twoReviewsMadeLinksToEachOtherFailLikeAFullBuild() throws {
        let site = try Fixture()
        defer { site.remove() }
        let before = try IncrementalBuildTests.Fixture.snapshot(site.output)
        try link(site, "content/reviews/film-03.md", to: "film-04.md")
        try link(site, "content/reviews/film-04.md", to: "film-03.md")
        let failure = try site.failure()
        #expect(failure.diagnostics == (try site.failure(cache: false)).diagnostics)
        #expect(failure.diagnostics.map(\.location.path) == ["content/reviews/film-03.md", "content/reviews/film-04.md"])
        #expect(try IncrementalBuildTests.Fixture.snapshot(site.output) == before)
    }

    /// A link whose target has the edited body: a full build refuses a link out of the site, and
    /// follows one inside it; the cache, which reads through links, must do neither on its own.
    @Test func aReviewMadeALinkOutOfTheSiteFailsLikeAFullBuild() throws {
        let site = try Fixture()
        defer { site.remove() }
        let outside = site.source.deletingLastPathComponent().appendingPathComponent(site.source.lastPathComponent + "-film-04.md")
        defer { try? FileManager.default.removeItem(at: outside) }
        let text = try String(contentsOf: site.source.appendingPathComponent("content/reviews/film-04.md"), encoding: .utf8)
        try Data(text.replacingOccurrences(of: "Second paragraph of film 4.", with: "Changed.").utf8).write(to: outside)
        let before = try IncrementalBuildTests.Fixture.snapshot(site.output)
        try link(site, "content/reviews/film-04.md", to: outside.path)
        let failure = try site.failure()
        #expect(failure.diagnostics == (try site.failure(cache: false)).diagnostics)
        #expect(failure.diagnostics.map(\.message).contains { $0.contains("symbolic link") })
        #expect(try IncrementalBuildTests.Fixture.snapshot(site.output) == before)
    }

    @Test func aSiteWithALinkInsideItIsAlwaysBuiltInFull() throws {
        let site = try Fixture()
        defer { site.remove() }
        try site.write("notes/film-04.md", try String(contentsOf: site.source.appendingPathComponent("content/reviews/film-04.md"), encoding: .utf8))
        try site.rebuild(usingCache: false) {
            try site.replace("Second paragraph of film 4.", with: "Changed.", in: "notes/film-04.md")
            try link(site, "content/reviews/film-04.md", to: "../../notes/film-04.md")
        }
        #expect(!FileManager.default.fileExists(atPath: site.cacheFile.path), "no cache is kept for a site with a link")
        try site.rebuild(usingCache: false) { try site.replace("Changed.", with: "Changed again.", in: "notes/film-04.md") }
    }

    /// As root, a file made unreadable still reads; as anyone else the full build fails. Either
    /// way the cache cannot tell, and builds in full.
    @Test func aReviewWhosePermissionsChangedIsBuiltInFull() throws {
        let site = try Fixture()
        defer { site.remove() }
        let path = site.source.appendingPathComponent("content/reviews/film-06.md").path
        defer { chmod(path, 0o644) }
        if getuid() == 0 {
            try site.rebuild(usingCache: false) { #expect(chmod(path, 0o000) == 0) }
        } else {
            #expect(chmod(path, 0o000) == 0)
            #expect(try site.failure().diagnostics == (try site.failure(cache: false)).diagnostics)
        }
        try site.rebuild(usingCache: false) { #expect(chmod(path, 0o644) == 0) }
        try site.rebuild(usingCache: true) { try site.replace("Second paragraph of film 6.", with: "Changed.", in: "content/reviews/film-06.md") }
    }

    @Test func aReviewReplacedByAFIFOOrAFolderIsBuiltInFull() throws {
        let site = try Fixture()
        defer { site.remove() }
        let review = site.source.appendingPathComponent("content/reviews/film-06.md")
        try site.rebuild(usingCache: false) {
            try FileManager.default.removeItem(at: review)
            #expect(mkfifo(review.path, 0o644) == 0) // reading it would wait for a writer forever
        }
        try site.rebuild(usingCache: false) { try FileManager.default.removeItem(at: review) }
        try site.write("content/reviews/film-06.md", TestSite.review(title: "Film 6", date: "2020-01-06"))
        try site.rebuild(usingCache: false) {}
        // A folder named like the file it replaces, without an index.md: an error.
        let before = try IncrementalBuildTests.Fixture.snapshot(site.output)
        try FileManager.default.removeItem(at: review)
        try FileManager.default.createDirectory(at: review, withIntermediateDirectories: false)
        #expect(try site.failure().diagnostics == (try site.failure(cache: false)).diagnostics)
        #expect(try IncrementalBuildTests.Fixture.snapshot(site.output) == before)
    }
}
