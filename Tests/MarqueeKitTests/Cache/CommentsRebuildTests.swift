import Foundation
import Testing
@testable import MarqueeKit

/// A comments file is a source of its review: an edit to it, alone, rebuilds the review's page
/// (and the feed's count), with the build cache (`marquee build`) and in `marquee serve`; an edit
/// to the review's body still takes the fast path, and keeps the comments.
@Suite struct CommentsRebuildTests {
    static let comments = "- id: 1\n  author: Mina\n  date: 2020-02-01\n  text: First thoughts.\n"

    static func site() -> TestSite {
        var site = IncrementalBuildTests.site()
        site.files["content/reviews/film-04.comments.yml"] = comments
        site.files["content/reviews/film-07/comments.yml"] = comments
        return site
    }

    func page(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func withTheBuildCache() throws {
        let site = try CachedRebuildTests.Fixture(Self.site())
        defer { site.remove() }
        #expect(try page(site.output, "reviews/film-04/index.html").contains("<p>First thoughts.</p>"))
        // The comments alone: the whole site is built again (it is not a body edit).
        try site.rebuild(usingCache: false) {
            try site.replace("First thoughts.", with: "Second thoughts.", in: "content/reviews/film-04.comments.yml")
        }
        #expect(try page(site.output, "reviews/film-04/index.html").contains("<p>Second thoughts.</p>"))
        try site.rebuild(usingCache: false) {
            try site.write("content/reviews/film-04.comments.yml", Self.comments + "- id: 2\n  parent: 1\n  author: Karim\n  text: A reply.\n")
        }
        #expect(try page(site.output, "reviews/film-04/index.html").contains("2 thoughts on “Film 4”"))
        #expect(try page(site.output, "feed.xml").contains(#"thr:count="2""#))
        try site.rebuild(usingCache: false) {
            try site.replace("First thoughts.", with: "Inside the folder.", in: "content/reviews/film-07/comments.yml")
        }
        #expect(try page(site.output, "reviews/film-07/index.html").contains("<p>Inside the folder.</p>"))
        // A body edit is patched in, and the comments stay.
        try site.rebuild(usingCache: true) {
            try site.replace("Second paragraph of film 4.", with: "A new second paragraph.", in: "content/reviews/film-04.md")
        }
        #expect(try page(site.output, "reviews/film-04/index.html").contains("2 thoughts on “Film 4”"))
        // Removing the file removes the comments.
        try site.rebuild(usingCache: false) {
            try FileManager.default.removeItem(at: site.source.appendingPathComponent("content/reviews/film-04.comments.yml"))
        }
        #expect(try !page(site.output, "reviews/film-04/index.html").contains("thoughts on"))
    }

    @Test func inServe() throws {
        let site = try IncrementalBuildTests.Fixture(Self.site())
        try site.rebuild(["content/reviews/film-04.comments.yml"], expect: .full) {
            try site.replace("First thoughts.", with: "Second thoughts.", in: "content/reviews/film-04.comments.yml")
        }
        #expect(try page(site.output, "reviews/film-04/index.html").contains("<p>Second thoughts.</p>"))
        try site.rebuild(["content/reviews/film-07/comments.yml"], expect: .full) {
            try site.replace("First thoughts.", with: "Inside the folder.", in: "content/reviews/film-07/comments.yml")
        }
        #expect(try page(site.output, "reviews/film-07/index.html").contains("<p>Inside the folder.</p>"))
        // A new comments file for a review that had none.
        try site.rebuild(["content/reviews/film-02.comments.yml"], expect: .full) {
            try site.write("content/reviews/film-02.comments.yml", Self.comments)
        }
        #expect(try page(site.output, "reviews/film-02/index.html").contains("1 thought on “Film 2”"))
        // The body of a review with comments: the fast path, comments kept.
        try site.rebuild(["content/reviews/film-04.md"], expect: .bodyOnly) {
            try site.replace("Second paragraph of film 4.", with: "A new second paragraph.", in: "content/reviews/film-04.md")
        }
        #expect(try page(site.output, "reviews/film-04/index.html").contains("<p>Second thoughts.</p>"))
    }
}
