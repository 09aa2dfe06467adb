import Foundation
import Testing
@testable import MarqueeKit

@Suite struct ReviewLinesTests {
    @Test(arguments: [
        ("5 out of 5", 5, 5.0), ("4.5 out of 5", 5, 4.5), ("4/5", 5, 4.0), ("8/10", 5, 4.0), ("7/10", 5, 3.5),
        ("★★★★½", 5, 4.5), ("★★★☆☆", 5, 3.0), ("4 stars", 5, 4.0), ("4.5/5 stars", 5, 4.5), ("8/10", 10, 8.0), ("4½/5", 5, 4.5),
        ("3/4", 5, 4.0), ("4", 5, 4.0),
    ])
    func ratingSpellings(_ text: String, _ scale: Int, _ expected: Double) {
        #expect(ImportedRating.parse(bare: text, scale: scale)?.value == expected)
    }

    @Test func aRatingOffTheHalfStepsIsRoundedAndSaysSo() {
        #expect(ImportedRating.parse("3/4", scale: 5) == ImportedRating(value: 4, written: "3/4", rounded: true))
        #expect(ImportedRating.parse("9/10", scale: 5)?.rounded == false)
        #expect(ImportedRating.parse(bare: "great", scale: 5) == nil)
        #expect(ImportedRating.parse(bare: "6/5", scale: 5) == nil)
    }

    @Test func creditsRatingAndRecommendationFromParagraphLines() {
        let blocks: [MarkdownBlock] = [
            .paragraph(["Year: 1997", "**Writer:** Majid Majidi", "<strong>Director:</strong> Majid Majidi", "Category: Iranian", "Rating: 5 out of 5"]),
            .paragraph(["Cast: Amir Farrokh Hashemian, Bahare Seddiqi and Mohammad Amir Naji"]),
            .paragraph(["Body text: it stays."]),
            .paragraph(["Liked children of heaven? You’ll love [Shwaas](https://old.example/shwaas/)."]),
        ]
        let lines = ReviewLines.find(in: blocks, scale: 5)
        #expect(lines.year == 1997 && lines.writers == ["Majid Majidi"] && lines.directors == ["Majid Majidi"] && lines.categories == ["Iranian"])
        #expect(lines.cast == ["Amir Farrokh Hashemian", "Bahare Seddiqi", "Mohammad Amir Naji"])
        #expect(lines.rating?.value == 5)
        #expect(lines.liked == ReviewLines.Liked(target: "Shwaas", url: "https://old.example/shwaas/", block: 3, line: 0, text: "Liked children of heaven? You’ll love Shwaas."))
        #expect(WordPressImport.removing(lines.positions, from: blocks) == [.paragraph(["Body text: it stays."]), blocks[3]])
    }

    @Test func anUnreadableRatingIsReportedNotGuessed() {
        let lines = ReviewLines.find(in: [.paragraph(["Rating: two thumbs up"])], scale: 5)
        #expect(lines.rating == nil && lines.unreadRating == "two thumbs up" && lines.positions.isEmpty)
    }
}
