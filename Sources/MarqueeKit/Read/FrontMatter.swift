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
    /// `---` and close with `---` (or `...`) on a line of its own. Works on UTF-8 bytes: bodies are
    /// long, and this runs for every file of every build.
    static func split(_ text: String, path: String) -> Result<FrontMatterSplit, Diagnostic> {
        let bytes = text.utf8
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) {
            return .failure(.error(SourceLocation(path: path), "the file is empty",
                                   hint: "start it with front matter: a '---' line, title, date and rating, and a closing '---' line"))
        }
        // Lines as byte ranges, until the closing fence: the body is never split into lines.
        var lineStart = bytes.startIndex
        var lineNumber = 1
        var opened = false
        var yamlStart = bytes.startIndex
        var onlyBlankSoFar = true
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let line = bytes[lineStart..<lineEnd]
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : bytes.endIndex
            if !opened {
                if isFence(line) {
                    guard lineNumber == 1 else {
                        return .failure(.error(SourceLocation(path: path, line: lineNumber), "front matter must start on the first line",
                                               hint: "remove the blank lines above '---'"))
                    }
                    opened = true
                    yamlStart = next
                } else if onlyBlankSoFar, line.starts(with: "+++".utf8), line.dropFirst(3).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    // Hugo's and Zola's other front matter language, met on every blog moved from them.
                    return .failure(.error(SourceLocation(path: path, line: lineNumber, column: 1), "this front matter is TOML (between +++ lines); Marquee reads YAML front matter",
                                           hint: "write it between --- lines in YAML: title = \"Baran\" becomes title: \"Baran\", and tags = [\"a\", \"b\"] becomes tags: [a, b]"))
                } else if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || !onlyBlankSoFar {
                    return .failure(.error(SourceLocation(path: path), "no front matter at the top of the file",
                                           hint: "start the file with a '---' line, then title, date and rating, then a closing '---' line"))
                }
                onlyBlankSoFar = onlyBlankSoFar && line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            } else if isFence(line) || line.elementsEqual("...".utf8) {
                let yaml = String(text[yamlStart..<lineStart].dropLast(yamlStart < lineStart ? 1 : 0))
                return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: String(text[next...]), bodyFirstLine: lineNumber + 1))
            }
            lineStart = next
            lineNumber += 1
        }
        if opened {
            return .failure(.error(SourceLocation(path: path), "front matter is not closed",
                                   hint: "add a line with only '---' after the last front matter key"))
        }
        return .failure(.error(SourceLocation(path: path), "no front matter at the top of the file",
                               hint: "start the file with a '---' line, then title, date and rating, then a closing '---' line"))
    }

    private static func isFence(_ line: Substring.UTF8View.SubSequence) -> Bool {
        line.starts(with: "---".utf8) && line.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
