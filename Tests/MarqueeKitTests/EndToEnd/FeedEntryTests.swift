import Foundation
import Testing
@testable import MarqueeKit

@Suite struct FeedEntryTests {
    /// A feed reader shows no badge and no credits box: each entry starts with them as text.
    @Test func eachEntryStartsWithTheRatingTheWorkAndTheCredits() throws {
        let site = TestSite([
            "content/reviews/baran.md": TestSite.review(title: "Baran: love & rain", rating: "4.5", extra: """
                movie: Baran <2001>
                year: 2001
                directors: [Majid Majidi]
                writers: [Majid Majidi, "A & B"]
                """, body: "The body."),
        ])
        let feed = try #require(try site.pages()["feed.xml"])
        let credits = "&lt;p&gt;Rating: 4.5 out of 5 · &lt;cite&gt;Baran &amp;lt;2001&amp;gt;&lt;/cite&gt; (2001) · Director: Majid Majidi · Writers: Majid Majidi, A &amp;amp; B&lt;/p&gt;"
        #expect(feed.contains("<summary type=\"html\">" + credits))
        #expect(feed.contains("xml:base=\"https://example.org/reviews/baran/\">" + credits + "&lt;p&gt;The body.&lt;/p&gt;"))
    }
}
