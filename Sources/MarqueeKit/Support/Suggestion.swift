/// "Did you mean" for the command line: the same closeness rule as for misspelt front-matter keys.
public enum Suggestion {
    /// The known word closest to `word`, or nil when none is close.
    public static func closest(to word: String, among known: [String]) -> String? {
        MappingReader.suggestion(for: word, among: known)
    }
}
