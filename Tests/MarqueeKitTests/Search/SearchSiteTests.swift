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
        #expect(meta["documents"] as? Int == 4 && meta["perFile"] as? Int == 100 && meta["shards"] as? Int == 16 && meta["version"] as? Int == 1)
        #expect((meta["ratings"] as? [[Int]]) == [[9, 1], [8, 2], [4, 3]])
        #expect((meta["decades"] as? [[Int]]) == [[1960, 1], [2000, 1]])
        #expect(pages["search/filters/d1960.json"] == "[0]\n" && pages["search/filters/d2000.json"] == "[1]\n")
    }

    @Test func termsKnowTheFieldsTheyCameFrom() throws {
        let site = try TestSite(Self.reviews).pages()
        func postings(_ term: String) throws -> [Int] {
            let shard = SearchFiles.shard(of: term, count: 16)
            let terms = try #require(try Self.json(site["search/terms/\(shard).json"]) as? [String: [Int]])
            return terms[term] ?? []
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
        let shard = SearchFiles.shard(of: "the", count: 16)
        let terms = try #require(try Self.json(pages["search/terms/\(shard).json"]) as? [String: [Int]])
        let seventh = try #require(try (Self.json(pages["search/docs/0.json"]) as? [[Any]])?.firstIndex { $0[0] as? String == "The Seventh" })
        #expect(terms["the"] == [seventh << 4 | 1]) // its title only
        let rare = try #require(try Self.json(pages["search/terms/\(SearchFiles.shard(of: "rare", count: 16)).json"]) as? [String: [Int]])
        #expect(rare["rare"]?.count == 50)
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
