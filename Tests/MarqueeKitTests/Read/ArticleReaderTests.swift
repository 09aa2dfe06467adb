import Foundation
import Testing
@testable import MarqueeKit

@Suite struct ArticleReaderTests {
    var config: SiteConfig {
        var config = SiteConfig(title: "T", baseURL: "https://example.org/blog/")
        config.authors = ["mina": SiteConfig.Author(name: "Mina R.")]
        return config
    }

    func read(_ text: String, path: String = "content/posts/x.md", slug: String = "x") -> (Article?, [String]) {
        let (article, diagnostics) = ArticleReader(config: config).read(Data(text.utf8), path: path, defaultSlug: slug)
        return (article, diagnostics.map(\.description))
    }

    @Test func readsTheKeysAnArticleTakes() throws {
        let (article, problems) = read("""
            ---
            title: Ten films from Iran
            date: 2024-05-01
            updated: 2024-06-02
            tags: [iran, lists]
            category: Iranian
            reviewer: mina
            language: fa
            summary: A short list.
            toc: true
            aliases: [/old/ten-films/]
            slug: ten-films
            image: /img/ten.jpg
            mood: calm
            ---
            The [first](/reviews/baran/) of them.

            ## One
            """)
        #expect(problems == [])
        let a = try #require(article)
        #expect(a.title == "Ten films from Iran")
        #expect(a.slug == "ten-films")
        #expect(a.date.isoDay == "2024-05-01")
        #expect(a.updated?.isoDay == "2024-06-02")
        #expect(a.names(TaxonomyDefinition.ID.tags).map(\.text) == ["iran", "lists"])
        #expect(a.names(TaxonomyDefinition.ID.categories).map(\.text) == ["Iranian"])
        #expect(a.reviewer == "mina")
        #expect(a.language == "fa")
        #expect(a.tableOfContents == true)
        #expect(a.aliases.map(\.url) == ["old/ten-films/"])
        #expect(a.image == "/img/ten.jpg")
        #expect(a.params["mood"] == .string("calm"))
        #expect(a.excerpt.text == "A short list.")
        #expect(a.body.headings.map(\.text) == ["One"])
        // Links in the body are made from the article's own address.
        #expect(a.body.html.contains("href=\"/blog/reviews/baran/\""))
    }

    @Test func aRatingIsAnErrorAtItsLine() {
        let (article, problems) = read("---\ntitle: A\ndate: 2024-05-01\nrating: 4\n---\nBody\n")
        #expect(article == nil)
        #expect(problems == ["content/posts/x.md:4:1: error: an article has no rating — a post with a rating is a review: move it to content/reviews/, or remove rating:"])
    }

    @Test func eachKeyOnlyAReviewTakesIsAnError() {
        let (article, problems) = read("""
            ---
            title: A
            date: 2024-05-01
            director: Majid Majidi
            writers: [Someone]
            cast: [Someone Else]
            artist: A Band
            movie: Baran
            work: Baran
            year: 2001
            recommend: baran
            type: book
            original_language: fa
            author: Vivek
            ---
            Body
            """)
        #expect(article == nil)
        #expect(problems == [
            "content/posts/x.md:4:1: error: an article has no director — credits belong to a review: move it to content/reviews/, or remove director:",
            "content/posts/x.md:5:1: error: an article has no writers — credits belong to a review: move it to content/reviews/, or remove writers:",
            "content/posts/x.md:6:1: error: an article has no cast — credits belong to a review: move it to content/reviews/, or remove cast:",
            "content/posts/x.md:7:1: error: an article has no artist — credits belong to a review: move it to content/reviews/, or remove artist:",
            "content/posts/x.md:8:1: error: an article has no movie — a post about one work is a review: move it to content/reviews/, or remove movie:",
            "content/posts/x.md:9:1: error: an article has no work — a post about one work is a review: move it to content/reviews/, or remove work:",
            "content/posts/x.md:10:1: error: an article has no year — the year of a work belongs to a review: move it to content/reviews/, or remove year:",
            "content/posts/x.md:11:1: error: an article has no recommendations — recommend: belongs to a review: move it to content/reviews/, or remove recommend:",
            "content/posts/x.md:12:1: error: an article has no type — the kind of work belongs to a review: move it to content/reviews/, or remove type:",
            "content/posts/x.md:13:1: error: an article has no original_language — the original title of a work belongs to a review: move it to content/reviews/, or remove original_language:",
            "content/posts/x.md:14:1: error: an article has no author — for who wrote it, write reviewer: with an id of site.yml's authors; author: is a credit of a book and belongs to a review",
        ])
    }

    @Test func missingTitleAndDateAreErrors() {
        let (article, problems) = read("---\nsummary: S\n---\nBody\n")
        #expect(article == nil)
        #expect(problems == [
            "content/posts/x.md:1:1: error: the front matter has no 'title' — add a line such as title: \"Ten films from Iran\"",
            "content/posts/x.md:1:1: error: the front matter has no 'date' — add the publication date, such as date: 2024-05-01",
        ])
    }

    @Test func anUpdateBeforeTheDateIsAnError() {
        let (_, problems) = read("---\ntitle: A\ndate: 2024-05-01\nupdated: 2024-04-30\n---\nBody\n")
        #expect(problems == ["content/posts/x.md:4:1: error: updated 2024-04-30 is before the article's date 2024-05-01 — give the day it was last revised, on or after date:"])
        let (_, bad) = read("---\ntitle: A\ndate: 2024-05-01\nupdated: soon\n---\nBody\n")
        #expect(bad == ["content/posts/x.md:4:10: error: 'soon' is not a date — write YYYY-MM-DD (2024-05-01) or RFC 3339 (2024-05-01T18:30:00+05:30)"])
    }

    @Test func lastmodIsHugosUpdated() throws {
        let (article, problems) = read("---\ntitle: A\ndate: 2024-05-01\nlastmod: 2024-05-03\n---\nBody\n")
        #expect(problems == [])
        #expect(article?.updated?.isoDay == "2024-05-03")
        let (_, both) = read("---\ntitle: A\ndate: 2024-05-01\nupdated: 2024-05-02\nlastmod: 2024-05-03\n---\nBody\n")
        #expect(both == ["content/posts/x.md:5:1: error: 'updated' and 'lastmod' both give the day of the last revision — keep one of them (lastmod: is Hugo's name for updated:)"])
    }

    @Test func sharedKeysReportAsReviewsDo() {
        let (_, problems) = read("---\ntitle: A\ndate: 2024-05-01\nreviewer: mena\nlanguage: not a tag\n---\nBody\n")
        #expect(problems == [
            "content/posts/x.md:4:11: error: the reviewer 'mena' is not one of the site's authors — did you mean 'mina'?",
            "content/posts/x.md:5:11: error: language 'not a tag' is not a language tag — use a BCP 47 tag such as en, fa or pt-BR",
        ])
    }

    @Test func aTypoOfAKeyIsAWarningWithTheKeyMeant() throws {
        let (article, problems) = read("---\ntitle: A\ndate: 2024-05-01\ncatagory: Iranian\nupdate: 2024-05-02\n---\nBody\n")
        #expect(article != nil)
        #expect(problems == [
            "content/posts/x.md:4:1: warning: 'catagory' is not a key Marquee reads; it is kept for templates under params — did you mean 'category'?",
            "content/posts/x.md:5:1: warning: 'update' is not a key Marquee reads; it is kept for templates under params — did you mean 'updated'?",
        ])
    }

    @Test func aJekyllFileNameGivesTheDateAndTheSlug() throws {
        let (article, problems) = read("---\ntitle: A\n---\nBody\n", path: "content/posts/2023-11-25-ten-films.md", slug: "2023-11-25-ten-films")
        #expect(problems == [])
        let a = try #require(article)
        #expect(a.slug == "ten-films")
        #expect(a.date.isoDay == "2023-11-25")
    }

    /// The review's keys are the shared ones and its own; an article refuses each of its own and
    /// every credit, so a key added to reviews alone must be refused by articles too.
    @Test func everyKeyOnlyAReviewTakesIsRefused() {
        let taxonomyKeys = TaxonomyDefinition.defaults.filter(\.readsNames).flatMap(\.keys)
        #expect(Set(ReviewReader.knownKeys) == Set(PostKeysReader.keys + ReviewReader.ownKeys + taxonomyKeys))
        let credits = TaxonomyDefinition.defaults.filter(\.isCredit).flatMap(\.keys)
        // `image_alt` each reads itself: a review's poster's alt text, an article's image's.
        for key in ReviewReader.ownKeys + credits where key != "image_alt" {
            #expect(ArticleReader.reviewOnly(key) != nil, "\(key)")
        }
        for key in ArticleReader.knownKeys {
            #expect(ArticleReader.reviewOnly(key) == nil, "\(key)")
        }
        #expect(ArticleReader.knownKeys.contains("image_alt"))
    }
}
