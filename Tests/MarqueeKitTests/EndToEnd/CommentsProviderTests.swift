import Foundation
import Testing
@testable import MarqueeKit

/// `comments:` in site.yml: the script of giscus or utterances under each review and article,
/// after the comments already there; nothing without it; every mistake at its line.
@Suite struct CommentsProviderTests {
    static func site(_ comments: String, files: [String: String] = [:]) -> TestSite {
        TestSite([
            "content/reviews/baran.md": TestSite.review(title: "Baran"),
            "content/reviews/baran.comments.yml": "- id: 1\n  author: Mina\n  text: Lovely.\n",
            "content/posts/rain.md": "---\ntitle: Rain\ndate: 2020-01-08\n---\nRain falls.\n",
        ].merging(files) { $1 }, siteYML: TestSite.siteYML + "\n" + comments)
    }

    @Test func giscusIsEmbeddedUnderTheComments() throws {
        let pages = try Self.site("""
            comments: {provider: giscus, repo: mina-r/film-comments, repo_id: R_kgDO1, category: Comments, category_id: DIC_kwDO2,
                       theme: "dark\\" onload=\\"alert(1)", reactions_enabled: false}
            """).pages()
        let page = try #require(pages["reviews/baran/index.html"])
        let script = #"<script src="https://giscus.app/client.js" data-repo="mina-r/film-comments" data-repo-id="R_kgDO1" data-category="Comments" data-category-id="DIC_kwDO2" data-mapping="pathname" data-strict="0" data-reactions-enabled="0" data-emit-metadata="0" data-input-position="bottom" data-theme="dark&quot; onload=&quot;alert(1)" data-lang="en" data-loading="lazy" crossorigin="anonymous" async></script>"#
        #expect(page.contains(script))
        #expect(page.contains(#"<h2 id="comment-form-heading">Leave a comment</h2>"#))
        let comments = try #require(page.range(of: "<section class=\"comments\""))
        let form = try #require(page.range(of: "<section class=\"comment-form\""))
        #expect(comments.lowerBound < form.lowerBound)
        // On articles too, which have no comments yet.
        #expect(pages["posts/rain/index.html"]?.contains(script) == true)
        #expect(pages["posts/rain/index.html"]?.contains("<section class=\"comments\"") == false)
        // Nowhere else.
        #expect(pages["index.html"]?.contains("giscus") == false)
    }

    @Test func utterancesGetsItsAttributesThroughAValidLoader() throws {
        let pages = try Self.site("comments: {provider: utterances, repo: mina-r/film-comments, label: 💬 comment}").pages()
        let page = try #require(pages["reviews/baran/index.html"])
        #expect(page.contains(#"<script data-repo="mina-r/film-comments" data-issue-term="pathname" data-label="💬 comment" data-theme="preferred-color-scheme">"#))
        #expect(page.contains(#"script.src = "https://utteranc.es/client.js";"#))
        #expect(!page.contains(" repo=\""))
    }

    @Test func noCommentsSettingNoScript() throws {
        for setting in ["", "comments: false", "comments:"] {
            let page = try #require(try Self.site(setting).pages()["reviews/baran/index.html"])
            #expect(!page.contains("comment-form"), "\(setting)")
            #expect(page.components(separatedBy: "<script").count - 1 == 1)
        }
    }

    @Test func mistakesAreErrorsAtTheirLine() {
        // site.yml's own lines come first (TestSite.siteYML has 5), then the setting's.
        func errors(_ setting: String) -> [String] { Self.site(setting).errors() }
        #expect(errors("comments: {provider: giscuss, repo: a/b}") == [
            "site.yml:6:22: error: unknown comments provider 'giscuss' — did you mean 'giscus'?",
        ])
        #expect(errors("comments: {provider: facebook}") == ["site.yml:6:22: error: unknown comments provider 'facebook' — Marquee embeds giscus or utterances"])
        #expect(errors("comments: {provider: giscus, repo: a/b, category: C, category_id: D}") == [
            "site.yml:6:11: error: comments: giscus needs 'repo_id' — copy it from the configuration on https://giscus.app (its script's data-repo-id)",
        ])
        #expect(errors("comments: {provider: utterances, repo: not a repo}") == [
            "site.yml:6:40: error: comments.repo 'not a repo' is not a GitHub repository — write it as owner/name, such as repo: mina-r/film-comments (the public repository that keeps the comments)",
        ])
        #expect(errors("comments: {provider: utterances, repo: a/b, issue_trem: title}") == [
            "site.yml:6:45: error: 'issue_trem' is not a setting of utterances — did you mean 'issue_term'? utterances takes repo, issue_term, issue_number, label, theme",
        ])
        #expect(errors("comments: {repo: a/b}") == [
            "site.yml:6:11: error: 'comments' has no 'provider' — add provider: giscus or provider: utterances (or remove comments: to embed none)",
        ])
        #expect(errors("comments: giscus") == [
            "site.yml:6:11: error: 'comments' must be a mapping: the provider and its settings, found 'giscus' — write comments: {provider: giscus, repo: owner/name, repo_id: …, category: …, category_id: …}",
        ])
        #expect(errors("comments: {provider: giscus, repo: a/b, repo_id: R, category: C, category_id: D, mapping: path}") == [
            "site.yml:6:91: error: comments.mapping 'path' is not one giscus knows — use one of pathname, url, title, og:title, specific, number",
        ])
    }

    @Test func theRepositoryRule() {
        for good in ["a/b", "mina-r/film.comments", "A1/x_y-z"] { #expect(CommentsProviderReader.isRepository(good), "\(good)") }
        for bad in ["a", "a/b/c", "/b", "a/", "-a/b", "a b/c", "a/..", "ä/b", "a/b?x=1", String(repeating: "a", count: 40) + "/b"] {
            #expect(!CommentsProviderReader.isRepository(bad), "\(bad)")
        }
    }
}
