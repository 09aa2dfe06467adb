/// A mistake in a template, or a render that had to stop, with where it is. The engine says what
/// is wrong in structured form; Marquee turns it into a diagnostic (`path:line:column: error: …`).
public struct TemplateProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The template does not parse: an unclosed tag or section, a misplaced close; what is
        /// wrong, and how to fix it.
        case syntax(String, fix: String)
        /// `{{> name}}` or `{{< name}}` names a template that does not exist.
        case missingTemplate(String, isParent: Bool)
        /// Templates that include or inherit from each other with no section to end it, in order:
        /// ["credits", "credits"].
        case cycle([String])
        /// Rendering went deeper than `TemplateLibrary.depthLimit` partials and parents (a cycle a
        /// section guards, over data that never ends it); the last templates of the chain.
        case tooDeep([String])
        /// One render took more than the library's `expansionLimit` partials and parents: templates
        /// that each render the next several times over (two at each of thirty levels is a billion);
        /// the chain where it stopped, and the limit.
        case tooMany([String], limit: Int)
        /// A name no context offers (for a dotted name, as far as the part that is missing:
        /// 'review.ratng' of `review.ratng.text`), and the names offered there, for a suggestion.
        case unknownName(String, offered: [String])
        /// A dotted name goes on into a value that has no fields: `review.title.text` is
        /// `.notAnObject("review.title", field: "text", type: .text)`.
        case notAnObject(String, field: String, type: TemplateType)
        /// `{{{name}}}` or `{{&name}}` of a value that is not HTML: it would skip the escaping of
        /// writer text.
        case unescapedText(String, type: TemplateType)
        /// `{{name}}` of a list or an object, which renders nothing.
        case notShowable(String, type: TemplateType)
    }

    public let kind: Kind
    /// The template's name ("review"), and its path as given to the library.
    public let template: String
    public let path: String
    /// 1-based; column in characters.
    public let line: Int
    public let column: Int
    /// For problems found by checking against a schema: the name of the root object type the
    /// template was checked as ("review page"), so a message can say what kind of page lacks a name.
    public var renderedAs: String?

    public init(_ kind: Kind, template: String, path: String, line: Int, column: Int) {
        self.kind = kind
        self.template = template
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { "\(path):\(line):\(column): \(kind)" }
}

/// Where byte offsets of a template's source fall, in lines and characters.
struct SourceLines: Sendable {
    let bytes: [UInt8]

    func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        var index = 0
        while index < end {
            if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
            index += 1
        }
        // Characters, not bytes: count the bytes that start a UTF-8 sequence.
        let column = bytes[lineStart..<end].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return (line, column)
    }
}
