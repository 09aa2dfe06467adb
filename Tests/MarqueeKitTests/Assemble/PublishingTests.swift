import Foundation
import Testing
@testable import MarqueeKit

/// Drafts and future-dated reviews: left out of a build unless asked for, each future one named.
@Suite struct PublishingTests {
    let site = TestSite([
        "content/reviews/past.md": TestSite.review(title: "Past", date: "2029-12-31"),
        "content/reviews/future.md": TestSite.review(title: "Future", date: "2030-01-01T00:00:01Z"),
        "content/reviews/draft.md": TestSite.review(title: "Draft", date: "2020-01-01", extra: "draft: true"),
    ])

    func render(drafts: Bool, future: Bool) throws -> RenderedSite {
        try Build.render(InMemoryFileSystem(site.files), publishing: PublishingOptions(includeDrafts: drafts, includeFuture: future, now: TestSite.fixedNow)).get()
    }

    @Test func futureReviewsAreLeftOutWithAWarningNamingTheDate() throws {
        let result = try render(drafts: false, future: false)
        let paths = Set(result.files.map(\.path))
        #expect(paths.contains("reviews/past/index.html"))
        #expect(!paths.contains("reviews/future/index.html"))
        #expect(!paths.contains("reviews/draft/index.html"))
        #expect(result.warnings.map(\.description) == [
            "content/reviews/future.md:3:1: warning: 'Future' is dated 2030-01-01T00:00:01Z, in the future, and is not published — it appears once that time has passed; build with --future to include it now",
        ])
    }

    @Test func draftsAndFutureOnRequest() throws {
        let result = try render(drafts: true, future: true)
        let pages = Dictionary(uniqueKeysWithValues: result.files.compactMap { file -> (String, String)? in
            guard case .bytes(let data) = file.content else { return nil }
            return (file.path, String(decoding: data, as: UTF8.self))
        })
        #expect(pages["reviews/draft/index.html"]?.contains("Draft: not published") == true)
        #expect(pages["reviews/future/index.html"]?.contains("Scheduled: not published until 1 January 2030") == true)
        #expect(result.warnings.isEmpty)
    }

    /// `review.scheduledText` is the notice of a future-dated review and empty for any other (as
    /// its schema says), so a template that shows it outside `{{#review.isScheduled}}` shows nothing;
    /// `review.commentsHeading` is empty for a review without comments.
    @Test func scheduledTextAndCommentsHeadingAreEmptyWhereTheyDoNotApply() throws {
        var files = site.files
        files["templates/review.mustache"] = "[{{review.scheduledText}}|{{review.commentsHeading}}]"
        let result = try Build.render(InMemoryFileSystem(files), publishing: PublishingOptions(includeFuture: true, now: TestSite.fixedNow)).get()
        let pages = Dictionary(uniqueKeysWithValues: result.files.compactMap { file -> (String, String)? in
            guard case .bytes(let data) = file.content else { return nil }
            return (file.path, String(decoding: data, as: UTF8.self))
        })
        #expect(pages["reviews/past/index.html"] == "[|]")
        #expect(pages["reviews/future/index.html"] == "[Scheduled: not published until 1 January 2030|]")
    }

    @Test func strictMakesWarningsErrors() {
        guard case .failure(let failure) = Build.render(InMemoryFileSystem(site.files), publishing: PublishingOptions(now: TestSite.fixedNow), strict: true) else {
            Issue.record("strict build succeeded"); return
        }
        #expect(failure.diagnostics.map(\.severity) == [.error])
    }
}
