import Foundation
import Testing
@testable import MarqueeKit

/// A site in French, and one in Persian with its own words: the theme speaks the site's language.
@Suite struct TranslatedSiteTests {
    static let frenchSite = TestSite([
        "content/reviews/baran.md": TestSite.review(title: "Baran, la pluie", date: "2024-05-03", rating: "4.5", extra: """
            movie: Baran
            year: 2001
            director: Majid Majidi
            writer: Majid Majidi
            tags: [iran, pluie]
            reviewer: mina
            toc: true
            recommend: [enfants]
            """, body: "Un premier paragraphe.\n\n<!--more-->\n\n## Le récit\n\nLa suite du texte."),
        "content/reviews/enfants.md": TestSite.review(title: "Les Enfants du ciel", date: "2024-04-01", rating: "5", extra: "movie: Les Enfants du ciel\ndirector: Majid Majidi"),
        "content/reviews/english.md": TestSite.review(title: "An English review", date: "2024-03-01", rating: "3", extra: "language: en"),
    ], siteYML: """
        title: Critiques
        base_url: https://example.org/
        language: fr
        author:
          name: Vivek S.
        authors:
          mina:
            name: Mina R.
        paginate: 2
        """)

    /// The written files of a site, built on disk as `marquee build` does.
    static func written(_ site: TestSite) throws -> [String: String] {
        var options = BuildOptions(sourceDirectory: try site.writeToDisk(), outputDirectory: Paths.temporaryFolder())
        options.now = TestSite.fixedNow
        switch Build.run(options) {
        case .success: return Paths.snapshot(options.outputDirectory).mapValues { String(decoding: $0, as: UTF8.self) }
        case .failure(let failure): throw failure
        }
    }

    /// The English theme texts a French page must not show: each phrase's fixed parts (of four
    /// letters or more) and the months, where French says something else.
    static let englishLeftovers: [String] = {
        let french = Translation(language: "fr")
        return ThemeWord.all.filter { french.word($0.id) != $0.english && !$0.id.hasPrefix("number.") && !$0.id.hasPrefix("plural.") }.flatMap { word in
            Translation.split(word.english, at: ThemeWord.placeholders(in: word.english))
                .map { $0.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)) }
                .filter { $0.count >= 4 || (word.id.hasPrefix("date.month.") && !$0.isEmpty) }
                .filter { !french.word(word.id).contains($0) } // "Page" is French too
        }
    }()

    /// What a reader is shown or told: the page's text (without its JSON-LD, whose schema.org
    /// names are English) and its `aria-label`s, words separated by spaces.
    static func shown(_ page: String) -> String {
        var text = page
        while let start = text.range(of: "<script"), let end = text.range(of: "</script>", range: start.upperBound..<text.endIndex) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        var shown = " "
        var inTag = false
        var tag = ""
        for character in text {
            if character == "<" { inTag = true; tag = ""; shown += " "; continue }
            if character == ">" {
                inTag = false
                if let label = tag.range(of: "aria-label=\""), let end = tag[label.upperBound...].firstIndex(of: "\"") {
                    shown += " " + tag[label.upperBound..<end] + " "
                }
                continue
            }
            if inTag { tag.append(character) } else { shown.append(character) }
        }
        return shown + " "
    }

    /// Whether `phrase` is in `text` as whole words.
    static func containsWords(_ text: String, _ phrase: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: phrase) {
            let before = text[..<range.lowerBound].last, after = text[range.upperBound...].first
            if !(before?.isLetter ?? false), !(after?.isLetter ?? false) { return true }
            rest = text[range.upperBound...]
        }
        return false
    }

    @Test func aFrenchSiteSpeaksFrench() throws {
        let files = try Self.written(Self.frenchSite)
        let home = try #require(files["index.html"])
        let review = try #require(files["reviews/baran/index.html"])
        for expected in ["Lire la critique", "4,5 sur 5", "3 mai 2024", "Noté 4,5 sur 5", "Dernières critiques", "Aller au contenu", "Flux Atom", "par Vivek S."] {
            #expect(home.contains(expected), "home: \(expected)")
        }
        for expected in ["4,5 sur 5", "3 mai 2024", "Par Mina R.", "Réalisation", "Sommaire", "Mots-clés\u{00A0}:", "Vous aimerez",
                         "Vous avez aimé <cite>Baran</cite>\u{202F}? Vous aimerez aussi</h2>", "min de lecture", "Noté 4,5 sur 5"] {
            #expect(review.contains(expected), "review: \(expected)")
        }
        #expect(home.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        for (name, page) in [("home", home), ("review", review)] {
            let shown = Self.shown(page)
            let left = Self.englishLeftovers.filter { Self.containsWords(shown, $0) }
            #expect(left == [], "\(name) still shows \(left)")
        }
        // The check would see them: the same site in English shows them.
        var english = Self.frenchSite
        english.files["site.yml"] = english.files["site.yml"]?.replacingOccurrences(of: "language: fr", with: "language: en")
        let englishHome = Self.shown(try #require(try english.pages()["index.html"]))
        #expect(Self.englishLeftovers.filter { Self.containsWords(englishHome, $0) }.count >= 8)
        // The machine-readable dates stay ISO.
        #expect(review.contains(#"<time datetime="2024-05-03">3 mai 2024</time>"#))
        #expect(try #require(files["feed.xml"]).contains("<published>2024-05-03T00:00:00Z</published>"))
        #expect(try #require(files["feed.xml"]).contains("Note\u{00A0}: 4,5 sur 5"))
    }

    @Test func otherPagesOfAFrenchSite() throws {
        let pages = try Self.frenchSite.pages()
        #expect(pages["page/2/index.html"]?.contains("Dernières critiques, page 2") == true)
        #expect(pages["page/2/index.html"]?.contains("Page 2 sur 2") == true)
        #expect(pages["reviews/index.html"]?.contains("3 critiques, des plus récentes aux plus anciennes.") == true)
        #expect(pages["ratings/index.html"]?.contains("3 critiques, les mieux notées d’abord") == true)
        #expect(pages["directors/index.html"]?.contains("<h1 class=\"list-title\">Réalisateurs</h1>") == true)
        #expect(pages["directors/majid-majidi/index.html"]?.contains("Note moyenne 4,8 sur 5 pour 2 critiques") == true)
        #expect(pages["404.html"]?.contains("Page introuvable") == true)
        // A review in English on a French site: the page is the site's, its content is English.
        let english = try #require(pages["reviews/english/index.html"])
        #expect(english.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(english.contains(#"<article class="review" lang="en">"#))
    }

    @Test func aFrenchSitesArticlesSpeakFrenchToo() throws {
        var site = Self.frenchSite
        site.files["content/posts/pluie.md"] = "---\ntitle: La pluie au cinéma\ndate: 2024-05-10\nupdated: 2024-06-02\nreviewer: mina\ntags: [iran]\ntoc: true\n---\nUn texte.\n\n## Première partie\n\nSuite.\n"
        let files = try Self.written(site)
        let article = try #require(files["posts/pluie/index.html"])
        for expected in ["Par Mina R.", "10 mai 2024", "Mis à jour le <time datetime=\"2024-06-02\">2 juin 2024</time>", "min de lecture", "Sommaire", "Mots-clés\u{00A0}:"] {
            #expect(article.contains(expected), "article: \(expected)")
        }
        let left = Self.englishLeftovers.filter { Self.containsWords(Self.shown(article), $0) }
        #expect(left == [], "the article still shows \(left)")
        let home = try #require(files["index.html"])
        #expect(home.contains("<span class=\"post-kind\">Article</span>") && home.contains("Lire l’article"))
        #expect(!Self.containsWords(Self.shown(home), "Read the article"))
        #expect(files["reviews/index.html"]?.contains("3 critiques et 1 article, des plus récents aux plus anciens.") == true)
        #expect(files["tags/index.html"]?.contains("1 critique, 1 article") == true)
        #expect(files["tags/iran/index.html"]?.contains("Note moyenne 4,5 sur 5 pour 1 critique, et 1 article") == true)
        #expect(files["tags/iran/index.html"]?.contains("Et 1 article.") == true) // the meta description
        #expect(files["feed.xml"]?.contains("label=\"Article\"/>") == true)
    }

    @Test func aPersianSiteWithItsOwnWords() throws {
        let site = TestSite([
            "content/reviews/baran.md": TestSite.review(title: "باران", date: "2024-05-03", rating: "4.5", extra: "director: مجید مجیدی\nyear: 2001"),
            "content/reviews/english.md": TestSite.review(title: "An English review", date: "2024-04-01", rating: "3", extra: "language: en"),
            "i18n/fa.yml": """
                card:
                  read_more: نقد را بخوانید
                site.feed: "خوراک <Atom> & 'RSS'"
                rating.label: "{value} از {scale} ستاره"
                """,
        ], siteYML: "title: نقدها\nbase_url: https://example.org/\nlanguage: fa-IR\n")
        let pages = try site.pages()
        let home = try #require(pages["index.html"])
        #expect(home.hasPrefix("<!DOCTYPE html>\n<html lang=\"fa-IR\" dir=\"rtl\">"))
        #expect(home.contains("نقد را بخوانید"))
        #expect(home.contains("۴٫۵ از ۵ ستاره"))
        #expect(home.contains("۳ مهٔ ۲۰۲۴"))
        // Numbers are in Persian digits wherever the theme writes them: the card's and the
        // credits' year, the ratings table, the reading time.
        #expect(home.contains("(۲۰۰۱)") && !home.contains("2001)"))
        let review = try #require(pages["reviews/baran/index.html"])
        #expect(review.contains("۲۰۰۱</a>)") && review.contains("۱ دقیقه"))
        #expect(pages["ratings/index.html"]?.contains("<td>۲۰۰۱</td>") == true)
        // The rest is the shipped Persian table.
        #expect(home.contains("تازه‌ترین نقدها"))
        // A site's own word is escaped as any text is.
        #expect(home.contains("خوراک &lt;Atom&gt; &amp; &#39;RSS&#39;"))
        // An English review on a right-to-left site runs left to right.
        #expect(pages["reviews/english/index.html"]?.contains(#"<article class="review" lang="en" dir="ltr">"#) == true)
    }

    @Test func anEditedTranslationRebuildsTheSite() throws {
        var site = Self.frenchSite
        site.files["i18n/fr.yml"] = "card.read_more: Lire\n"
        let source = try site.writeToDisk()
        var options = BuildOptions(sourceDirectory: source, outputDirectory: Paths.temporaryFolder())
        options.now = TestSite.fixedNow
        _ = try Build.run(options).get()
        try Data("card.read_more: Lire la suite\n".utf8).write(to: source.appendingPathComponent("i18n/fr.yml"))
        _ = try Build.run(options).get()
        let home = String(decoding: try Data(contentsOf: options.outputDirectory.appendingPathComponent("index.html")), as: UTF8.self)
        #expect(home.contains("Lire la suite"))
    }
}
