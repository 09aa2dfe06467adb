/// Which languages are written right to left, from a BCP 47 tag: by its script when it names one
/// (`ku-Arab`, `az-Latn`), else by the language (Arabic, Persian, Hebrew, Urdu and the others whose
/// usual script is Arabic, Hebrew, Syriac or Thaana).
enum LanguageDirection {
    static let rightToLeftLanguages: Set<String> = ["ar", "fa", "he", "iw", "ur", "ps", "sd", "yi", "dv", "ckb", "ug", "syr", "arc", "prs", "pnb", "bal", "mzn", "glk", "lrc", "azb"]
    static let rightToLeftScripts: Set<String> = ["arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr"]

    static func isRightToLeft(_ tag: String) -> Bool {
        let parts = tag.lowercased().split(separator: "-").map(String.init)
        guard let language = parts.first else { return false }
        if let script = parts.dropFirst().first(where: { $0.count == 4 && $0.allSatisfy(\.isLetter) }) {
            return rightToLeftScripts.contains(script)
        }
        return rightToLeftLanguages.contains(language)
    }
}
