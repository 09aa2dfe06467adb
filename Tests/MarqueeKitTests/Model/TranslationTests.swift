import Testing
@testable import MarqueeKit

@Suite struct TranslationTests {
    /// 3 May 2024 at noon UTC.
    static let may3 = PublicationDate(secondsSince1970: 1_714_737_600, utcOffset: 0)

    @Test(arguments: [("en", "3 May 2024"), ("fr", "3 mai 2024"), ("fr-CA", "3 mai 2024"), ("de", "3. Mai 2024"),
                      ("es", "3 de mayo de 2024"), ("fa", "۳ مهٔ ۲۰۲۴"), ("fa-IR", "۳ مهٔ ۲۰۲۴")])
    func datesInEachLanguage(language: String, expected: String) {
        #expect(Translation(language: language).date(Self.may3) == expected)
    }

    @Test func placeholdersAreFilledOnceEach() {
        #expect(Translation.fill("Liked {liked}? You'll love {other}", ["liked": "Baran", "other": "Shwaas"]) == "Liked Baran? You'll love Shwaas")
        // A value is text: a brace in it (a writer's title) is never filled in turn.
        #expect(Translation.fill("{a} and {b}", ["a": "{b}", "b": "x"]) == "{b} and x")
        // What names no value stays as written, lone braces too; other scripts pass through.
        #expect(Translation.fill("{nope} { {x", ["x": "y"]) == "{nope} { {x")
        #expect(Translation.fill("نوشتهٔ {name}", ["name": "مینا"]) == "نوشتهٔ مینا")
        #expect(Translation.fill("no braces", ["x": "y"]) == "no braces")
    }

    @Test func theMonthsAreTheLanguagesOwn() {
        let december = PublicationDate(secondsSince1970: 1_734_393_600, utcOffset: 0) // 2024-12-17
        #expect(Translation(language: "fr").date(december) == "17 décembre 2024")
        #expect(Translation(language: "de").date(december) == "17. Dezember 2024")
        #expect(Translation(language: "es").date(december) == "17 de diciembre de 2024")
        #expect(Translation(language: "fa").date(december) == "۱۷ دسامبر ۲۰۲۴")
        #expect(Translation(language: "en").date(december) == december.display)
    }

    @Test(arguments: [("en", "4.5 out of 5"), ("fr", "4,5 sur 5"), ("de", "4,5 von 5"), ("es", "4,5 de 5"), ("fa", "۴٫۵ از ۵")])
    func ratingsUseTheLanguagesDecimalSeparatorAndDigits(language: String, expected: String) {
        let rating = Rating(halfSteps: 9, scale: 5)
        #expect(Translation(language: language).rating(rating) == expected)
    }

    @Test func wholeNumbersHaveNoSeparator() {
        #expect(Translation(language: "fr").rating(Rating(halfSteps: 8, scale: 5)) == "4 sur 5")
        #expect(Translation(language: "fa").number("10") == "۱۰")
    }

    @Test func pluralRules() {
        let en = Translation(language: "en"), fr = Translation(language: "fr"), de = Translation(language: "de")
        let es = Translation(language: "es"), fa = Translation(language: "fa")
        #expect([0, 1, 2].map(en.reviews) == ["0 reviews", "1 review", "2 reviews"])
        // French: 0 and 1 are singular.
        #expect([0, 1, 2, 3].map(fr.reviews) == ["0 critique", "1 critique", "2 critiques", "3 critiques"])
        #expect([0, 1, 2].map(de.reviews) == ["0 Kritiken", "1 Kritik", "2 Kritiken"])
        #expect([0, 1, 2].map(es.reviews) == ["0 reseñas", "1 reseña", "2 reseñas"])
        // Persian: one and other, with its digits (a noun after a number stays singular).
        #expect([1, 12].map(fa.reviews) == ["۱ نقد", "۱۲ نقد"])
        #expect(fa.isSingular(1) && !fa.isSingular(0) && fr.isSingular(0) && !en.isSingular(0))
    }

    @Test func aLanguageWithoutATableIsEnglish() {
        let italian = Translation(language: "it")
        #expect(italian.language == "en")
        #expect(italian.word("card.read_more") == "Read the review")
        #expect(!Translation.isShipped("it") && Translation.isShipped("fr-CA") && Translation.isShipped("en-GB"))
    }

    @Test func aSitesWordsOverTheTableAndTheRestFromIt() {
        let own = Translation(language: "fr", overrides: ["card.read_more": "Lire"])
        #expect(own.word("card.read_more") == "Lire")
        #expect(own.word("review.contents") == "Sommaire")
        #expect(own.isSitesOwn("card.read_more") && !own.isSitesOwn("review.contents"))
        // A language with no table but the site's own words: English where the site says nothing.
        let italian = Translation(language: "it", overrides: ["card.read_more": "Leggi la recensione", "plural.rule": "one"])
        #expect(italian.language == "it")
        #expect(italian.word("card.read_more") == "Leggi la recensione" && italian.word("review.contents") == "Contents")
    }

    /// Each shipped table gives every id of the catalogue, and nothing else, and each text passes
    /// the checks a site's own file is held to.
    @Test(arguments: ["fr", "de", "es", "fa"])
    func everyShippedTableIsComplete(language: String) throws {
        let table = try #require(ThemeLanguages.tables[language])
        let ids = Set(ThemeWord.all.map(\.id))
        #expect(Set(table.keys).subtracting(ids) == [], "ids not in the catalogue")
        #expect(ids.subtracting(table.keys).sorted() == [], "ids missing")
        for word in ThemeWord.all {
            let text = try #require(table[word.id])
            let problem = TranslationReader.problem(with: text, of: word)
            #expect(problem == nil, "\(language) \(word.id): \(problem?.message ?? "")")
        }
    }

    @Test func theCatalogueHasNoIDTwice() {
        #expect(ThemeWord.byID.count == ThemeWord.all.count)
    }

    @Test func splitPhrasesAreCutAtTheirPlaceholders() {
        #expect(Translation.split("Liked {liked}? You'll love {other}", at: ["liked", "other"]) == ["Liked ", "? You'll love ", ""])
        #expect(Translation.split("{minutes} min read", at: ["minutes"]) == ["", " min read"])
        #expect(Translation.split("no placeholder", at: ["minutes"]) == ["", "no placeholder"])
    }

    @Test func builtInTaxonomiesAreTranslatedUnlessTheSiteRenamedThem() throws {
        let fr = Translation(language: "fr")
        let directors = try #require(TaxonomyDefinition.builtIn(TaxonomyDefinition.ID.directors))
        let translated = fr.translating(directors)
        #expect(translated.title == "Réalisateurs" && translated.singular == "Réalisation")
        #expect(translated.reason(for: "Majid Majidi") == "Aussi réalisé par Majid Majidi")
        var renamed = directors
        renamed.title = "Cinéastes"
        #expect(fr.translating(renamed).title == "Cinéastes")
        let added = TaxonomyDefinition(id: "countries", keys: ["country"], title: "Pays", singular: "Pays")
        #expect(fr.translating(added).reason(for: "Iran") == "Même pays\u{00A0}: Iran")
        #expect(added.reason(for: "Iran") == "Same pays: Iran")
    }
}
