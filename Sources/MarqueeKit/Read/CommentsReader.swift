import Foundation
import Yams

/// Reads a comments file (`content/reviews/<slug>.comments.yml`, as `marquee import wordpress`
/// writes it): a list of comments, each `{id, parent, author, url, date, text}`. Every mistake is
/// a diagnostic at its line and column; the comments come back only from a file without errors.
struct CommentsReader {
    let posts: PostKeysReader

    static let keys = ["id", "parent", "author", "url", "date", "text"]

    init(config: SiteConfig) {
        posts = PostKeysReader(config: config)
    }

    func read(_ data: Data, path: String) -> ([Comment], [Diagnostic]) {
        if data.count > ContentFile.maximumSize {
            return ([], [.error(SourceLocation(path: path), "the file is \(data.count / 1_048_576) MB, more than the 10 MB a comments file may have",
                                hint: "keep the comments of one review in it, and nothing else")])
        }
        guard let raw = String(validatingUTF8Data: data) else {
            return ([], [.error(ContentFile.invalidUTF8Location(data, path: path), "the file is not valid UTF-8", hint: "save it as UTF-8 in your editor")])
        }
        let document: YAMLDocument
        switch YAMLDocument.parse(TextNormaliser.normalise(raw), path: path, firstLine: 1) {
        case .success(let value): document = value
        case .failure(let diagnostic): return ([], [diagnostic])
        }
        var reader = MappingReader(document: document, stage: .read)
        guard let root = document.root, !root.isNull else { return ([], reader.diagnostics.all) } // an empty file: no comments
        guard let entries = root.sequence else {
            reader.error(root, "a comments file is a list of comments, found \(root.kindName)",
                         hint: "start each comment with '- id: 1', then author:, date: and text: under it")
            return ([], reader.diagnostics.all)
        }
        var comments: [Comment] = []
        var threads: [Thread] = []
        for entry in entries {
            guard let mapping = entry.mapping else {
                reader.error(entry, "each comment is a mapping of id, author, date and text, found \(entry.kindName)",
                             hint: "write - id: 1 and, under it, author: …, date: …, text: …")
                continue
            }
            let (comment, thread) = readComment(mapping, at: entry, &reader)
            if let comment { comments.append(comment) }
            threads.append(thread)
        }
        checkThreads(threads, &reader)
        return (reader.diagnostics.hasErrors ? [] : comments, reader.diagnostics.all)
    }

    /// What threads a comment (also of one with mistakes, so that its id still counts).
    struct Thread {
        var id: String?, idNode: Node?, parent: String?, parentNode: Node?
        var line: Int
    }

    private func readComment(_ mapping: Node.Mapping, at entry: Node, _ reader: inout MappingReader) -> (Comment?, Thread) {
        var id: String?, parent: String?, author: String?, url: String?, date: PublicationDate?, text: String?
        var idNode: Node?, parentNode: Node?, textNode: Node?
        var seen = Set<String>()
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalarText else {
                reader.error(keyNode, "a comment's key must be a plain word, found \(keyNode.kindName)", hint: "write key: value")
                continue
            }
            seen.insert(key)
            switch key {
            case "id":
                id = readID(key, value, &reader)
                idNode = value
            case "parent":
                if value.isNull { break }
                parent = readID(key, value, &reader)
                parentNode = value
            case "author":
                author = reader.requiredText(key, value).map { $0.collapsingWhitespace() }
            case "url":
                guard let written = reader.text(key, value).map(CommentHTML.trimmingHTMLSpace), !written.isEmpty else { break }
                if URLSafety.isSafeAbsoluteURL(written) {
                    url = written
                } else {
                    reader.warning(value, "the url '\(MappingReader.preview(value))' is not an http(s) address; the author's name is shown without a link",
                                   hint: "give a full address such as https://example.org/, or remove url:")
                }
            case "date":
                date = posts.readDate(value, &reader)
            case "text":
                text = reader.requiredText(key, value)
                textNode = value
            default:
                let suggestion = MappingReader.suggestion(for: key, among: Self.keys)
                reader.error(keyNode, "unknown key '\(MappingReader.preview(key))' in a comment",
                             hint: (suggestion.map { "did you mean '\($0)'? " } ?? "") + "a comment has id, parent, author, url, date and text")
            }
        }
        let start = reader.document.location(of: entry)
        let thread = Thread(id: id, idNode: idNode, parent: parent, parentNode: parentNode, line: start.line)
        for (key, hint) in [("author", "add author: and the name the reader gave"), ("text", "add text: and what the reader wrote")] where !seen.contains(key) {
            reader.diagnostics.error(start, "the comment has no '\(key)'", hint: hint)
        }
        guard let author, let text else { return (nil, thread) }
        let sanitised = CommentHTML.sanitise(text)
        if sanitised.html.isEmpty, let node = textNode {
            reader.warning(node, "the comment's text has nothing to show once its HTML is cleaned (only scripts, styles or empty tags)",
                           hint: "write the text again, or remove the comment")
        }
        let comment = Comment(id: id, parent: parent, author: author, url: url, date: date, html: sanitised.html, text: sanitised.text, location: start)
        return (comment, thread)
    }

    /// An id or a parent: a number or a word, which becomes the comment's anchor (`#comment-12`).
    private func readID(_ key: String, _ node: Node, _ reader: inout MappingReader) -> String? {
        guard let value = reader.requiredText(key, node)?.trimmingWhitespace() else { return nil }
        guard value.count <= 100, !value.unicodeScalars.contains(where: { $0.properties.isWhitespace || MappingReader.isControl($0) }) else {
            reader.error(node, "the comment \(key) '\(MappingReader.preview(node))' is not a single word", hint: "use a number or a word without spaces, such as \(key): 12")
            return nil
        }
        return value
    }

    /// Ids are unique, a parent names a comment of the file, and no comments answer each other in a circle.
    private func checkThreads(_ comments: [Thread], _ reader: inout MappingReader) {
        var byID: [String: Int] = [:]
        for (index, comment) in comments.enumerated() {
            guard let id = comment.id, let node = comment.idNode else { continue }
            if let first = byID[id] {
                reader.error(node, "duplicate comment id '\(MappingReader.preview(id))': the comment at line \(comments[first].line) has it too",
                             hint: "give each comment its own id")
            } else {
                byID[id] = index
            }
        }
        var inCycle = Set<Int>()
        for (index, comment) in comments.enumerated() {
            guard let parent = comment.parent, let node = comment.parentNode else { continue }
            guard let parentIndex = byID[parent] else {
                reader.error(node, "parent '\(MappingReader.preview(parent))' names no comment of this file",
                             hint: "give the id of the comment it answers, or remove parent: to start a thread")
                continue
            }
            // Up its parents: back to itself is a circle (reported once, at its first comment).
            var chain = [index], current = parentIndex
            while current != index, chain.count <= comments.count, let next = comments[current].parent.flatMap({ byID[$0] }) {
                chain.append(current)
                current = next
            }
            guard current == index, !inCycle.contains(index) else { continue }
            inCycle.formUnion(chain)
            let ids = (chain + [index]).compactMap { comments[$0].id }.map { MappingReader.preview($0) }
            reader.error(node, chain.count == 1 ? "the comment '\(ids[0])' answers itself"
                                                : "the comments \(ids.joined(separator: " → ")) answer each other in a circle",
                         hint: "a comment answers one written before it: fix the parent:, or remove it to start a thread")
        }
    }
}
