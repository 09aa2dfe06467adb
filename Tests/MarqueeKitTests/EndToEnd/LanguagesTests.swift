import Foundation
import Testing
@testable import MarqueeKit

@Suite struct LanguagesTests {
    @Test func aReviewInAnotherLanguageSaysSoOnItsContentItsDataAndTheFeed() throws {
        let site = TestSite([
            "content/reviews/baran.md": TestSite.review(title: "باران", extra: "language: fa"),
            "content/reviews/amelie.md": TestSite.review(title: "Amélie", date: "2020-01-02", extra: "lang: fr"),
            "content/reviews/plain.md": TestSite.review(title: "Plain", date: "2020-01-03"),
        ])
        let pages = try site.pages()
        // The page is the site's (its menu and the theme's words are English); the review's own
        // content says what language it is in, and which way it runs.
        #expect(pages["reviews/baran/index.html"]?.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">") == true)
        #expect(pages["reviews/baran/index.html"]?.contains(#"<article class="review" lang="fa" dir="rtl">"#) == true)
        #expect(pages["reviews/baran/index.html"]?.contains(#""inLanguage":"fa""#) == true)
        #expect(pages["reviews/amelie/index.html"]?.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">") == true)
        #expect(pages["reviews/amelie/index.html"]?.contains(#"<article class="review" lang="fr">"#) == true)
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

    @Test func theOriginalTitlesAndTheSitesLanguageAreTagsToo() throws {
        let site = TestSite(["content/reviews/a.md": TestSite.review(title: "A", extra: "original_title: جدایی\noriginal_language: Farsi!")],
                            siteYML: TestSite.siteYML + "\nlanguage: English")
        guard case .failure(let failure) = site.render() else { Issue.record("the build passed"); return }
        // site.yml is read first; its errors stop the build before any review is read.
        #expect(failure.diagnostics.map(\.description) == ["site.yml:6:11: error: language 'English' is not a language tag — use a BCP 47 tag such as en, fr or hi-IN"])
        var good = site
        good.files["site.yml"] = TestSite.siteYML
        guard case .failure(let review) = good.render() else { Issue.record("the build passed"); return }
        #expect(review.diagnostics.map(\.description) == ["content/reviews/a.md:6:20: error: original_language 'Farsi!' is not a language tag — give the language of original_title as a BCP 47 tag, such as fa or fr"])
        good.files["content/reviews/a.md"] = TestSite.review(title: "A", extra: "original_title: جدایی\noriginal_language: fa")
        #expect(try good.pages()["reviews/a/index.html"]?.contains("<bdi lang=\"fa\"><cite>جدایی</cite></bdi>") == true)
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
        // As a review: the page is the site's, its content in its own language.
        let page = try #require(try good.pages()["darbareh/index.html"])
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.contains(#"<article class="page" lang="fa" dir="rtl">"#))
    }

    @Test(arguments: [("fa", true), ("ar-EG", true), ("he", true), ("ur-PK", true), ("ku-Arab", true), ("az-Latn", false),
                      ("en", false), ("fr-CA", false), ("pa-Arab-PK", true), ("zh-Hant", false)])
    func direction(tag: String, rightToLeft: Bool) {
        #expect(LanguageDirection.isRightToLeft(tag) == rightToLeft)
    }
}
