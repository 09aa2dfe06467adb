import Foundation
import Testing
@testable import MarqueeKit

/// `type:` and `work:`: books and albums beside films.
@Suite struct WorkTypesTests {
    @Test func aBookAndAnAlbumSayWhatTheyAre() throws {
        let site = TestSite([
            "content/reviews/book.md": TestSite.review(title: "A book", extra: "type: book\nwork: The Blind Owl\nwriter: Sadegh Hedayat"),
            "content/reviews/album.md": TestSite.review(title: "An album", date: "2020-01-02", extra: "type: Album\nwork: Kind of Blue"),
            "content/reviews/old.md": TestSite.review(title: "Old style", date: "2020-01-03", extra: "type: MusicAlbum\nmovie: Blue Train"),
            "content/reviews/film.md": TestSite.review(title: "A film", date: "2020-01-04", extra: "movie: Baran"),
        ])
        let pages = try site.pages()
        let book = try #require(pages["reviews/book/index.html"])
        #expect(book.contains("<dt>Book</dt>\n  <dd><cite>The Blind Owl</cite>"))
        #expect(book.contains(#""itemReviewed":{"@type":"Book","name":"The Blind Owl","author":[{"@type":"Person","name":"Sadegh Hedayat"}]}"#))
        #expect(pages["reviews/album/index.html"]?.contains("<dt>Album</dt>") == true)
        #expect(pages["reviews/album/index.html"]?.contains(#""@type":"MusicAlbum","name":"Kind of Blue""#) == true)
        #expect(pages["reviews/old/index.html"]?.contains("<dt>Album</dt>\n  <dd><cite>Blue Train</cite>") == true)
        #expect(pages["reviews/film/index.html"]?.contains("<dt>Film</dt>") == true)
    }

    @Test func aSiteAddsItsOwnKinds() throws {
        let site = TestSite([
            "content/reviews/tosca.md": TestSite.review(title: "Tosca", extra: "type: opera\nwork: Tosca"),
            "content/reviews/pod.md": TestSite.review(title: "A podcast", date: "2020-01-02", extra: "type: Radio-Show"),
        ], siteYML: TestSite.siteYML + """

            types:
              opera: {label: Opera}
              radio-show: {label: Radio show, schema: PodcastSeries}
            """)
        let pages = try site.pages()
        #expect(pages["reviews/tosca/index.html"]?.contains("<dt>Opera</dt>") == true)
        #expect(pages["reviews/tosca/index.html"]?.contains(#""itemReviewed":{"@type":"CreativeWork","name":"Tosca""#) == true)
        #expect(pages["reviews/pod/index.html"]?.contains("<dt>Radio show</dt>") == true)
        #expect(pages["reviews/pod/index.html"]?.contains(#""@type":"PodcastSeries""#) == true)
        let clash = TestSite([:], siteYML: TestSite.siteYML + "\ntypes:\n  book: {label: Novel}\n  zine: {label: Zine, schema: Magazine}\n")
        guard case .failure(let failure) = clash.render() else { Issue.record("the build passed"); return }
        #expect(failure.diagnostics.map(\.description).count == 2)
        #expect(failure.diagnostics.map(\.description).first?.hasSuffix("error: 'book' is a kind of work Marquee knows already — give your own kind another name, or leave it out: type: book works as it is") == true)
    }

    @Test func theWorkNamedTwiceOrAnUnknownKindIsAnError() throws {
        let site = TestSite([
            "content/reviews/a.md": TestSite.review(title: "A", extra: "movie: X\nwork: Y\ntype: novel"),
        ])
        guard case .failure(let failure) = site.render() else { Issue.record("the build passed"); return }
        #expect(failure.diagnostics.map(\.description) == [
            "content/reviews/a.md:6:1: error: 'work' and 'movie' both name the work — keep one of them (work: is the newer name of movie:)",
            "content/reviews/a.md:7:7: error: type 'novel' is not a kind of work Marquee knows — use one of film, tv, book, album, game, play, restaurant (or a schema.org type: Movie, Book, MusicAlbum, MusicRecording, TVSeries, TVSeason, TVEpisode, VideoGame, Game, PodcastSeries, CreativeWork, Restaurant), or add it under types: in site.yml",
        ])
    }
}
