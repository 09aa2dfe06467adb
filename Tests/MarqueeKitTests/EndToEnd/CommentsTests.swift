import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import MarqueeKit

/// Readers' comments (`<slug>.comments.yml`): read, threaded under their review or article, in
/// the JSON-LD and the feed; every mistake in the file at its line and column.
@Suite struct CommentsTests {
    static let comments = """
        # Readers' comments on “Baran”.
        - id: 1
          author: Mina
          url: https://mina.example/
          date: 2020-02-01T10:00:00+03:30
          text: |-
            The ending stayed with me.

            The rain, above all.
        - id: 2
          parent: 1
          author: Tester
          date: 2020-02-02
          text: Thank you, Mina.
        - id: 3
          author: Karim
          date: 2020-02-03
          text: <p>A <em>quiet</em> film.</p>
        """

    static func site(comments: String = CommentsTests.comments, extra: [String: String] = [:], siteYML: String = TestSite.siteYML) -> TestSite {
        TestSite(["content/reviews/baran.md": TestSite.review(title: "Baran", date: "2020-01-07", rating: "4.5")].merging(
            ["content/reviews/baran.comments.yml": comments]) { $1 }.merging(extra) { $1 }, siteYML: siteYML)
    }

    @Test func aReviewShowsItsCommentsThreaded() throws {
        let pages = try Self.site().pages()
        let page = try #require(pages["reviews/baran/index.html"])
        #expect(page.contains(#"<h2 id="comments-heading">3 thoughts on “Baran”</h2>"#))
        // Comment 1, its reply nested in it, then comment 3.
        let one = try #require(page.range(of: #"<li class="comment depth-1" id="comment-1">"#))
        let nested = try #require(page.range(of: #"<ol class="children">"#))
        let two = try #require(page.range(of: #"<li class="comment depth-2" id="comment-2">"#))
        let three = try #require(page.range(of: #"<li class="comment depth-1" id="comment-3">"#))
        #expect(one.lowerBound < nested.lowerBound && nested.lowerBound < two.lowerBound && two.lowerBound < three.lowerBound)
        #expect(page.contains(#"<a href="https://mina.example/" rel="nofollow ugc">Mina</a>"#))
        #expect(page.contains(#"<time datetime="2020-02-01T10:00:00+03:30">1 February 2020</time>"#))
        #expect(page.contains("<p>The ending stayed with me.</p>\n<p>The rain, above all.</p>"))
        #expect(page.contains("<p>A <em>quiet</em> film.</p>"))
        // The lists are balanced: as many <li> and <ol> opened as closed.
        let section = try #require(page.range(of: "<section class=\"comments\"")).lowerBound
        let part = String(page[section...])
        #expect(part.components(separatedBy: "<li").count == part.components(separatedBy: "</li>").count)
        #expect(part.components(separatedBy: "<ol").count == part.components(separatedBy: "</ol>").count)
        // A review without comments has no comments section.
        let plain = try TestSite(["content/reviews/plain.md": TestSite.review(title: "Plain")]).pages()
        #expect(plain["reviews/plain/index.html"]?.contains("comments") == false)
    }

    @Test func oneCommentIsOneThought() throws {
        let pages = try Self.site(comments: "- id: 1\n  author: Mina\n  text: Lovely.\n").pages()
        #expect(pages["reviews/baran/index.html"]?.contains("1 thought on “Baran”") == true)
        #expect(pages["feed.xml"]?.contains("1 comment&lt;/a&gt;") == true)
    }

    @Test func theHeadingAndTheFeedLineAreInTheSitesLanguage() throws {
        for (language, heading, feed, date) in [
            ("fr", "3 réflexions sur «\u{00A0}Baran\u{00A0}»", "3 commentaires", "1 février 2020"),
            ("de", "3 Gedanken zu „Baran“", "3 Kommentare", "1. Februar 2020"),
            ("es", "3 comentarios sobre «Baran»", "3 comentarios", "1 de febrero de 2020"),
            ("fa", "۳ دیدگاه دربارهٔ «Baran»", "۳ دیدگاه", "۱ فوریهٔ ۲۰۲۰"),
        ] {
            let pages = try Self.site(siteYML: TestSite.siteYML + "\nlanguage: \(language)").pages()
            let page = try #require(pages["reviews/baran/index.html"])
            #expect(page.contains(heading), "\(language)")
            #expect(pages["feed.xml"]?.contains(feed + "&lt;/a&gt;") == true, "\(language)")
            #expect(page.contains(">\(date)</time>"), "\(language)")
        }
    }

    @Test func repliesPastFiveLevelsStayAtTheFifth() throws {
        var text = ""
        for n in 1...8 { text += "- id: \(n)\n" + (n > 1 ? "  parent: \(n - 1)\n" : "") + "  author: A\(n)\n  text: Reply \(n)\n" }
        let page = try #require(try Self.site(comments: text).pages()["reviews/baran/index.html"])
        #expect(page.contains(#"<li class="comment depth-5" id="comment-5">"#))
        #expect(page.contains(#"<li class="comment depth-5" id="comment-8">"#))
        #expect(!page.contains("depth-6"))
        #expect(page.components(separatedBy: "<ol class=\"children\">").count - 1 == 4)
        let section = try #require(page.range(of: "<section class=\"comments\"")).lowerBound
        let part = String(page[section...])
        #expect(part.components(separatedBy: "<li").count == part.components(separatedBy: "</li>").count)
        #expect(part.components(separatedBy: "<ol").count == part.components(separatedBy: "</ol>").count)
    }

    @Test func theJSONLDHasTheCommentsAsPlainText() throws {
        let pages = try Self.site().pages()
        let page = try #require(pages["reviews/baran/index.html"])
        let json = try #require(Self.jsonLD(page))
        #expect(json["commentCount"] as? Int == 3)
        let comments = try #require(json["comment"] as? [[String: Any]])
        #expect(comments.count == 3)
        #expect(comments[0]["@type"] as? String == "Comment")
        #expect((comments[0]["author"] as? [String: Any])?["name"] as? String == "Mina")
        #expect((comments[0]["author"] as? [String: Any])?["url"] as? String == "https://mina.example/")
        #expect(comments[0]["dateCreated"] as? String == "2020-02-01T10:00:00+03:30")
        #expect(comments[0]["text"] as? String == "The ending stayed with me.\n\nThe rain, above all.")
        #expect(comments[2]["text"] as? String == "A quiet film.")
    }

    @Test func theFeedCountsTheComments() throws {
        let feed = try #require(try Self.site().pages()["feed.xml"])
        #expect(feed.contains(#"xmlns:thr="http://purl.org/syndication/thread/1.0""#))
        #expect(feed.contains(#"<link href="https://example.org/reviews/baran/#comments" rel="replies" type="text/html" thr:count="3"/>"#))
        #expect(feed.contains("&lt;p&gt;&lt;a href=&quot;https://example.org/reviews/baran/#comments&quot;&gt;3 comments&lt;/a&gt;&lt;/p&gt;</content>"))
        #expect(XMLParser(data: Data(feed.utf8)).parse())
        // No comments anywhere: no namespace.
        let plain = try TestSite(["content/reviews/plain.md": TestSite.review(title: "Plain")]).pages()
        #expect(plain["feed.xml"]?.contains("thr") == false)
    }

    @Test func anArticleShowsItsCommentsToo() throws {
        let pages = try TestSite([
            "content/posts/rain.md": "---\ntitle: Rain\ndate: 2020-01-08\n---\nRain falls.\n",
            "content/posts/rain.comments.yml": "- id: 7\n  author: Mina\n  date: 2020-01-09\n  text: So it does.\n",
        ]).pages()
        let page = try #require(pages["posts/rain/index.html"])
        #expect(page.contains("1 thought on “Rain”"))
        #expect(page.contains(#"<li class="comment depth-1" id="comment-7">"#))
        let json = try #require(Self.jsonLD(page))
        #expect(json["commentCount"] as? Int == 1)
        #expect(pages["feed.xml"]?.contains(#"thr:count="1""#) == true)
    }

    @Test func aFolderReviewsCommentsAreInsideOrBesideIt() throws {
        let inside = try TestSite([
            "content/reviews/baran/index.md": TestSite.review(title: "Baran"),
            "content/reviews/baran/comments.yml": "- id: 1\n  author: Mina\n  text: Inside.\n",
        ]).pages()
        #expect(inside["reviews/baran/index.html"]?.contains("<p>Inside.</p>") == true)
        // Data, not a file to publish beside the page.
        #expect(inside["reviews/baran/comments.yml"] == nil)
        let beside = try TestSite([
            "content/reviews/baran/index.md": TestSite.review(title: "Baran"),
            "content/reviews/baran.comments.yml": "- id: 1\n  author: Mina\n  text: Beside.\n",
        ]).pages()
        #expect(beside["reviews/baran/index.html"]?.contains("<p>Beside.</p>") == true)
        let both = TestSite([
            "content/reviews/baran/index.md": TestSite.review(title: "Baran"),
            "content/reviews/baran/comments.yml": "- id: 1\n  author: Mina\n  text: Inside.\n",
            "content/reviews/baran.comments.yml": "- id: 1\n  author: Mina\n  text: Beside.\n",
        ]).errors()
        #expect(both == ["content/reviews/baran/comments.yml:1:1: error: a second comments file for content/reviews/baran: content/reviews/baran.comments.yml is its comments file too — keep one: move these comments into content/reviews/baran.comments.yml, then remove this file"])
    }

    @Test func aCommentsFileWithoutItsReviewIsAWarning() throws {
        let site = TestSite([
            "content/reviews/baran.md": TestSite.review(title: "Baran"),
            "content/reviews/barn.comments.yml": "- id: 1\n  author: Mina\n  text: Lost.\n",
            "content/pages/about.md": "---\ntitle: About\n---\nAbout.\n",
            "content/pages/about.comments.yml": "- id: 1\n  author: Mina\n  text: On a page.\n",
        ])
        guard case .success(let result) = site.render() else { Issue.record("the build failed"); return }
        #expect(result.warnings.map(\.description).sorted() == [
            "content/pages/about.comments.yml:1:1: warning: comments are shown under reviews and articles, not pages: this file is not read — remove it, or make the page an article in content/posts/ and move the file beside it",
            "content/reviews/barn.comments.yml:1:1: warning: no review beside this comments file: its comments are not shown — it belongs beside content/reviews/barn.md (or a folder content/reviews/barn/): rename it after its review's file",
        ])
    }

    @Test func everyMistakeIsAnErrorAtItsLine() {
        let errors = Self.site(comments: """
            - id: 1
              autor: Mina
              text: Hello.
            - id: 2
              author: Karim
            - id: 1
              author: Ana
              date: 2020-13-01
              text: Again.
            - id: 4
              parent: 99
              author: Rez
              text: Orphan.
            - id: 5
              parent: 6
              author: A
              text: Circle.
            - id: 6
              parent: 5
              author: B
              text: Circle.
            - id: 7
              parent: 7
              author: C
              text: Myself.
            - just text
            - id: two words
              author: D
              text: x
            - id: 9
              author: "   "
              text: x
            """).errors()
        #expect(errors == [
            "content/reviews/baran.comments.yml:1:3: error: the comment has no 'author' — add author: and the name the reader gave",
            "content/reviews/baran.comments.yml:2:3: error: unknown key 'autor' in a comment — did you mean 'author'? a comment has id, parent, author, url, date and text",
            "content/reviews/baran.comments.yml:4:3: error: the comment has no 'text' — add text: and what the reader wrote",
            "content/reviews/baran.comments.yml:6:7: error: duplicate comment id '1': the comment at line 1 has it too — give each comment its own id",
            "content/reviews/baran.comments.yml:8:9: error: '2020-13-01' is not a real date: month 13 does not exist — check the date and time",
            "content/reviews/baran.comments.yml:11:11: error: parent '99' names no comment of this file — give the id of the comment it answers, or remove parent: to start a thread",
            "content/reviews/baran.comments.yml:15:11: error: the comments 5 → 6 → 5 answer each other in a circle — a comment answers one written before it: fix the parent:, or remove it to start a thread",
            "content/reviews/baran.comments.yml:23:11: error: the comment '7' answers itself — a comment answers one written before it: fix the parent:, or remove it to start a thread",
            "content/reviews/baran.comments.yml:26:3: error: each comment is a mapping of id, author, date and text, found a single value — write - id: 1 and, under it, author: …, date: …, text: …",
            "content/reviews/baran.comments.yml:27:7: error: the comment id 'two words' is not a single word — use a number or a word without spaces, such as id: 12",
            "content/reviews/baran.comments.yml:31:11: error: 'author' is empty — give it a value, or remove the key",
        ])
    }

    @Test func aFileThatIsNoListIsAnError() {
        #expect(Self.site(comments: "author: Mina\ntext: Hi\n").errors() == [
            "content/reviews/baran.comments.yml:1:1: error: a comments file is a list of comments, found a mapping ({…}) — start each comment with '- id: 1', then author:, date: and text: under it",
        ])
        let syntax = Self.site(comments: "- id: 1\n  author: [Mina\n").errors()
        #expect(syntax.count == 1 && syntax[0].hasPrefix("content/reviews/baran.comments.yml:") && syntax[0].contains("error: YAML syntax error"), "\(syntax)")
        // An empty file is no comments.
        #expect(Self.site(comments: "# none yet\n").errors() == [])
    }

    /// Reads the page's JSON-LD as JSON.
    static func jsonLD(_ page: String) -> [String: Any]? {
        guard let start = page.range(of: #"<script type="application/ld+json">"#),
              let end = page.range(of: "</script>", range: start.upperBound..<page.endIndex) else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8))) as? [String: Any]
    }
}
