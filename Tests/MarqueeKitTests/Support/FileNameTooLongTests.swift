import Testing
@testable import MarqueeKit

/// A name that becomes a folder of the output may have 255 bytes of UTF-8, as file systems allow.
@Suite struct FileNameTooLongTests {
    @Test func theLimitIsInBytes() {
        #expect(FileNameTooLong.check(String(repeating: "a", count: 255), what: "the slug") == nil)
        #expect(FileNameTooLong.check(String(repeating: "a", count: 256), what: "the slug")?.bytes == 256)
        #expect(FileNameTooLong.check(String(repeating: "б", count: 127), what: "the slug") == nil)
        #expect(FileNameTooLong.check(String(repeating: "б", count: 128), what: "the slug")?.bytes == 256)
    }

    @Test func theMessageQuotesTheValueShortened() {
        let problem = FileNameTooLong.check("x" + String(repeating: "a", count: 9999), what: "the tag", value: "X" + String(repeating: "a", count: 9999))
        #expect(problem?.message == "the tag 'Xaaaaaaaaaaaaaaaaaaaa…' makes a file name of 10,000 bytes; file systems allow 255")
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (255_000, "255,000"), (1_234_567, "1,234,567"), (-4200, "-4,200")])
    func digitsAreGrouped(number: Int, text: String) {
        #expect(number.groupedDigits == text)
    }

    /// Every path component from a writer's files is held to the limit, where it was typed.
    @Test func termsPagesAndTaxonomyPaths() {
        let long = String(repeating: "ж", count: 130) // 260 bytes
        let site = TestSite([
            "content/reviews/a.md": TestSite.review(extra: "director: \(long)\ncountry: [Iran, \(long)]"),
            "content/pages/about.md": "---\ntitle: About\nslug: \(long)\n---\nText.\n",
        ], siteYML: TestSite.siteYML + "\ntaxonomies:\n  countries: {key: country, singular: Country}\n")
        #expect(site.errors().map { $0.replacingOccurrences(of: long, with: "LONG") } == [
            "content/pages/about.md:3:7: error: the slug 'жжжжжжжжжжжжжжжжжжжжж…' makes a file name of 260 bytes; file systems allow 255 — shorten it",
        ])
        let assembled = TestSite(["content/reviews/a.md": TestSite.review(extra: "director: \(long)\ncountry: [Iran, \(long)]")],
                                 siteYML: TestSite.siteYML + "\ntaxonomies:\n  countries: {key: country, singular: Country}\n").errors()
        #expect(assembled == [
            "content/reviews/a.md:5:11: error: the director 'жжжжжжжжжжжжжжжжжжжжж…' makes a file name of 260 bytes; file systems allow 255 — shorten it",
            "content/reviews/a.md:6:17: error: the country 'жжжжжжжжжжжжжжжжжжжжж…' makes a file name of 260 bytes; file systems allow 255 — shorten it",
        ])
        let paths = TestSite([:], siteYML: TestSite.siteYML + "\ntaxonomies:\n  genres: {key: genre, path: \(String(repeating: "p", count: 199))}\n  \(long): {key: mood}\n  \"..\": {key: place}\n  moods: {key: feel, path: \(long)}\n").errors()
        #expect(paths.count == 3)
        #expect(paths.first == "site.yml:8:3: error: the taxonomy 'жжжжжжжжжжжжжжжжжжжжж…' makes a file name of 260 bytes; file systems allow 255 — shorten it, or give it a shorter path:")
        #expect(paths.last == "site.yml:10:28: error: the taxonomy path 'жжжжжжжжжжжжжжжжжжжжж…' makes a file name of 260 bytes; file systems allow 255 — shorten it")
        #expect(paths[1] == "site.yml:9:3: error: taxonomy '..' cannot be a folder name: the slug '..' starts with a dot or contains '..' — give it a path: of lower-case letters and hyphens, such as path: countries")
    }
}
