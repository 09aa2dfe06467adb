import Yams

/// The one rule for YAML anchors (`&name`) and aliases (`*name`) in every file Marquee reads
/// (site.yml, front matter): they are refused, each where the writer typed it. An alias repeats a
/// value out of sight, and a few lines of them can describe a tree of billions of values.
///
/// Yams composes an alias into a copy of the anchored node, so the tree no longer tells where the
/// alias was. When the tree has anchors (a file without any has no aliases either), the text is
/// composed again with the anchors blanked out: libyaml then stops at the first alias, as
/// undefined, at its line and column; it is replaced by `~` and the text composed again, for the
/// next one, up to `maximumReported`.
enum YAMLAliases {
    static let maximumReported = 20

    static func aliasProblem(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error(location, "the YAML alias '*\(MappingReader.preview(name, length: 40))' is not supported",
               hint: "write the value out in full (Marquee reads no YAML anchors or aliases)")
    }

    static func anchorProblem(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error(location, "the YAML anchor '&\(MappingReader.preview(name, length: 40))' is not supported",
               hint: "remove it, and write out in full each value that uses it")
    }

    /// Every anchor and alias of `text` (composed into `root`), as diagnostics; `location` turns a
    /// line and column of `text` (from 1, columns in Unicode scalars, as libyaml counts) into one of the file.
    static func problems(in root: Node, text: String, at location: (Int, Int) -> SourceLocation) -> [Diagnostic] {
        // An anchor is written with `&`: a text without one has none, and walking the tree of every
        // front matter to find out cost 2% of a build.
        guard text.containsByte(UInt8(ascii: "&")) else { return [] }
        let anchors = anchors(in: root)
        guard !anchors.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array(String($0).unicodeScalars) }
        for anchor in anchors {
            guard let mark = anchor.mark else { continue }
            // The mark is at the `&`, or at a tag written before it.
            let column = blank("&" + anchor.name, line: mark.line, from: mark.column, in: &lines, with: "") ?? mark.column
            diagnostics.append(anchorProblem(anchor.name, at: location(mark.line, column)))
        }
        for _ in 0..<maximumReported {
            let current = lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
            do {
                _ = try Yams.compose(yaml: current, .basic, .default, .utf8)
                break // no alias left
            } catch YamlError.composer(_, let problem, let mark, _) where problem.contains("undefined alias") {
                let name = self.name(line: mark.line, column: mark.column, in: lines, after: "*")
                diagnostics.append(aliasProblem(name, at: location(mark.line, mark.column)))
                // `~` (null) in its place keeps the text valid YAML for the next alias.
                guard blank("*" + name, line: mark.line, from: mark.column, in: &lines, with: "~") != nil else { break }
            } catch {
                break // the text blanked out is no longer valid YAML: report what was found
            }
        }
        return diagnostics
    }

    /// The name of the anchor or alias that starts at the column (with `sigil`), as libyaml reads it.
    static func name(line number: Int, column: Int, in lines: [[Unicode.Scalar]], after sigil: Unicode.Scalar) -> String {
        guard number >= 1, number <= lines.count else { return "" }
        let line = lines[number - 1]
        var index = column - 1
        guard index >= 0, index < line.count, line[index] == sigil else { return "" }
        index += 1
        var name = String.UnicodeScalarView()
        while index < line.count, isNameScalar(line[index]) {
            name.append(line[index])
            index += 1
        }
        return String(name)
    }

    /// Replaces `token`, found on line `number` at or after `column`, by `replacement` padded with
    /// spaces, so every other column stays where it was. Returns the column it was at, or nil.
    private static func blank(_ token: String, line number: Int, from column: Int, in lines: inout [[Unicode.Scalar]], with replacement: String) -> Int? {
        guard number >= 1, number <= lines.count else { return nil }
        let scalars = Array(token.unicodeScalars)
        let line = lines[number - 1]
        var start = max(0, column - 1)
        while start + scalars.count <= line.count {
            if line[start..<(start + scalars.count)].elementsEqual(scalars) {
                let filler = Array(replacement.unicodeScalars) + Array(repeating: " ", count: max(0, scalars.count - replacement.unicodeScalars.count))
                lines[number - 1].replaceSubrange(start..<(start + scalars.count), with: filler)
                return start + 1
            }
            start += 1
        }
        return nil
    }

    /// Anchors as libyaml reads them: letters, digits, `-` and `_`.
    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
    }

    /// Each anchored node once, in the order of the file. A node met again with the same anchor is
    /// an alias's copy: its subtree is not walked twice (aliases of aliases would make that exponential).
    private static func anchors(in root: Node) -> [(name: String, mark: Mark?)] {
        var found: [(name: String, mark: Mark?)] = []
        var seen = Set<String>()
        var stack = [root]
        while let node = stack.popLast() {
            if let anchor = node.anchor {
                let key = "\(anchor.rawValue)|\(node.mark.map { "\($0.line):\($0.column)" } ?? "")"
                guard seen.insert(key).inserted else { continue }
                found.append((anchor.rawValue, node.mark))
            }
            switch node {
            case .scalar, .alias: break
            case .sequence(let sequence): stack.append(contentsOf: sequence.reversed())
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() { stack.append(value); stack.append(key) }
            }
        }
        return found.sorted { ($0.mark?.line ?? 0, $0.mark?.column ?? 0) < ($1.mark?.line ?? 0, $1.mark?.column ?? 0) }
    }
}
