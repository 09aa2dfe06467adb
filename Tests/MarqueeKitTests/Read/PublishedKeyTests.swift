import Foundation
import Testing
@testable import MarqueeKit

/// Jekyll's `published: false`, in a post moved over, keeps it out of the site as `draft: true`
/// does, whichever of the two keys comes first; `published: true` changes nothing.
@Suite struct PublishedKeyTests {
    let config = SiteConfig(title: "T", baseURL: "https://example.org/")

    @Test(arguments: [
        ("published: false", true),
        ("published: true", false),
        ("published: false\ndraft: false", true),
        ("draft: false\npublished: false", true),
        ("draft: true\npublished: true", true),
        ("", false),
    ])
    func aReviewAnArticleAndAPageReadIt(keys: String, draft: Bool) throws {
        let text = "---\ntitle: A\ndate: 2020-01-01\nrating: 3\n\(keys)\n---\nBody\n"
        let (review, reviewDiagnostics) = ReviewReader(config: config).read(Data(text.utf8), path: "content/reviews/a.md", defaultSlug: "a")
        #expect(reviewDiagnostics.isEmpty, "\(reviewDiagnostics)")
        #expect(try #require(review).isDraft == draft)
        #expect(try #require(review).params["published"] == nil)
        let articleText = "---\ntitle: A\ndate: 2020-01-01\n\(keys)\n---\nBody\n"
        let (article, articleDiagnostics) = ArticleReader(config: config).read(Data(articleText.utf8), path: "content/posts/a.md", defaultSlug: "a")
        #expect(articleDiagnostics.isEmpty, "\(articleDiagnostics)")
        #expect(try #require(article).isDraft == draft)
        let (page, pageDiagnostics) = PageReader(config: config).read(Data("---\ntitle: About\n\(keys)\n---\nBody\n".utf8), path: "content/about.md", defaultSlug: "about")
        #expect(pageDiagnostics.isEmpty, "\(pageDiagnostics)")
        #expect(try #require(page).isDraft == draft)
    }

    @Test func anUnpublishedReviewIsNotBuilt() throws {
        let site = TestSite(["content/reviews/kept.md": TestSite.review(title: "Kept"),
                             "content/reviews/quetzalcoatl-unseen.md": TestSite.review(title: "Quetzalcoatl Unseen", extra: "published: false")])
        let pages = try site.pages()
        #expect(pages["reviews/kept/index.html"] != nil)
        #expect(pages["reviews/quetzalcoatl-unseen/index.html"] == nil)
        #expect(pages.filter { $0.value.contains("Quetzalcoatl") }.keys.sorted() == [])
        #expect(try site.pages(drafts: true)["reviews/quetzalcoatl-unseen/index.html"] != nil)
    }
}
