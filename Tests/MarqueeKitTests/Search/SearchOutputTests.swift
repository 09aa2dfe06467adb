import Testing
@testable import MarqueeKit

/// An excerpt edit updates the index in place (what `marquee serve` does): the result must be
/// the index a build of the edited site makes, byte for byte.
@Suite struct SearchOutputTests {
    /// 120 reviews; r7's body is `seven`, the others' `others(n)`.
    static func site(excerptOf seven: String,
                     others: (Int) -> String = { "The story of film \($0), told \($0 % 3 == 0 ? "slowly" : "well")." }) throws -> Site {
        var files: [String: String] = [:]
        for n in 0..<120 {
            files["content/reviews/r\(n).md"] = TestSite.review(title: "Film \(n)", date: "2020-01-01", rating: String(n % 5),
                                                                body: n == 7 ? seven : others(n))
        }
        let content = try #require(SiteReader(fileSystem: InMemoryFileSystem(TestSite(files).files)).read().0)
        return try #require(SiteAssembler(options: PublishingOptions(now: TestSite.fixedNow)).assemble(content).0)
    }

    static func excerpt(_ site: Site) throws -> Excerpt {
        try #require(site.review(slug: "r7")).excerpt
    }

    /// `output` (of `before`) patched for r7's excerpt becoming `edit` is what a build of the edited site makes.
    static func expectPatchIsABuild(_ output: SearchOutput, of before: Site, after edit: String) throws {
        let after = try site(excerptOf: edit)
        let updated = try #require(output.replacingExcerpt(of: "content/reviews/r7.md", from: try excerpt(before), to: try excerpt(after)))
        let fresh = SearchOutput(after)
        #expect(updated.index == fresh.index, "\(edit)")
        #expect(updated.files == fresh.files, "\(edit)")
        #expect(updated.paths == fresh.paths)
    }

    @Test func anExcerptEditGivesTheIndexABuildMakes() throws {
        let before = try Self.site(excerptOf: "The story of film 7, told well, with an owl.")
        let output = SearchOutput(before)
        for edit in ["The story of film 7, told well, with a heron.", // a word gone, one new
                     "The story of film 7, told slowly.", // a word that other documents have
                     "The story of it, told well, with an owl."] { // words that stay in its title
            try Self.expectPatchIsABuild(output, of: before, after: edit)
        }
        // The same words in another order: the same output, not a copy.
        let reordered = try Self.site(excerptOf: "With an owl, the story of film 7, told well.")
        #expect(output.replacingExcerpt(of: "content/reviews/r7.md", from: try Self.excerpt(before), to: try Self.excerpt(reordered)) === output)
    }

    /// A common word's excerpt postings are left out: one coming or going changes no file while
    /// the word stays common.
    @Test func aCommonWordComingOrGoingKeepsTheIndexWhileItStaysCommon() throws {
        let before = try Self.site(excerptOf: "The story of film 7.")
        let output = SearchOutput(before)
        #expect(output.index.common.contains("the") && output.index.common.contains("story"))
        for edit in ["A tale of film 7.", // "the" and "story" gone (119 excerpts keep them)
                     "A tale of film 7, with a heron."] { // and a new word beside them
            try Self.expectPatchIsABuild(output, of: before, after: edit)
        }
    }

    /// A word in just more excerpts than the threshold (101 of 120, above 100) stops being common
    /// when one of them loses it: meta.json and the word's postings change, so a new index.
    @Test func aWordThatStopsBeingCommonNeedsANewIndex() throws {
        func site(excerptOf seven: String) throws -> Site {
            try Self.site(excerptOf: seven) { "Film \($0)\($0 < 101 ? ", often seen" : "")." }
        }
        let before = try site(excerptOf: "Film 7, often seen.")
        let output = SearchOutput(before)
        #expect(output.index.common.contains("often"))
        let after = try site(excerptOf: "Film 7, seen.")
        #expect(!SearchOutput(after).index.common.contains("often"))
        #expect(output.replacingExcerpt(of: "content/reviews/r7.md", from: try Self.excerpt(before), to: try Self.excerpt(after)) == nil)
    }

    /// The build cache's fingerprint of an excerpt's terms: the same for the same terms in any
    /// order, repeated or folded, different when a term comes or goes.
    @Test func anExcerptsDigestIsItsSetOfTerms() {
        func digest(_ text: String) -> UInt64 { SearchIndex.excerptDigest(Excerpt(html: "", text: text)) }
        let base = digest("Éric walks in the rain, the rain.")
        #expect(digest("the RAIN: eric walks in") == base)
        #expect(digest("Eric walks in the rain") == base)
        #expect(digest("Eric walks in the rain, slowly") != base)
        #expect(digest("Eric walks in rain") != base)
        #expect(digest("ab c") != digest("a bc"))
        #expect(digest("") == digest(" — "))
    }

    /// The render stage lists the index's files before the index is made: the list must be the
    /// files it then makes (reviews and articles, categories, decades).
    @Test func theIndexsPathsAreKnownFromTheSiteAlone() throws {
        var files = SearchSiteTests.reviews
        for n in 0..<250 {
            files["content/reviews/extra\(n).md"] = TestSite.review(title: "Extra \(n)", date: "2020-01-01", rating: "3",
                                                                    extra: "year: \(1890 + n / 3)\ncategory: C\(n % 4)", body: "Body \(n).")
        }
        let content = try #require(SiteReader(fileSystem: InMemoryFileSystem(TestSite(files).files)).read().0)
        let site = try #require(SiteAssembler(options: PublishingOptions(now: TestSite.fixedNow)).assemble(content).0)
        let made = SearchOutput(site).paths
        #expect(made.contains("search/filters/d1890.json") && made.contains("search/docs/2.json"))
        #expect(SearchFiles.paths(of: site) == made)
    }
}
