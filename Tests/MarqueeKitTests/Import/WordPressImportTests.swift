import Foundation
import Testing
@testable import MarqueeKit

/// The film-review export written for these tests, imported: reviews with their credits, ratings,
/// recommendations, comments and aliases.
@Suite struct WordPressImportTests {
    static func plan() throws -> (files: [String: String], report: ImportReport) {
        let (files, report) = WordPressImport.plan(try WXRReaderTests.export(WXRReaderTests.filmBlog))
        return (Dictionary(files.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a }), report)
    }

    @Test func aClassicReviewWithItsLinesAsFrontMatter() throws {
        let files = try Self.plan().files
        #expect(files["content/reviews/children-of-heaven.md"] == """
            ---
            title: Children of Heaven
            year: 1997
            director: Majid Majidi
            writer: Majid Majidi
            categories: [Foreign, Iranian]
            tags: childhood
            rating: 5
            date: 2009-03-14T18:30:00+05:30
            recommend: shwaas
            aliases:
              - "/2009/03/14/children-of-heaven/"
            ---

            A brother loses his sister's only pair of shoes, and the two of them share his for the rest of the film: she runs to school in the morning, he runs the other way at noon.

            ![The shoes](https://sofa.example.net/films/wp-content/uploads/2009/03/shoes-300x200.jpg)

            The race near the end is *the* best ten minutes I have seen this year.

            <!--more-->

            Majidi films the children's feet more than their faces, and it works.

            """)
    }

    @Test func aBlockEditorReviewWithStarsAnOuterRecommendationAndAReviewer() throws {
        let files = try Self.plan().files
        #expect(files["content/reviews/shwaas.md"] == """
            ---
            title: Shwaas
            year: 2004
            director: Sandeep Sawant
            writers: [Madhavi Gharpure, Sandeep Sawant]
            category: Marathi
            rating: 4.5
            date: 2010-01-02T10:00:00+05:30
            recommend:
              title: Harishchandrachi Factory
              url: https://en.wikipedia.org/wiki/Harishchandrachi_Factory
            reviewer: mina-r
            summary: "A boy, his grandfather & a city."
            aliases:
              - "/2010/01/02/shwaas/"
            ---

            A grandfather takes his grandson to Pune for an operation that will save the boy's life and take his sight. Read my review of [Children of Heaven](/reviews/children-of-heaven/) too.

            <pre class="wp-block-preformatted">First line

            after a blank line
            \tand a tab</pre>

            """)
    }

    @Test func aDraftRescaledWithItsUnresolvedRecommendationLeftAndReported() throws {
        let (files, report) = try Self.plan()
        #expect(files["content/reviews/baran.md"] == """
            ---
            title: Baran
            year: 2001
            director: Majid Majidi
            rating: 4
            date: 2011-05-01T20:00:00
            draft: true
            ---

            A building site in Tehran, and a secret.

            Liked Baran? You'll love Kandahar

            """)
        #expect(report.attention.contains(.init(title: "Baran", message: "“Liked Baran? You'll love Kandahar”: no published review is titled “Kandahar” and the line links nowhere: left in the text; write recommend: yourself")))
    }

    @Test func approvedCommentsOnlyAsDataWithoutEmailAddresses() throws {
        let (files, report) = try Self.plan()
        let comments = try #require(files["content/reviews/children-of-heaven.comments.yml"])
        #expect(comments == """
            # Readers' comments on “Children of Heaven”, imported from WordPress.
            # Each: id, parent (the id it answers; none for a new thread), author, url, date, text (HTML as written).
            - id: "101"
              author: Ravi
              url: https://ravi.example.org/
              date: 2009-03-15T09:00:00+05:30
              text: |-
                I cried at the goldfish.

                Twice.
            - id: "102"
              parent: "101"
              author: "<script>alert(1)</script>\\"; title: hacked"
              date: 2009-03-15T10:00:00+05:30
              text: |-
                Reply: <img src=x onerror=alert(3)> </textarea><a href="javascript:alert(4)">me</a>
                --- \n    key: value
                - list

            """)
        #expect(!files.values.contains { $0.contains("secret.example") || $0.contains("192.0.2.7") || $0.contains("Cheap pills") || $0.contains("Not yet moderated") || $0.contains("pingback") })
        #expect(report.comments == 2 && report.skipped["spam comments"] == 1 && report.skipped["pending comments"] == 1 && report.skipped["pingbacks"] == 1)
    }

    @Test func articlesPagesSiteAndReport() throws {
        let (files, report) = try Self.plan()
        #expect(files["content/posts/why-i-still-buy-dvds.md"] == """
            ---
            title: Why I still buy DVDs
            tags: collecting
            date: 2012-06-01T08:00:00+01:00
            aliases:
              - "/2012/06/01/why-i-still-buy-dvds/"
            ---

            Streaming services forget films. My shelf does not.\\
            It is also a bookshelf now.

            [![A shelf of DVDs](https://sofa.example.net/films/wp-content/uploads/2012/06/shelf.jpg)](https://sofa.example.net/films/wp-content/uploads/2012/06/shelf.jpg)

            \\[pullquote\\]Shelves are forever.\\[/pullquote\\]

            """)
        #expect(files["content/pages/about.md"] == "---\ntitle: About\n---\n\nTwo of us write here. Start with [our favourite](/reviews/children-of-heaven/).\n")
        #expect(files["site.yml"]?.contains("title: \"Sofa & Screen\"\ndescription: Films watched twice, reviewed once\nbase_url: https://sofa.example.net/films\nlanguage: en-GB\n") == true)
        #expect(files["site.yml"]?.contains("author: Vivek S.\nauthors:\n  mina-r:\n    name: Mina R.\n") == true)
        #expect((report.reviews, report.reviewDrafts, report.articles, report.pages, report.aliases) == (3, 1, 1, 1, 3))
        #expect(report.skipped["attachments"] == 2 && report.skipped["menu items"] == 1 && report.skipped["posts in the trash"] == 1)
        #expect(report.text(export: "film-blog.xml", into: "blog") == """
            Imported film-blog.xml into blog:
              3 reviews (1 draft), 1 article, 1 page, 2 comments, 3 old addresses
            Skipped:
              2 attachments
              1 menu items
              1 pending comments
              1 pingbacks
              1 posts in the trash
              1 spam comments
            Needs your attention (5):
              “Why I still buy DVDs”: the shortcode [pullquote] has no HTML equivalent and was left as text
              “Baran”: “Liked Baran? You'll love Kandahar”: no published review is titled “Kandahar” and the line links nowhere: left in the text; write recommend: yourself
              “Children of Heaven”: its featured image https://sofa.example.net/films/wp-content/uploads/2009/03/shoes.jpg was not copied (pass --media with a copy of wp-content/uploads); copy it and set image:
              “Children of Heaven”: uses an image of the old blog, still linked there (pass --media with a copy of wp-content/uploads to copy them)
              “Why I still buy DVDs”: uses an image of the old blog, still linked there (pass --media with a copy of wp-content/uploads to copy them)
            Files: 0 written
            """)
    }

    static let uploads = Paths.packageRoot.appendingPathComponent("Tests/MarqueeKitTests/Fixtures/import/uploads")

    @Test func withMediaAReviewBecomesAFolderWithItsImagesAndFeaturedImage() throws {
        let export = try WXRReaderTests.export(WXRReaderTests.filmBlog)
        let (files, copies, report) = WordPressImport.planWithMedia(export, options: .init(media: ImportMedia.folderLookup(Self.uploads)))
        let review = try #require(files.first { $0.path == "content/reviews/children-of-heaven/index.md" })
        #expect(review.text.contains("\nimage: shoes.jpg\nimage_alt: A pair of worn pink shoes\n"))
        // The resized copy is not in the uploads: its original stands in, under its own name.
        #expect(review.text.contains("\n![The shoes](shoes.jpg)\n"))
        #expect(files.contains { $0.path == "content/reviews/children-of-heaven.comments.yml" })
        #expect(files.first { $0.path == "content/posts/why-i-still-buy-dvds.md" }?.text.contains("[![A shelf of DVDs](../../uploads/2012/06/shelf.jpg)](../../uploads/2012/06/shelf.jpg)") == true)
        #expect(copies == [
            ImportedCopy(path: "content/reviews/children-of-heaven/shoes.jpg", source: Self.uploads.path + "/2009/03/shoes.jpg"),
            ImportedCopy(path: "static/uploads/2012/06/shelf.jpg", source: Self.uploads.path + "/2012/06/shelf.jpg"),
        ])
        #expect(!report.attention.contains { $0.message.contains("image") })
    }

    @Test func uploadAddressesAndResizedNames() {
        #expect(ImportMedia.uploadPath(of: "https://x.org/blog/wp-content/uploads/2012/06/a%20b.jpg?w=300") == "2012/06/a b.jpg")
        #expect(ImportMedia.uploadPath(of: "https://blog.files.wordpress.com/2008/06/canola2.jpg") == "2008/06/canola2.jpg")
        #expect(ImportMedia.uploadPath(of: "https://x.org/wp-content/uploads/../../etc/passwd") == nil)
        #expect(ImportMedia.uploadPath(of: "https://x.org/2012/06/post/") == nil)
        #expect(ImportMedia.originalName(of: "2012/06/photo-300x200.jpg") == "2012/06/photo.jpg")
        #expect(ImportMedia.originalName(of: "2012/06/photo-large.jpg") == nil)
    }

    @Test func ratingsFromAPostMetaKeyOnAnotherScale() throws {
        var export = try WXRReaderTests.export(WXRReaderTests.filmBlog)
        let index = try #require(export.items.firstIndex { $0.postName == "why-i-still-buy-dvds" })
        export.items[index].meta.append(("_my_rating", "7"))
        let files = WordPressImport.plan(export, options: WordPressImportOptions(ratingKey: "_my_rating", ratingScale: 10)).files
        #expect(files.contains { $0.path == "content/reviews/why-i-still-buy-dvds.md" && $0.text.contains("\nrating: 7\n") })
        #expect(files.contains { $0.path == "content/reviews/children-of-heaven.md" && $0.text.contains("\nrating: 10\n") })
        #expect(files.first { $0.path == "site.yml" }?.text.contains("\nrating_scale: 10\n") == true)
    }

    @Test func anOldAddressInsideAFolderOfTheNewSiteGetsNoAlias() throws {
        var export = try WXRReaderTests.export(WXRReaderTests.filmBlog)
        let index = try #require(export.items.firstIndex { $0.postName == "shwaas" })
        export.items[index].link = "https://sofa.example.net/films/tags/shwaas/"
        let (files, report) = WordPressImport.plan(export)
        #expect(files.first { $0.path == "content/reviews/shwaas.md" }?.text.contains("aliases:") == false)
        #expect(report.attention.contains(.init(title: "Shwaas", message: "its old address /tags/shwaas/ is inside the new site's /tags/: no alias was made for it")))
    }

    @Test func datesKeepTheOffsetTheWriterSaw() {
        #expect(ImportDate.frontMatter(local: "2011-01-18 13:36:14", gmt: "2011-01-18 08:06:14") == "2011-01-18T13:36:14+05:30")
        #expect(ImportDate.frontMatter(local: "2011-01-18 01:00:00", gmt: "2011-01-18 06:00:00") == "2011-01-18T01:00:00-05:00")
        #expect(ImportDate.frontMatter(local: "2011-01-18 01:00:00", gmt: "0000-00-00 00:00:00") == "2011-01-18T01:00:00")
        #expect(ImportDate.frontMatter(local: "", gmt: "") == nil)
    }

    @Test func slugsAreDecodedMadeFromTitlesAndUnique() {
        var used: Set<String> = []
        var item = WXRItem()
        item.postName = "%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf-2"
        #expect(WordPressImport.slug(for: item, title: "x", page: false, used: &used) == "επίπεδο-2")
        item.postName = ""
        #expect(WordPressImport.slug(for: item, title: "Cléo from 5 to 7", page: false, used: &used) == "cleo-from-5-to-7")
        #expect(WordPressImport.slug(for: item, title: "Cléo from 5 to 7", page: false, used: &used) == "cleo-from-5-to-7-2")
        item.postName = "tags"
        #expect(WordPressImport.slug(for: item, title: "Tags", page: true, used: &used) == "tags-page")
    }
}
