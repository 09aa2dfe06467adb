/// docs/reference/theme-words.md's list of the theme's words (`marquee templates --words`): every id a site's
/// `i18n/<lang>.yml` may give, with its English text and what it is for. Printed from the
/// catalogue, so that the list cannot fall behind it (`ThemeWordsReferenceTests`).
public enum ThemeWordsReference {
    public static func markdown() -> String {
        var text = "| id | English | what it is |\n|---|---|---|\n"
        for word in ThemeWord.all {
            let english = word.english.replacingOccurrences(of: "|", with: "\\|")
            text += "| `\(word.id)` | \(english.isEmpty ? "" : "`\(english)`") | \(word.note)\(word.use == .split ? " (its placeholders stay, in this order)" : "") |\n"
        }
        return text
    }
}
