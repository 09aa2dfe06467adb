import Foundation
import Testing
@testable import MarqueeKit

/// The hand-written language tag check accepts exactly what the regular expression it replaced did.
@Suite struct LanguageTagTests {
    @Test func agreesWithTheRegularExpression() {
        let samples = ["en", "fr", "hi-IN", "zh-Hant-TW", "es-419", "de-CH-1901", "fil", "en-", "-en", "e", "engl", "en--US",
                       "en-U", "en-abcdefghi", "en_US", "én", "EN-us", "", "sr-Latn-RS", "x", "en-US-", "12", "en-12"]
        for sample in samples {
            let expected = sample.range(of: "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", options: .regularExpression) != nil
            #expect(SiteConfigReader.isLanguageTag(sample) == expected, "\(sample)")
        }
    }
}
