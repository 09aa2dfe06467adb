import Foundation
import Testing
@testable import MarqueeKit

@Suite struct ReadCacheTests {
    @Test func aRebuildParsesOnlyTheChangedFileAndNeverServesAStaleOne() throws {
        var files = TestSite([
            "content/reviews/a.md": TestSite.review(title: "A", body: "One."),
            "content/reviews/b.md": TestSite.review(title: "B", date: "2020-01-02", body: "Two."),
        ]).files
        let cache = ReadCache()
        func read() throws -> [String: String] {
            let content = try #require(SiteReader(fileSystem: InMemoryFileSystem(files), cache: cache).read().0)
            return Dictionary(uniqueKeysWithValues: content.reviews.map { ($0.slug, $0.body.html) })
        }
        #expect(try read() == ["a": "<p>One.</p>\n", "b": "<p>Two.</p>\n"])
        #expect((cache.parsed, cache.reused) == (2, 0))
        files["content/reviews/a.md"] = TestSite.review(title: "A", body: "One, edited.")
        #expect(try read() == ["a": "<p>One, edited.</p>\n", "b": "<p>Two.</p>\n"])
        #expect((cache.parsed, cache.reused) == (1, 1))
        // A setting that shapes every review (smart punctuation off) reads every file again.
        files["site.yml"] = TestSite.siteYML + "\nmarkdown: {smart_punctuation: false}"
        _ = try read()
        #expect((cache.parsed, cache.reused) == (2, 0))
    }
}
