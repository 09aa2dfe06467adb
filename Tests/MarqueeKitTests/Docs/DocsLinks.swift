import CCmark
import Foundation

/// The links of the repository's Markdown (README.md and docs/), found with cmark's syntax tree,
/// and the anchors GitHub gives their headings: what DocsLinksTests holds to resolve.
enum DocsLinks {
    struct Link: Equatable {
        let url: String
        let line: Int
    }

    struct Document {
        var links: [Link] = []
        /// The `#anchor` of every heading, as GitHub makes it (duplicates get -1, -2, …).
        var anchors: Set<String> = []
    }

    /// Every link and image of `markdown`, and its headings' anchors.
    static func read(_ markdown: String) -> Document {
        var result = Document()
        let document: OpaquePointer? = markdown.withCString { cmark_parse_document($0, strlen($0), CMARK_OPT_DEFAULT) }
        guard let document, let iterator = cmark_iter_new(document) else { return result }
        defer {
            cmark_iter_free(iterator)
            cmark_node_free(document)
        }
        var seen: [String: Int] = [:]
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) {
                result.links.append(Link(url: String(cString: url), line: Int(cmark_node_get_start_line(node))))
            } else if type == CMARK_NODE_HEADING {
                let anchor = self.anchor(text(of: node))
                let count = seen[anchor, default: 0]
                seen[anchor] = count + 1
                result.anchors.insert(count == 0 ? anchor : "\(anchor)-\(count)")
            }
        }
        return result
    }

    /// The text a heading shows: its text and code, through emphasis and links.
    static func text(of node: OpaquePointer) -> String {
        var out = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(current) {
                out += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                out += " "
            } else {
                out += text(of: current)
            }
            child = cmark_node_next(current)
        }
        return out
    }

    /// GitHub's rule: lower case; letters, marks, digits, `_`, `-` and spaces kept, everything else
    /// dropped; then each space becomes `-`.
    static func anchor(_ heading: String) -> String {
        var out = ""
        for scalar in heading.lowercased().unicodeScalars {
            let properties = scalar.properties
            if scalar == " " {
                out += "-"
            } else if scalar == "-" || scalar == "_" || properties.isAlphabetic || properties.generalCategory == .decimalNumber
                        || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// What is wrong with each link of `file` (a path from the package root): a relative link to no
    /// file, or an anchor no heading of its target has. `documents` holds the Markdown files read,
    /// by path; `exists` says whether any other path is there.
    static func problems(in file: String, documents: [String: Document], exists: (String) -> Bool) -> [String] {
        guard let document = documents[file] else { return [] }
        let folder = (file as NSString).deletingLastPathComponent
        var problems: [String] = []
        for link in document.links {
            let url = link.url
            // Other sites, mail and absolute paths are not files of the repository.
            if url.hasPrefix("//") || url.firstMatch(of: #/^[A-Za-z][A-Za-z0-9+.\-]*:/#) != nil { continue }
            let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let pathPart = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let fragment = parts.count > 1 ? String(parts[1]).removingPercentEncoding ?? String(parts[1]) : nil
            if pathPart.hasPrefix("/") {
                problems.append("\(file):\(link.line): \(url) starts with /, which GitHub reads from its own root: write it relative to \(file)")
                continue
            }
            var target = file
            if !pathPart.isEmpty {
                guard let resolved = normalised(folder.isEmpty ? pathPart : folder + "/" + pathPart) else {
                    problems.append("\(file):\(link.line): \(url) leads out of the repository")
                    continue
                }
                target = resolved
                guard documents[target] != nil || exists(target) else {
                    problems.append("\(file):\(link.line): \(url) names no file (\(target))")
                    continue
                }
            }
            if let fragment, !fragment.isEmpty {
                guard let targetDocument = documents[target] else {
                    problems.append("\(file):\(link.line): \(url) has an anchor, but \(target) is not a Markdown file of the docs")
                    continue
                }
                if !targetDocument.anchors.contains(fragment) {
                    problems.append("\(file):\(link.line): \(url): \(target) has no heading with the anchor #\(fragment)")
                }
            }
        }
        return problems
    }

    /// `a/b/../c/` as `a/c`, or nil when `..` climbs above the root.
    static func normalised(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
