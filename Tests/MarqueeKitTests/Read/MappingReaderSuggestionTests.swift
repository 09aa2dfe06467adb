import Testing
@testable import MarqueeKit

/// "Did you mean": the bounded search must pick exactly what the plain definition picks — the
/// nearest known key within max(2, a third of its length) edits, ties to the alphabetically first.
@Suite struct MappingReaderSuggestionTests {
    /// The definition, written the slow and obvious way.
    static func reference(for key: String, among known: [String]) -> String? {
        let lowered = key.lowercased()
        let scored = known.map { ($0, MappingReader.editDistance(lowered, $0)) }.filter { $0.1 <= max(2, $0.0.count / 3) }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    static let known = ["title", "work", "movie", "year", "director", "writer", "cast", "category", "categories",
                        "tags", "tag", "rating", "recommend", "date", "summary", "slug", "draft", "toc", "aliases",
                        "reviewer", "language", "lang", "image", "image_alt", "original_title", "original_language",
                        "runtime_minutes", "pays", "régisseur", "監督", "", "a", "ab"]

    @Test func agreesWithTheDefinitionOnTyposNonASCIIAndTies() {
        let typed = ["catagory", "tilte", "Director", "directr", "countrY", "runtime", "tgs", "t", "", "x",
                     "regisseur", "régiseur", "監", "監督者", "imagealt", "image-alt", "originaltitle", "lnag",
                     "recomend", "recommends", "categores", "wirter", "reveiwer", "aliasses", "slgu", "cats",
                     String(repeating: "z", count: 40), "ab", "ba", "abc"]
        for key in typed {
            #expect(MappingReader.suggestion(for: key, among: Self.known) == Self.reference(for: key, among: Self.known), "\(key)")
        }
    }

    @Test func everyPrefixAndDeletionOfEveryKnownKey() {
        for name in Self.known where !name.isEmpty {
            let scalars = Array(name.unicodeScalars)
            var variants = (0...scalars.count).map { String(String.UnicodeScalarView(scalars.prefix($0))) }
            for drop in scalars.indices {
                var shorter = scalars
                shorter.remove(at: drop)
                variants.append(String(String.UnicodeScalarView(shorter)))
                variants.append(String(String.UnicodeScalarView(scalars + shorter)))
            }
            for key in variants {
                #expect(MappingReader.suggestion(for: key, among: Self.known) == Self.reference(for: key, among: Self.known), "\(key)")
            }
        }
    }

    @Test func namesTheTypoAndNothingForAFarKey() {
        #expect(MappingReader.suggestion(for: "catagory", among: Self.known) == "category")
        #expect(MappingReader.suggestion(for: "country", among: Self.known) == nil)
        #expect(MappingReader.suggestion(for: "anything", among: []) == nil)
    }

    /// Remembered per key, and asked afresh for another list of known keys.
    @Test func rememberedHintsAreTheSameAndFollowTheList() {
        let hints = UnknownKeyHints()
        for key in ["catagory", "country", "catagory", "tgs", "country"] {
            #expect(hints.suggestion(for: key, among: Self.known) == MappingReader.suggestion(for: key, among: Self.known))
        }
        #expect(hints.suggestion(for: "catagory", among: ["catagry", "x"]) == "catagry")
        #expect(hints.suggestion(for: "catagory", among: Self.known) == "category")
    }
}
