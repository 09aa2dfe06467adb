import Foundation
import Testing
@testable import MarqueeKit

/// Cast, a book's authors and an album's artists: credit taxonomies with pages of their own, there
/// only on a site that uses them.
@Suite struct CreditTaxonomiesTests {
    static let mixed = TestSite([
        "content/reviews/owl.md": TestSite.review(title: "The Blind Owl", extra: "type: book\nauthor: Sadegh Hedayat\nisbn: 978-0-8021-3180-3"),
        "content/reviews/blue.md": TestSite.review(title: "Kind of Blue", date: "2020-01-02", extra: "type: album\nartist: [Miles Davis]"),
        "content/reviews/baran.md": TestSite.review(title: "Baran", date: "2020-01-03", extra: "director: Majid Majidi\ncast: [Hossein Abedini, Zahra Bahrami]"),
    ])

    @Test func eachCreditHasItsPagesItsLabelAndItsJSONLD() throws {
        let pages = try Self.mixed.pages()
        let owl = try #require(pages["reviews/owl/index.html"])
        #expect(owl.contains("<dt>Author</dt>\n  <dd><a href=\"/authors/sadegh-hedayat/\">Sadegh Hedayat</a></dd>"))
        #expect(owl.contains(#""itemReviewed":{"@type":"Book","name":"The Blind Owl","author":[{"@type":"Person","name":"Sadegh Hedayat"}],"isbn":"978-0-8021-3180-3"}"#))
        let blue = try #require(pages["reviews/blue/index.html"])
        #expect(blue.contains("<dt>Artist</dt>\n  <dd><a href=\"/artists/miles-davis/\">Miles Davis</a></dd>"))
        #expect(blue.contains(#""byArtist":[{"@type":"MusicGroup","name":"Miles Davis"}]"#))
        let baran = try #require(pages["reviews/baran/index.html"])
        #expect(baran.contains("<dt>Cast</dt>\n  <dd><a href=\"/cast/hossein-abedini/\">Hossein Abedini</a>, <a href=\"/cast/zahra-bahrami/\">Zahra Bahrami</a></dd>"))
        #expect(baran.contains(#""director":[{"@type":"Person","name":"Majid Majidi"}],"actor":[{"@type":"Person","name":"Hossein Abedini"},{"@type":"Person","name":"Zahra Bahrami"}]"#))
        #expect(pages["authors/index.html"]?.contains("Sadegh Hedayat") == true)
        #expect(pages["authors/sadegh-hedayat/index.html"]?.contains("The Blind Owl") == true)
        #expect(pages["artists/miles-davis/index.html"] != nil)
        #expect(pages["cast/zahra-bahrami/index.html"]?.contains("Baran") == true)
        // Authors and artists are in the menu of a site that has them.
        #expect(baran.contains(#"<a href="/authors/">Authors</a>"#))
        #expect(baran.contains(#"<a href="/artists/">Artists</a>"#))
        // The feed names who made each work; the ratings table says "By" for works of several kinds.
        let feed = try #require(pages["feed.xml"])
        #expect(feed.contains("Author: Sadegh Hedayat"))
        #expect(feed.contains("Artist: Miles Davis"))
        #expect(pages["ratings/index.html"]?.contains(#"<th scope="col">Work</th><th scope="col">Year</th><th scope="col">By</th>"#) == true)
    }

    @Test func aFilmBlogHasNoCastAuthorOrArtistPages() throws {
        let pages = try TestSite([
            "content/reviews/baran.md": TestSite.review(title: "Baran", extra: "director: Majid Majidi"),
            // A page may take /authors/ while no review names a book's author.
            "content/pages/authors.md": "---\ntitle: About the authors\n---\n\nWho writes here.\n",
        ]).pages()
        for folder in ["cast", "artists"] { #expect(!pages.keys.contains { $0.hasPrefix(folder + "/") }) }
        #expect(pages["authors/index.html"]?.contains("About the authors") == true)
        #expect(pages["reviews/baran/index.html"]?.contains(#"href="/artists/""#) == false)
        #expect(pages["ratings/index.html"]?.contains(#"<th scope="col">Film</th><th scope="col">Year</th><th scope="col">Director</th>"#) == true)
    }

    @Test func aPageInTheFolderOfAUsedCreditIsAnError() {
        let site = TestSite([
            "content/reviews/owl.md": TestSite.review(title: "The Blind Owl", extra: "type: book\nauthor: Sadegh Hedayat"),
            "content/pages/authors.md": "---\ntitle: About the authors\n---\n\nWho writes here.\n",
        ])
        #expect(site.errors() == [
            "content/pages/authors.md:1:1: error: the page slug 'authors' is taken by the pages of the authors taxonomy at /authors/ — rename the page or give it another slug:, or give the taxonomy another path: under taxonomies in site.yml",
        ])
    }

    @Test func aCreditTheKindOfWorkDoesNotHaveIsAWarning() throws {
        let site = TestSite([
            // Hugo's and Jekyll's `author:` is who wrote the post.
            "content/reviews/baran.md": TestSite.review(title: "Baran", extra: "director: Majid Majidi\nauthor: Vivek"),
            "content/reviews/blue.md": TestSite.review(title: "Kind of Blue", date: "2020-01-02", extra: "type: album\ndirector: Someone"),
        ])
        let result = try site.render().get()
        #expect(result.warnings.map(\.description) == [
            "content/reviews/baran.md:6:1: warning: 'author' is not a credit of a film; it is shown all the same — for who wrote the review, write reviewer: with an id of site.yml's authors (author: is the author of a book)",
            "content/reviews/blue.md:6:1: warning: 'director' is not a credit of an album; it is shown all the same — an album's credits are artist, writer; set type: if this is not an album",
        ])
    }
}
