import Foundation
import Testing
@testable import MarqueeKit

@Suite struct SearchSiteTests {
    static let reviews = [
        "content/reviews/baran.md": TestSite.review(title: "Baran", date: "2020-01-02", rating: "4",
                                                    extra: "director: Majid Majidi\ntags: [love]\ncategory: Iranian\nyear: 2001", body: "Rain in Tehran."),
        "content/reviews/cleo.md": TestSite.review(title: "Cléo de 5 à 7 \\\"</script>", date: "2020-01-01", rating: "4.5",
                                                   extra: "director: Agnès Varda\ncategory: French\nyear: 1962", body: "An afternoon, with Majidi nowhere."),
        "content/reviews/old.md": TestSite.review(title: "Old", date: "2020-01-03", rating: "2", body: "Plain."),
        "content/posts/news.md": "---\ntitle: Site news\ndate: 2020-02-01\ntags: [love]\n---\n\nWe moved.\n",
    ]

    static func json(_ text: String?) throws -> Any {
        try JSONSerialization.jsonObject(with: Data((text ?? "").utf8))
    }

    /// A term's shard: its terms' postings, and the rows it carries by document number.
    static func shard(of term: String, in pages: [String: String], count: Int = 16) throws -> (terms: [String: [Int]], results: [String: [Any]]) {
        let file = try #require(try json(pages["search/terms/\(SearchFiles.shard(of: term, count: count)).json"]) as? [String: Any])
        return (try #require(file["terms"] as? [String: [Int]]), try #require(file["results"] as? [String: [Any]]))
    }

    @Test func theIndexNumbersDocumentsBestRatedFirstAndArticlesLast() throws {
        let pages = try TestSite(Self.reviews).pages()
        let docs = try #require(try Self.json(pages["search/docs/0.json"]) as? [[Any]])
        #expect(docs.map { $0[0] as? String } == ["Cléo de 5 à 7 \"</script>", "Baran", "Old", "Site news"])
        #expect(docs.map { $0[1] as? String } == ["reviews/cleo/", "reviews/baran/", "reviews/old/", "posts/news/"])
        #expect(docs.map { $0[2] as? Int } == [9, 8, 4, nil])
        #expect(docs.map { $0[3] as? Int } == [1962, 2001, nil, nil])
        // Escaped for any JSON parser and for HTML: no `</script>` in the bytes.
        #expect(pages["search/docs/0.json"]?.contains("</") == false)
        let meta = try #require(try Self.json(pages["search/meta.json"]) as? [String: Any])
        #expect(meta["documents"] as? Int == 4 && meta["perFile"] as? Int == 10 && meta["shards"] as? Int == 16 && meta["version"] as? Int == 3)
        #expect((meta["ratings"] as? [[Int]]) == [[9, 1], [8, 2], [4, 3]])
        #expect((meta["decades"] as? [[Int]]) == [[1960, 1], [2000, 1]])
        #expect(pages["search/filters/d1960.json"] == "[0]\n" && pages["search/filters/d2000.json"] == "[1]\n")
    }

    @Test func termsKnowTheFieldsTheyCameFrom() throws {
        let site = try TestSite(Self.reviews).pages()
        func postings(_ term: String) throws -> [Int] {
            try Self.shard(of: term, in: site).terms[term] ?? []
        }
        // Cléo is document 0, Baran 1, the article 3: `d << 4 | fields`, `d` as a distance.
        #expect(try postings("majidi") == [0 << 4 | 8, 1 << 4 | 2]) // Cléo's excerpt, Baran's director
        #expect(try postings("cleo") == [1]) // title
        #expect(try postings("agnes") == [2]) // credit
        #expect(try postings("love") == [1 << 4 | 4, 2 << 4 | 4]) // tags of Baran and of the article
        #expect(try postings("iranian") == [1 << 4 | 4]) // category
        #expect(try postings("2001") == [1 << 4 | 4]) // year
    }

    /// A word in the excerpts of more than an eighth of the documents (and of more than 100) keeps
    /// only its postings elsewhere, and the client is told it need not find it.
    @Test func commonWordsKeepTheirPostingsOutsideExcerpts() throws {
        var files: [String: String] = [:]
        for n in 0..<120 {
            files["content/reviews/r\(n).md"] = TestSite.review(title: n == 7 ? "The Seventh" : "Film \(n)", date: "2020-01-01", rating: "3",
                                                                body: "The story of film \(n)\(n < 50 ? ", and the rare word" : "").")
        }
        let pages = try TestSite(files).pages()
        let meta = try #require(try Self.json(pages["search/meta.json"]) as? [String: Any])
        // ("film" is in most titles as well: not common.)
        #expect(meta["common"] as? [String] == ["of", "story", "the"])
        let terms = try Self.shard(of: "the", in: pages).terms
        let seventh = try #require(try Self.rows(in: pages).firstIndex { $0[0] as? String == "The Seventh" })
        #expect(terms["the"] == [seventh << 4 | 1]) // its title only
        #expect(try Self.shard(of: "rare", in: pages).terms["rare"]?.count == 50)
    }

    /// Every document's row, in document order, from the `docs/` files (`SearchFiles.perFile` each).
    static func rows(in pages: [String: String]) throws -> [[Any]] {
        var rows: [[Any]] = []
        var file = 0
        while let text = pages["search/docs/\(file).json"] {
            let more = try #require(try json(text) as? [[Any]])
            // Full files but the last.
            #expect(more.count == SearchFiles.perFile || pages["search/docs/\(file + 1).json"] == nil)
            rows += more
            file += 1
        }
        return rows
    }

    /// Postings as the index has them (document numbers, not distances).
    static func undeltas(_ written: [Int]) -> [UInt32] {
        var document = 0
        return written.map { posting in
            document += posting >> 4
            return UInt32(document << 4 | posting & 15)
        }
    }

    /// A shard carries the rows of its terms' first results found outside an excerpt, so a
    /// one-word query fetches no `docs/` file; a match in an excerpt alone is left to `docs/`.
    @Test func aShardCarriesTheRowsOfItsTermsFirstResults() throws {
        let pages = try TestSite(Self.reviews).pages()
        let majidi = try Self.shard(of: "majidi", in: pages)
        let docs = try #require(try Self.json(pages["search/docs/0.json"]) as? [[Any]])
        // Baran (document 1) has Majidi as its director; Cléo (0) only in its excerpt.
        #expect(majidi.results["1"].map { "\($0)" } == "\(docs[1])")
        let postings = majidi.terms["majidi"].map(Self.undeltas) ?? []
        #expect(postings.map { $0 >> 4 }.contains(0) && !SearchFiles.leaders(of: postings).contains(0))
        // The rows are exactly those of its terms' leaders (other terms share the shard of 16).
        let leaders = Set(majidi.terms.values.flatMap { SearchFiles.leaders(of: Self.undeltas($0)) })
        #expect(Set(majidi.results.keys) == Set(leaders.map(String.init)))
        #expect(pages[SearchFiles.shardPath(SearchFiles.shard(of: "majidi", count: 16))]?.contains("</") == false)
    }

    /// By the field the client weighs most (title, credit, tag), then by number, twenty at most:
    /// the first page of a one-word query, and of a prefix query over the terms it matches, and
    /// as many again for a word added to it.
    @Test func aTermsLeadersAreItsFirstResultsOutsideExcerpts() {
        func posting(_ document: UInt32, _ fields: SearchIndex.Field...) -> UInt32 {
            document << 4 | fields.reduce(0) { $0 | UInt32($1.rawValue) }
        }
        let postings = [posting(0, .excerpt), posting(1, .tag), posting(2, .credit, .excerpt), posting(3, .title),
                        posting(4, .tag, .credit), posting(5, .excerpt), posting(6, .title, .tag)]
        #expect(SearchFiles.leaders(of: postings) == [3, 6, 2, 4, 1])
        let many = (0..<90).map { posting(UInt32($0), $0 % 3 == 0 ? .title : .tag) }
        #expect(SearchFiles.leaders(of: many) == Array(stride(from: 0, to: 60, by: 3)))
        #expect(SearchFiles.leaders(of: (0..<30).map { posting(UInt32($0), .tag) }) == Array(0..<20))
        #expect(SearchFiles.leaders(of: [posting(0, .excerpt)]).isEmpty)
    }

    @Test func everyPageHasTheFieldAndTheSearchPageTheScript() throws {
        let pages = try TestSite(Self.reviews).pages(baseURL: "https://example.org/blog/")
        let home = try #require(pages["index.html"])
        #expect(home.contains("<form class=\"site-search\" role=\"search\" action=\"/blog/search/\">"))
        #expect(home.contains("<input type=\"search\" id=\"site-search-query\" name=\"q\">"))
        #expect(!home.contains("search.js"))
        let search = try #require(pages["search/index.html"])
        #expect(search.contains("<script src=\"/blog/search.js\" data-index=\"/blog/search/\" data-base=\"/blog/\""))
        // Without JavaScript: links to the archive and the ratings page.
        #expect(search.contains("<a href=\"/blog/reviews/\">all reviews</a> or <a href=\"/blog/ratings/\">the ratings</a>"))
        #expect(search.contains("<option value=\"9\">4.5 or more</option>"))
        #expect(pages["search.js"]?.contains("MarqueeSearch") == true)
    }

    @Test func theSearchPageSpeaksTheSitesLanguage() throws {
        let pages = try TestSite(Self.reviews, siteYML: TestSite.siteYML + "\nlanguage: fa").pages()
        let search = try #require(pages["search/index.html"])
        #expect(search.contains("<h1>جستجو</h1>"))
        #expect(search.contains("<option value=\"9\">۴٫۵ یا بیشتر</option>"))
        #expect(search.contains("<option value=\"1960\">دههٔ ۱۹۶۰</option>"))
        // The script's phrases, with the language's digits for the counts it shows.
        #expect(search.contains("&quot;other&quot;:&quot;{count} نتیجه&quot;"))
        #expect(search.contains("&quot;digits&quot;:&quot;۰۱۲۳۴۵۶۷۸۹&quot;"))
    }

    @Test func searchFalseLeavesNoFileNoFieldNoPage() throws {
        let pages = try TestSite(Self.reviews, siteYML: TestSite.siteYML + "\nsearch: false").pages()
        #expect(!pages.keys.contains { $0.hasPrefix("search") })
        #expect(!pages.values.contains { $0.contains("role=\"search\"") || $0.contains("/search/") })
        #expect(pages["sitemap.xml"]?.contains("search") == false)
    }

    @Test func aSearchSettingThatIsNoBooleanIsAnErrorAtItsLine() {
        let errors = TestSite(Self.reviews, siteYML: TestSite.siteYML + "\nsearch: sometimes").errors()
        #expect(errors == ["site.yml:6:9: error: 'search' must be true or false, found 'sometimes' — write search: true or search: false"])
    }

    @Test func twoBuildsWriteTheSameIndex() throws {
        let first = try TestSite(Self.reviews).pages().filter { $0.key.hasPrefix("search") }
        let second = try TestSite(Self.reviews).pages().filter { $0.key.hasPrefix("search") }
        #expect(first == second)
        #expect(first.count == 1 + 1 + 1 + 16 + 1 + 2 + 2) // search.js, the page, meta, shards, docs, categories, decades
    }
}
