import Foundation
import Testing
@testable import MarqueeKit

@Suite struct TemplateTests {
    let review = TestSite.review(title: "Baran", extra: "director: Majid Majidi")

    @Test func aSiteTemplateOverridesTheDefaultOfTheSameName() throws {
        let site = TestSite([
            "content/reviews/baran.md": review,
            "templates/review-card.mustache": "<p class=\"my-card\">{{movie}} / {{rating.text}}</p>\n",
        ])
        let home = try #require(try site.pages()["index.html"])
        #expect(home.contains("<p class=\"my-card\">Baran / 4 out of 5</p>"))
        #expect(!home.contains("review-card-title"))
    }

    @Test func aSiteTemplateCanInheritTheDefaultLayout() throws {
        let site = TestSite([
            "content/reviews/baran.md": review,
            "templates/review.mustache": "{{<base}}{{$content}}<h1 class=\"mine\">{{review.movie}}</h1>{{/content}}{{/base}}",
        ])
        let page = try #require(try site.pages()["reviews/baran/index.html"])
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<h1 class=\"mine\">Baran</h1>"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/reviews/baran/\">"))
    }

    @Test func aMissingPartialIsAnErrorNamingTheTemplate() {
        let site = TestSite([
            "content/reviews/baran.md": review,
            "templates/review-card.mustache": "<p>\n  {{> no-such-partial}}\n</p>\n",
        ])
        #expect(site.errors() == [
            "templates/review-card.mustache:2:3: error: template 'review-card' includes the partial 'no-such-partial', which does not exist — create templates/no-such-partial.mustache or fix the name",
        ])
    }

    /// A misspelt override would be ignored without a word: it is a warning naming the template meant.
    @Test func aTemplateNoPageUsesIsAWarningWithTheClosestName() throws {
        let site = TestSite([
            "content/reviews/baran.md": review,
            "templates/reveiw.mustache": "{{<base}}{{$content}}<h1>{{review.title}}</h1>{{/content}}{{/base}}\n",
        ])
        let rendered = try site.render().get()
        #expect(rendered.warnings.map(\.description) == [
            "templates/reveiw.mustache:1:1: warning: the template 'reveiw' is used by no page — did you mean 'review'? An override takes the name of the default theme's template",
        ])
    }

    @Test func aTemplateSyntaxErrorHasItsLine() {
        let site = TestSite([
            "content/reviews/baran.md": review,
            "templates/home.mustache": "<p>\n{{#list.reviews}}\n{{title}}\n",
        ])
        let errors = site.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("templates/home.mustache:") == true)
        #expect(errors.first == "templates/home.mustache:2:1: error: template syntax error: 'list.reviews' is never closed — add {{/list.reviews}} where it ends")
    }

    @Test func frontMatterValuesAreEscapedInTextAndAttributes() throws {
        let hostile = #"<b>\"&'</b>"#
        let site = TestSite([
            "content/reviews/x.md": """
            ---
            title: '\(hostile.replacingOccurrences(of: "'", with: "''"))'
            date: 2020-01-01
            rating: 4
            director: '\(hostile.replacingOccurrences(of: "'", with: "''"))'
            ---
            Body.
            """,
        ])
        let page = try #require(try site.pages()["reviews/x/index.html"])
        #expect(!page.contains("<b>"))
        #expect(page.contains("&lt;b&gt;\\&quot;&amp;&#39;&lt;/b&gt;"))
    }
}
