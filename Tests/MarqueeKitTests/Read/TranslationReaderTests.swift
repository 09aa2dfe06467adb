import Testing
@testable import MarqueeKit

/// A site's own words, `i18n/<lang>.yml`: every problem at its line, with the exact text.
@Suite struct TranslationReaderTests {
    static let frenchSite = """
        title: Critiques
        base_url: https://example.org/
        language: fr
        """

    func errors(_ file: String, siteYML: String = Self.frenchSite) -> [String] {
        TestSite(["i18n/fr.yml": file, "content/reviews/a.md": TestSite.review(title: "A")], siteYML: siteYML).errors()
    }

    @Test func wordsFlatOrNestedAreRead() {
        let (words, found) = TranslationReader.read(text: "card.read_more: Lire\nreview:\n  contents: Table\n", path: "i18n/fr.yml")
        #expect(found.isEmpty)
        #expect(words == ["card.read_more": "Lire", "review.contents": "Table"])
    }

    @Test func anUnknownIDIsAnErrorAtItsLineWithTheClosestID() {
        #expect(errors("card.read_more: Lire\ncard.red_more: Lire la critique\n") == [
            "i18n/fr.yml:2:1: error: unknown word id 'card.red_more' — did you mean 'card.read_more'? (Marquee's docs/reference/theme-words.md lists every id)",
        ])
    }

    @Test func aNestedUnknownIDIsReportedWithItsWholeID() {
        #expect(errors("review:\n  contens: Table\n") == [
            "i18n/fr.yml:2:3: error: unknown word id 'review.contens' — did you mean 'review.contents'? (Marquee's docs/reference/theme-words.md lists every id)",
        ])
    }

    @Test func aYAMLErrorIsAnErrorAtItsLine() throws {
        let found = errors("card.read_more: Lire\nreview.contents: [Sommaire\n")
        #expect(found.count == 1)
        #expect(try #require(found.first).hasPrefix("i18n/fr.yml:"))
        #expect(found.first?.contains(": error: ") == true)
        let (_, diagnostics) = TranslationReader.read(text: "card.read_more: Lire\nreview.contents: [Sommaire\n", path: "i18n/fr.yml")
        #expect(diagnostics.first.map { $0.location.line >= 2 } == true)
    }

    @Test func anUnknownPlaceholderIsAnError() {
        #expect(errors("rating.text: \"{note} sur {scale}\"\n") == [
            "i18n/fr.yml:1:14: error: '{note}' is not a placeholder of 'rating.text' — 'rating.text' has {value}, {scale}",
        ])
    }

    @Test func aSplitPhraseKeepsItsPlaceholdersInOrder() {
        #expect(errors("review.recommendation: \"Vous aimerez {other}, comme {liked}\"\n") == [
            "i18n/fr.yml:1:24: error: 'review.recommendation' must have {liked} then {other}, each once, in that order — the theme puts a link or a number at each; write, for example, 'Liked {liked}? You'll love {other}'",
        ])
    }

    @Test func settingsAreChecked() {
        #expect(errors("plural.rule: two\nnumber.digits: \"0123\"\n") == [
            "i18n/fr.yml:1:14: error: plural.rule must be one or zero-one, found 'two' — write one (only 1 is singular) or zero-one (0 and 1 are, as in French)",
            "i18n/fr.yml:2:16: error: number.digits must be the ten digits 0 to 9, found 4 characters — write them in order, such as 0123456789 or ۰۱۲۳۴۵۶۷۸۹",
        ])
    }

    @Test func aFileThatIsNotAMappingIsAnError() {
        #expect(errors("- Lire la critique\n") == [
            "i18n/fr.yml:1:1: error: i18n/fr.yml must be a mapping of word ids to their text — write one word a line, such as card.read_more: Lire la critique",
        ])
    }

    @Test func aLanguageWithNoTableIsAWarningAtItsLine() throws {
        let site = TestSite(["content/reviews/a.md": TestSite.review(title: "A")], siteYML: "title: Recensioni\nbase_url: https://example.org/\nlanguage: it-CH\n")
        let warnings = try site.render().get().warnings.map(\.description)
        #expect(warnings == [
            "site.yml:3:11: warning: no translation of the theme ships for 'it': its words are in English — the shipped languages are en, fr, de, es, fa; add your own words in i18n/it.yml (see Marquee's docs/guide/languages.md)",
        ])
        // With its own file, the language needs no table and there is no warning.
        var own = site
        own.files["i18n/it.yml"] = "card.read_more: Leggi la recensione\n"
        #expect(try own.render().get().warnings.isEmpty)
        #expect(try own.pages()["index.html"]?.contains("Leggi la recensione") == true)
    }

    @Test func aShippedLanguageHasNoWarning() throws {
        let site = TestSite(["content/reviews/a.md": TestSite.review(title: "A")], siteYML: Self.frenchSite)
        #expect(try site.render().get().warnings.isEmpty)
    }

    @Test func filesOfI18nTheBuildDoesNotReadAreWarnings() throws {
        let site = TestSite(["content/reviews/a.md": TestSite.review(title: "A"), "i18n/fr.yml": "card.read_more: Lire\n",
                             "i18n/de.yml": "card.read_more: Lesen\n", "i18n/fr.yaml": "card.read_more: Lire\n"], siteYML: Self.frenchSite)
        #expect(try site.render().get().warnings.map(\.description) == [
            "i18n/de.yml:1:1: warning: i18n/de.yml is not read: the site's language is fr — write the site's words in i18n/fr.yml, or set language: de in site.yml",
            "i18n/fr.yaml:1:1: warning: i18n/fr.yaml is not read: the site's words belong in i18n/fr.yml — name the file after the site's language, as i18n/fr.yml",
        ])
    }
}
