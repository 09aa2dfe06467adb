import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import MarqueeKit

@Suite struct IndexPagesTests {
    /// Seven reviews: three by one director (spelt two ways), Unicode names, ratings spread.
    let site = TestSite([
        "content/reviews/a.md": TestSite.review(title: "A", date: "2020-01-07", rating: "5", extra: "director: Asghar Farhadi\nyear: 2011\ncategory: Iranian\ntags: [family]"),
        "content/reviews/b.md": TestSite.review(title: "B", date: "2020-01-06", rating: "4", extra: "director: asghar  farhadi\nyear: 2009\ncategory: Iranian"),
        "content/reviews/c.md": TestSite.review(title: "C", date: "2020-01-05", rating: "3.5", extra: "director: Asghar Farhadi\nyear: 2016\ncategory: Iranian"),
        "content/reviews/d.md": TestSite.review(title: "D", date: "2020-01-04", rating: "4.5", extra: "director: Agnès Varda\nyear: 1962\ncategory: French\ntags: [paris]"),
        "content/reviews/d2.md": TestSite.review(title: "D2", date: "2019-01-04", rating: "3", extra: "director: Agnes Varda\nyear: 1985"),
        "content/reviews/e.md": TestSite.review(title: "E", date: "2020-01-03", rating: "4.5", extra: "director: مجید مجیدی\ncategory: Iranian"),
        "content/reviews/f.md": TestSite.review(title: "F", date: "2020-01-02", rating: "2", extra: "category: Iranian"),
        "content/reviews/g.md": TestSite.review(title: "G", date: "2020-01-01", rating: "4", extra: "category: Iranian\ncountry: Iran"),
    ], siteYML: TestSite.siteYML + "\ntaxonomies:\n  writers: false\n  countries: {key: country, title: Countries, singular: Country}")

    @Test func termsMergeSpellingsAndGetUnicodeSlugs() throws {
        let pages = try site.pages()
        let farhadi = try #require(pages["directors/asghar-farhadi/index.html"])
        #expect(farhadi.contains("Director: Asghar Farhadi"))
        #expect(farhadi.contains("Average rating 4.2 out of 5 across 3 reviews"))
        // Spelt with and without the accent: one term.
        let vardaPage = try #require(pages["directors/agnes-varda/index.html"])
        #expect(vardaPage.contains("across 2 reviews"))
        #expect(pages["directors/مجید-مجیدی/index.html"] != nil)
        let index = try #require(pages["directors/index.html"])
        #expect(index.contains(">Asghar Farhadi</a> <span class=\"term-count\">(3 reviews)</span>"))
        // By name, accents folded: Agnes before Asghar. (Spelt once each way: the tie goes to the
        // spelling that sorts first, so the choice never depends on file order.)
        let vardaAt = try #require(index.range(of: "Agnes Varda")), farhadiAt = try #require(index.range(of: "Asghar Farhadi"))
        #expect(vardaAt.lowerBound < farhadiAt.lowerBound)
        #expect(index.contains("href=\"/directors/%D9%85%D8%AC%DB%8C%D8%AF-%D9%85%D8%AC%DB%8C%D8%AF%DB%8C/\""))
        // Switched off and added taxonomies.
        #expect(pages["writers/index.html"] == nil)
        #expect(pages["countries/iran/index.html"] != nil)
        #expect(try #require(pages["reviews/g/index.html"]).contains("<a href=\"/countries/iran/\">Iran</a>"))
        // Review pages link their terms.
        let a = try #require(pages["reviews/a/index.html"])
        #expect(a.contains("<a href=\"/directors/asghar-farhadi/\">Asghar Farhadi</a>"))
        #expect(a.contains("<a href=\"/years/2011/\">2011</a>"))
        #expect(a.contains("<a href=\"/tags/family/\" rel=\"tag\">family</a>"))
    }

    @Test func termPagesPaginateAcrossThreePages() throws {
        let pages = try site.pages()
        // Six Iranian reviews, two to a page.
        #expect(pages["categories/iranian/index.html"] != nil)
        #expect(pages["categories/iranian/page/2/index.html"] != nil)
        let third = try #require(pages["categories/iranian/page/3/index.html"])
        #expect(pages["categories/iranian/page/4/index.html"] == nil)
        #expect(third.contains("Page 3 of 3"))
        #expect(third.contains("rel=\"prev\" href=\"/categories/iranian/page/2/\""))
        let broken = LinkChecker.brokenLinks(files: Set(pages.keys), pages: pages, basePath: "/")
        #expect(broken == [])
    }

    @Test func ratingsTableAndChartCounts() throws {
        let ratings = try #require(try site.pages()["ratings/index.html"])
        let rows = ratings.components(separatedBy: "<tr>").dropFirst(2).map { $0 }
        #expect(rows.count == 8)
        // Best first, then by title: A (5), D and E (4.5), B and G (4), C (3.5), D2 (3), F (2).
        let order = rows.compactMap { $0.firstMatch(of: #/<cite>(\w+)</cite>/#).map { String($0.output.1) } }
        #expect(order == ["A", "D", "E", "B", "G", "C", "D2", "F"])
        #expect(ratings.contains("<title id=\"rating-chart-title\">How 8 ratings are spread from 0 to 5</title>"))
        #expect(ratings.contains("2: 1 review; 3: 1 review; 3.5: 1 review; 4: 2 reviews; 4.5: 2 reviews; 5: 1 review."))
        #expect(ratings.components(separatedBy: "<rect class=\"chart-bar\"").count - 1 == 11)
    }

    @Test func archiveGroupsByYearOfPublication() throws {
        let two = TestSite([
            "content/reviews/a.md": TestSite.review(title: "A", date: "2021-03-01"),
            "content/reviews/b.md": TestSite.review(title: "B", date: "2020-01-01"),
        ])
        let archive = try #require(try two.pages()["reviews/index.html"])
        #expect(archive.contains("<h2 id=\"year-2021\">2021</h2>"))
        #expect(archive.range(of: "year-2021")!.lowerBound < archive.range(of: "year-2020")!.lowerBound)
    }

    @Test func feedParsesAndIsStable() throws {
        let first = try #require(try site.pages()["feed.xml"])
        let second = try #require(try site.pages()["feed.xml"])
        #expect(first == second)
        let entries = try FeedReader.entries(Data(first.utf8))
        #expect(entries.count == 8)
        #expect(entries.first?.id == "https://example.org/reviews/a/")
        #expect(entries.first?.updated == "2020-01-07T00:00:00Z")
    }

    @Test func sitemapEntriesMapToFiles() throws {
        let pages = try site.pages()
        let sitemap = try #require(pages["sitemap.xml"])
        let locations = sitemap.matches(of: #/<loc>([^<]*)</loc>/#).map { String($0.output.1) }
        #expect(locations.count == pages.keys.filter { $0.hasSuffix(".html") && $0 != "404.html" }.count)
        for location in locations {
            #expect(location.hasPrefix("https://example.org/"))
            let path = (String(location.dropFirst("https://example.org/".count)).removingPercentEncoding ?? "") + "index.html"
            #expect(pages[path] != nil, "sitemap names \(location), which is no page")
        }
        #expect(try #require(pages["robots.txt"]).contains("Sitemap: https://example.org/sitemap.xml"))
    }

    @Test func jsonLDHasWhatSearchEnginesRequire() throws {
        let page = try #require(try site.pages()["reviews/a/index.html"])
        let json = try #require(JSONLD.objects(in: page).first)
        #expect(json["@type"] as? String == "Review")
        let item = try #require(json["itemReviewed"] as? [String: Any])
        #expect(item["@type"] as? String == "Movie")
        #expect(item["name"] as? String == "A")
        #expect(item["dateCreated"] as? String == "2011")
        let rating = try #require(json["reviewRating"] as? [String: Any])
        #expect(rating["ratingValue"] as? Double == 5)
        #expect(rating["bestRating"] as? Int == 5)
        #expect(rating["worstRating"] as? Int == 0)
        #expect((json["author"] as? [String: Any])?["name"] as? String == "Tester")
        #expect(json["datePublished"] as? String == "2020-01-07T00:00:00Z")
        // No Review markup on list pages.
        #expect(JSONLD.objects(in: try #require(try site.pages()["index.html"])).isEmpty)
    }

    @Test func collidingTermsAreReportedWithBothPlaces() throws {
        let colliding = TestSite([
            "content/reviews/a.md": TestSite.review(title: "A", extra: "tags: [C++]"),
            "content/reviews/b.md": TestSite.review(title: "B", date: "2020-01-02", extra: "tags: [C]"),
        ])
        let errors = colliding.errors()
        #expect(errors == ["content/reviews/a.md:5:8: error: the tag 'C++' and 'C' (content/reviews/b.md:5:8) would share the page /tags/c/ — spell them the same way if they are one tag, or tell them apart"])
    }
}

/// Reads an Atom feed back with an XML parser: if the feed were malformed, this throws.
enum FeedReader {
    struct Entry { var id = "", title = "", updated = "", content = "" }

    static func entries(_ data: Data) throws -> [Entry] {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return delegate.entries
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var entries: [Entry] = []
        var current: Entry?
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "entry" { current = Entry() }
            text = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "entry": if let current { entries.append(current) }; current = nil
            case "id": current?.id = text
            case "title": current?.title = text
            case "updated": current?.updated = text
            case "content": current?.content = text
            default: break
            }
        }
    }
}

/// The JSON-LD blocks of a page, parsed as JSON.
enum JSONLD {
    static func objects(in html: String) -> [[String: Any]] {
        html.matches(of: #/<script type="application/ld\+json">(.*?)</script>/#.dotMatchesNewlines()).compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.output.1.utf8)) as? [String: Any]
        }
    }
}
