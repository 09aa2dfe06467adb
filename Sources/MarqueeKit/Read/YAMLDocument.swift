import Yams

/// A YAML block from one of the writer's files, composed into a node tree that remembers where each
/// node came from, so that a bad value is reported at its own line and column in the file.
struct YAMLDocument {
    let path: String
    /// The file line on which the YAML text starts (front matter starts on line 2, after `---`).
    let firstLine: Int
    let root: Node?
    /// Problems of a document that could be read all the same (its YAML anchors and aliases, which
    /// Marquee refuses): every `MappingReader` of the document starts with them, so each reader of
    /// a YAML file reports them, with its own.
    var problems: [Diagnostic] = []

    /// Parses `text`; a syntax error becomes a diagnostic at its position in the file.
    static func parse(_ text: String, path: String, firstLine: Int) -> Result<YAMLDocument, Diagnostic> {
        do {
            // The basic resolver: Marquee reads scalars itself (as text, by key), so resolving every
            // scalar's type against Yams's regular expressions would be wasted work on every file.
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            let root = try parser.singleRoot()
            var document = YAMLDocument(path: path, firstLine: firstLine, root: root)
            if let root {
                // A node's anchor is held weakly, by the parser: it is read while the parser lives.
                document.problems = withExtendedLifetime(parser) {
                    YAMLAliases.problems(in: root, text: text) { line, column in
                        SourceLocation(path: path, line: firstLine - 1 + line, column: column)
                    }
                }
            }
            return .success(document)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, text: text, path: path, firstLine: firstLine))
        } catch {
            return .failure(.error(SourceLocation(path: path, line: firstLine), "cannot read YAML: \(error)"))
        }
    }

    func location(of node: Node) -> SourceLocation {
        location(of: node.mark)
    }

    func location(of mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: firstLine) }
        return SourceLocation(path: path, line: firstLine - 1 + mark.line, column: mark.column)
    }

    /// The top of the block, for problems that belong to no key (a missing key, say).
    var startLocation: SourceLocation { SourceLocation(path: path, line: max(1, firstLine - 1)) }

    private static func diagnostic(for error: YamlError, text: String, path: String, firstLine: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: firstLine - 1 + mark.line, column: mark.column)
        }
        switch error {
        case let .scanner(context, _, mark, _) where context?.text.contains("quoted scalar") == true:
            // libyaml reports an unclosed quote where the file ends; the writer needs the quote that opened it.
            return .error(at(context?.mark ?? mark), "YAML syntax error: this quoted value is never closed",
                          hint: "add the closing quote at the end of the value")
        case let .composer(_, problem, mark, _) where problem.contains("undefined alias"):
            // An alias with no anchor: refused as every alias is (`YAMLAliases`), not as a syntax error.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array(String($0).unicodeScalars) }
            return YAMLAliases.aliasProblem(YAMLAliases.name(line: mark.line, column: mark.column, in: lines, after: "*"), at: at(mark))
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .error(at(mark), "YAML syntax error: \(problem)", hint: syntaxHint(problem: problem, text: text, line: mark.line))
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? "?"
            let location = secondOccurrence(ofKey: key, in: text).map {
                SourceLocation(path: path, line: firstLine - 1 + $0.line, column: $0.column)
            } ?? at(context.mark)
            return .error(location, "duplicate key '\(key)'", hint: "each key may appear once; remove or merge the repeated one")
        case let .reader(problem, _, _, _):
            return .error(SourceLocation(path: path, line: firstLine), "YAML cannot be read: \(problem)", hint: "save the file as UTF-8")
        default:
            return .error(SourceLocation(path: path, line: firstLine), "YAML error: \(error)")
        }
    }

    private static func syntaxHint(problem: String, text: String, line: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let source = line >= 1 && line <= lines.count ? String(lines[line - 1]) : ""
        if problem.contains("tab") || source.hasPrefix("\t") {
            return "YAML does not allow tabs for indentation; indent with spaces"
        }
        if problem.contains("quoted scalar") || problem.contains("end of stream") {
            return "a quoted value is not closed; add the closing quote"
        }
        let previous = line >= 2 && line - 1 <= lines.count ? String(lines[line - 2]) : ""
        if problem.contains("mapping values are not allowed"), source.hasPrefix(" "),
           let colon = previous.firstIndex(of: ":"), !previous[previous.index(after: colon)...].trimmingCharacters(in: .whitespaces).isEmpty {
            return "check the indentation: this line is indented as if it belonged to the line above, which already has a value"
        }
        if problem.contains("mapping values are not allowed") {
            return "a value that contains ': ' must be quoted, e.g. title: \"Baran: a love story\""
        }
        if problem.contains("indentation") || problem.contains("block end") || problem.contains("block entry") {
            return "check the indentation: keys of one mapping line up, list items start with '- '"
        }
        return "fix the YAML syntax at this position"
    }

    /// libyaml reports a duplicate at the first key; the writer needs the repeated one.
    private static func secondOccurrence(ofKey key: String, in text: String) -> (line: Int, column: Int)? {
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where trimmed.hasPrefix(candidate) {
                let rest = trimmed.dropFirst(candidate.count).drop { $0 == " " }
                if rest.hasPrefix(":") {
                    seen += 1
                    if seen == 2 { return (index + 1, indent + 1) }
                }
            }
        }
        return nil
    }
}

extension Node {
    /// The text of a scalar, or nil for a mapping or a sequence.
    var scalarText: String? { scalar?.string }

    /// True for `~`, `null` and an empty plain value: YAML's null, which a writer means as "not set".
    var isNull: Bool {
        guard let scalar else { return false }
        guard scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A short name for the kind of value, for "expected a name, found a mapping".
    var kindName: String {
        switch self {
        case .scalar: return "a single value"
        case .mapping: return "a mapping ({…})"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
