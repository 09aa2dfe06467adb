/// A content file split into its YAML front matter and its Markdown body.
struct FrontMatterSplit: Equatable {
    var yaml: String
    /// The file line where the YAML starts (2: right after the opening `---`).
    var yamlFirstLine: Int
    var body: String
    /// The file line where the body starts.
    var bodyFirstLine: Int
}

enum FrontMatter {
    /// Splits normalised text (LF line ends, no BOM). The front matter must open on line 1 with
    /// `---` and close with `---` (or `...`) on a line of its own.
    static func split(_ text: String, path: String) -> Result<FrontMatterSplit, Diagnostic> {
        if text.allSatisfy({ $0.isWhitespace }) {
            return .failure(.error(SourceLocation(path: path), "the file is empty",
                                   hint: "start it with front matter: a '---' line, title, date and rating, and a closing '---' line"))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        func isFence(_ line: Substring) -> Bool {
            line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
        }
        guard let first = lines.first, isFence(first) else {
            if let index = lines.firstIndex(where: isFence), lines[..<index].allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
                return .failure(.error(SourceLocation(path: path, line: index + 1), "front matter must start on the first line",
                                       hint: "remove the blank lines above '---'"))
            }
            return .failure(.error(SourceLocation(path: path), "no front matter at the top of the file",
                                   hint: "start the file with a '---' line, then title, date and rating, then a closing '---' line"))
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || lines[$0] == "..." }) else {
            return .failure(.error(SourceLocation(path: path), "front matter is not closed",
                                   hint: "add a line with only '---' after the last front matter key"))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: close + 2))
    }
}
