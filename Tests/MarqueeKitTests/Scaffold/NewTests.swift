import Foundation
import Testing
@testable import MarqueeKit

@Suite struct NewTests {
    @Test func newReviewMakesASlugFromAnAccentedTitleAndNeverOverwrites() throws {
        let site = try TestSite(siteYML: TestSite.siteYML + "\ntimezone: Asia/Kolkata").writeToDisk()
        // 2024-03-14 20:00 UTC is already the 15th in Kolkata.
        let now = Date(timeIntervalSince1970: 1_710_446_400)
        let created = try NewReview.create(title: "Cléo from 5 to 7: Agnès Varda’s Paris!", in: site, now: now).get()
        #expect(created.path == "content/reviews/cleo-from-5-to-7-agnes-vardas-paris.md")
        let text = try String(contentsOf: site.appendingPathComponent(created.path), encoding: .utf8)
        #expect(text.contains("title: \"Cléo from 5 to 7: Agnès Varda’s Paris!\""))
        #expect(text.contains("date: 2024-03-15"))
        #expect(text.contains("draft: true"))
        // A second time: refused, and the file is unchanged.
        try Data((text + "my edits").utf8).write(to: site.appendingPathComponent(created.path))
        guard case .failure(let diagnostic) = NewReview.create(title: "Cléo from 5 to 7: Agnès Varda’s Paris!", in: site, now: now) else {
            Issue.record("overwrote the review"); return
        }
        #expect(diagnostic.message.contains("already exists"))
        #expect(try String(contentsOf: site.appendingPathComponent(created.path), encoding: .utf8).hasSuffix("my edits"))
        // The draft it wrote builds (with --drafts) without errors.
        var options = BuildOptions(sourceDirectory: site)
        options.includeDrafts = true
        options.now = Int64(now.timeIntervalSince1970) + 86_400
        guard case .success = Build.run(options) else { Issue.record("the new review does not build"); return }
    }

    @Test func titlesWithoutLettersAreRefused() {
        guard case .failure = NewReview.create(title: "?!…", in: Paths.temporaryFolder("x")) else { Issue.record("accepted"); return }
    }

    @Test func newSiteBuildsWithNoWarnings() throws {
        let folder = Paths.temporaryFolder("newsite")
        _ = try NewSite.create(at: folder).get()
        var options = BuildOptions(sourceDirectory: folder)
        options.strict = true // any warning would fail the build
        switch Build.run(options) {
        case .success(let report):
            #expect(report.diagnostics.isEmpty)
            #expect(report.pagesWritten > 5)
        case .failure(let failure):
            Issue.record("new site fails: \(failure)")
        }
        guard case .failure = NewSite.create(at: folder) else { Issue.record("overwrote a site"); return }
    }

    /// `marquee check --strict` on a new site, whatever its host: no warning (each sample review has
    /// a "You'll love" link), and the host's files are not published as pages.
    @Test(arguments: PublishingHost.allCases)
    func newSiteChecksClean(host: PublishingHost) throws {
        let folder = Paths.temporaryFolder("newsite-check")
        let files = try NewSite.create(at: folder, host: host).get()
        var options = BuildOptions(sourceDirectory: folder)
        options.strict = true
        switch Build.check(options) {
        case .success(let site):
            #expect(site.warnings.isEmpty)
            #expect(!site.files.contains { $0.path.contains("marquee-build") || $0.path.hasSuffix(".toml") || $0.path.hasSuffix(".yml") })
        case .failure(let failure):
            Issue.record("a new site for \(host) does not check clean: \(failure)")
        }
        #expect(files.filter { $0.hasPrefix("content/reviews/") }.count == 2)
    }
}
