import Foundation
import Testing
@testable import MarqueeKit

/// The default theme's markup as a reader without CSS gets it (reader mode, text browsers, feed
/// readers) and as assistive technology does: what the stylesheet draws is never text.
@Suite struct ThemeMarkupTests {
    static let site = TestSite([
        "content/reviews/a.md": TestSite.review(title: "Alpha", date: "2024-01-02", rating: "4",
                                                extra: "director: Someone\nrecommend: b", body: "Alpha's body."),
        "content/reviews/b.md": TestSite.review(title: "Beta", date: "2024-01-03", rating: "2.5", extra: "director: Someone"),
        "content/reviews/c.md": TestSite.review(title: "Gamma", date: "2023-05-04", rating: "5", extra: "tags: [Iran]"),
    ])

    /// The text a browser shows without CSS: tags dropped, entities left as written.
    static func text(_ html: String) -> String {
        var out = "", inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false; out.append(" ") } else if !inTag { out.append(character) }
        }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `html` from `open` to the element's closing `</span>`, counting nested spans.
    static func span(in html: String, from open: String) -> String? {
        guard let start = html.range(of: open) else { return nil }
        var depth = 0, index = start.lowerBound
        while index < html.endIndex {
            if html[index...].hasPrefix("<span") { depth += 1 }
            if html[index...].hasPrefix("</span>") {
                depth -= 1
                if depth == 0 { return String(html[start.lowerBound..<html.index(index, offsetBy: 7)]) }
            }
            index = html.index(after: index)
        }
        return nil
    }

    @Test func aBadgeReadsRatedOnceWithNoStarsAsText() throws {
        let pages = try Self.site.pages()
        for path in ["index.html", "reviews/a/index.html", "reviews/index.html", "ratings/index.html", "tags/iran/index.html"] {
            let page = try #require(pages[path], "no \(path)")
            let badge = try #require(Self.span(in: page, from: "<span class=\"rating\">"), "no badge on \(path)")
            // One text, the label: said once by a screen reader (no aria-label beside it) and shown once.
            let expected = path == "tags/iran/index.html" ? "Rated 5 out of 5" : path == "reviews/a/index.html" ? "Rated 4 out of 5" : nil
            if let expected { #expect(Self.text(badge) == expected, "\(path): \(badge)") }
            #expect(Self.text(badge).hasPrefix("Rated "), "\(path): \(badge)")
            #expect(!badge.contains("aria-label"), "\(path): \(badge)")
            #expect(badge.contains("<span class=\"rating-stars\" aria-hidden=\"true\">"))
            #expect(!Self.text(page).contains("★"), "\(path) has stars as text")
        }
        let beta = try #require(pages["reviews/b/index.html"])
        let half = try #require(Self.span(in: beta, from: "<span class=\"rating\">"))
        #expect(Self.text(half) == "Rated 2.5 out of 5")
        #expect(half.components(separatedBy: "star-full").count - 1 == 2)
        #expect(half.components(separatedBy: "star-half").count - 1 == 1)
        #expect(half.components(separatedBy: "star-empty").count - 1 == 2)
    }

    @Test func separatorsAreDrawnNotWritten() throws {
        let pages = try Self.site.pages(drafts: true)
        let html = pages.filter { $0.key.hasSuffix(".html") }
        #expect(html.count > 5)
        for (path, page) in html {
            // A dot written as text ends a line wherever the line wraps; the theme draws them with CSS.
            #expect(!Self.text(page).contains("·"), "\(path) has a separator dot as text")
        }
        let review = try #require(pages["reviews/a/index.html"])
        #expect(review.contains(#"<p class="review-meta meta"><span class="meta-items"><span><time datetime="2024-01-02">"#))
        // Without CSS the items are still apart: a space between them.
        #expect(Self.text(review).contains("2 January 2024 1 min read"))
        let home = try #require(pages["index.html"])
        #expect(home.contains(#"<span class="meta-items"><span><cite>"#))
    }

    @Test func theChartsTextAlternativeIsThereOnceAndHiddenFromSightOnly() throws {
        let page = try #require(try Self.site.pages()["ratings/index.html"])
        let figure = try #require(page.components(separatedBy: "<figure class=\"rating-chart\">").dropFirst().first?
            .components(separatedBy: "</figure>").first)
        let description = "2.5: 1 review; 4: 1 review; 5: 1 review."
        #expect(figure.contains("<figcaption class=\"visually-hidden\">\(description)</figcaption>"))
        // The SVG is named by its title only: the counts are not read a second time from a <desc>.
        #expect(figure.contains(#"<svg role="img" aria-labelledby="rating-chart-title" width="100%""#))
        #expect(!figure.contains("<desc"))
        #expect(figure.components(separatedBy: description).count == 2)
        // Bars are placed in percentages of the width, so the chart fills the column at any size.
        #expect(figure.contains(#"<rect class="chart-bar" x="1.578%""#))
    }

    @Test func recommendationsAreWordedOnceInTheirHeading() throws {
        let page = try #require(try Self.site.pages()["reviews/a/index.html"])
        let section = try #require(page.components(separatedBy: "<section class=\"recommendations\"").dropFirst().first?
            .components(separatedBy: "</section>").first)
        #expect(section.contains("<h2 id=\"recommendations-heading\">Liked <cite>Alpha</cite>? You'll love these</h2>"))
        #expect(Self.text(section).components(separatedBy: "You'll love").count == 2)
        #expect(section.contains(#"<a class="recommendation-title" href="/reviews/b/"><cite>Beta</cite></a>"#))
        #expect(section.contains("Rated 2.5 out of 5"))
    }

    @Test func percentagesAreWrittenTheSameWayEveryTime() {
        #expect(ChartBarView.percent(6, of: 380) == "1.578%")
        #expect(ChartBarView.percent(0, of: 380) == "0.000%")
        #expect(ChartBarView.percent(380, of: 380) == "100.000%")
        #expect(ChartBarView.percent(1, of: 0) == "100.000%")
    }
}
