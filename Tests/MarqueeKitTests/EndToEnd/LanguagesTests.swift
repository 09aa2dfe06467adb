import Foundation
import Testing
@testable import MarqueeKit

@Suite struct LanguagesTests {
    @Test func aReviewInAnotherLanguageSaysSoInItsPageItsDataAndTheFeed() throws {
        let site = TestSite([
            "content/reviews/baran.md": TestSite.review(title: "باران", extra: "language: fa"),
            "content/reviews/amelie.md": TestSite.review(title: "Amélie", date: "2020-01-02", extra: "lang: fr"),
            "content/reviews/plain.md": TestSite.review(title: "Plain", date: "2020-01-03"),
        ])
        let pages = try site.pages()
        #expect(pages["reviews/baran/index.html"]?.hasPrefix("<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\">") == true)
        #expect(pages["reviews/baran/index.html"]?.contains(#""inLanguage":"fa""#) == true)
        #expect(pages["reviews/amelie/index.html"]?.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">") == true)
        #expect(pages["reviews/plain/index.html"]?.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">") == true)
        #expect(pages["index.html"]?.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">") == true)
        #expect(pages["feed.xml"]?.contains("<entry xml:lang=\"fa\">") == true)
        #expect(try site.render().get().warnings.isEmpty) // `lang` is read, not "did you mean 'tags'?"
    }

    @Test func aBadLanguageTagIsAnError() throws {
        let site = TestSite(["content/reviews/a.md": TestSite.review(title: "A", extra: "language: Persian!")])
        guard case .failure(let failure) = site.render() else { Issue.record("the build passed"); return }
        #expect(failure.diagnostics.map(\.description) == ["content/reviews/a.md:5:11: error: language 'Persian!' is not a language tag — use a BCP 47 tag such as en, fa or pt-BR"])
    }

    @Test func aPlainPageMaySetItsLanguage() throws {
        let site = TestSite([
            "content/reviews/a.md": TestSite.review(title: "A"),
            "content/pages/darbareh.md": "---\ntitle: درباره\nlanguage: fa\n---\nمتن\n",
            "content/pages/bad.md": "---\ntitle: Bad\nlang: 12\n---\nText\n",
        ])
        guard case .failure(let failure) = site.render() else { Issue.record("the build passed"); return }
        #expect(failure.diagnostics.map(\.description) == ["content/pages/bad.md:3:7: error: lang '12' is not a language tag — use a BCP 47 tag such as en, fa or pt-BR"])
        var good = site
        good.files["content/pages/bad.md"] = nil
        #expect(try good.pages()["darbareh/index.html"]?.hasPrefix("<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\">") == true)
    }

    @Test(arguments: [("fa", true), ("ar-EG", true), ("he", true), ("ur-PK", true), ("ku-Arab", true), ("az-Latn", false),
                      ("en", false), ("fr-CA", false), ("pa-Arab-PK", true), ("zh-Hant", false)])
    func direction(tag: String, rightToLeft: Bool) {
        #expect(LanguageDirection.isRightToLeft(tag) == rightToLeft)
    }
}
