import Testing
@testable import MarqueeKit

@Suite struct SearchFoldingTests {
    /// Words whose folds the browser test checks `search.js` gives too (`SearchBrowserTests`).
    static let agreement = ["Éric Rohmer", "Agnès Varda", "CLÉO DE 5 À 7", "Ça", "ﬁlm Ａｍｅｌｉｅ", "Straße", "İstanbul", "ΟΔΥΣΣΕΥΣ",
                            "हिन्दी", "தமிழ்", "بچه‌های آسمان", "آسمان", "كتاب يوم", "۱۳۷۶ ١٩٩٧", "千と千尋の神隠し", "기생충", "パラサイト",
                            "L'Atalante — 1934!", "Nguyễn Trần", "Москва́", "Đà Lạt", "co\u{00AD}operate", "a_b-c.d", "Ｒｅｖｉｅｗ２０２０"]

    @Test func asciiIsLowerCasedAndSplitAtEverythingButLettersAndDigits() {
        #expect(SearchFolding.terms("Children of Heaven (1997)") == ["children", "of", "heaven", "1997"])
        #expect(SearchFolding.terms("L'Atalante — a_b-c.d") == ["l", "atalante", "a", "b", "c", "d"])
        #expect(SearchFolding.terms("") == [])
    }

    @Test func latinGreekAndCyrillicLoseTheirAccents() {
        #expect(SearchFolding.terms("Éric Rohmer") == ["eric", "rohmer"])
        #expect(SearchFolding.terms("Cléo de 5 à 7") == ["cleo", "de", "5", "a", "7"])
        #expect(SearchFolding.terms("Nguyễn Trần") == ["nguyen", "tran"])
        #expect(SearchFolding.terms("Москва́") == ["москва"])
        #expect(SearchFolding.terms("ΟΔΥΣΣΕΥΣ") == ["οδυσσευσ"])
        #expect(SearchFolding.terms("ﬁlm Ａｍｅｌｉｅ") == ["film", "amelie"])
    }

    @Test func indicMarksArePartOfTheirLetters() {
        #expect(SearchFolding.terms("हिन्दी") == ["हिन्दी"])
        #expect(SearchFolding.terms("தமிழ்") == ["தமிழ்"])
    }

    @Test func persianKeepsItsLettersAndJoinsAtTheZWNJ() {
        #expect(SearchFolding.terms("بچه‌های آسمان") == ["بچههای", "آسمان"])
        // The Arabic yeh and kaf are the Persian ones; Persian and Arabic-Indic digits are digits.
        #expect(SearchFolding.terms("كتاب يوم") == SearchFolding.terms("کتاب یوم"))
        #expect(SearchFolding.terms("۱۳۷۶ ١٩٩٧") == ["1376", "1997"])
    }

    @Test func cjkIsIndexedByCharacter() {
        #expect(SearchFolding.terms("千と千尋") == ["千", "と", "千", "尋"])
        #expect(SearchFolding.terms("기생충") == ["기", "생", "충"])
        #expect(SearchFolding.terms("パラサイト") == ["パ", "ラ", "サ", "イ", "ト"])
        #expect(SearchFolding.terms("Parasite 기생충") == ["parasite", "기", "생", "충"])
    }

    @Test func aTermsShardDependsOnItsFirstThreeCharactersOnly() {
        #expect(SearchFiles.shard(of: "majidi", count: 1024) == SearchFiles.shard(of: "maj", count: 1024))
        #expect(SearchFiles.shard(of: "آسمان", count: 64) == SearchFiles.shard(of: "آسم", count: 64))
        // FNV-1a of "ma" is 0x642e245b (as search.js computes it too); a shorter term is its own key.
        #expect(SearchFiles.shard(of: "ma", count: 1024) == 0x642E_245B % 1024)
        #expect((0..<100).map { SearchFiles.shard(of: "t\($0)", count: 16) }.allSatisfy { (0..<16).contains($0) })
    }

    @Test func aSiteHasAboutOneShardPerEightDocuments() {
        #expect(SearchFiles.shardCount(documents: 1) == 16)
        #expect(SearchFiles.shardCount(documents: 1000) == 128)
        #expect(SearchFiles.shardCount(documents: 10000) == 2048)
        #expect(SearchFiles.shardCount(documents: 100_000) == 16384)
        #expect(SearchFiles.shardCount(documents: 1_000_000) == 16384)
    }
}
