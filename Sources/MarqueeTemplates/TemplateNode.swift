/// A template after parsing: what rendering walks. Immutable and shared by every thread.
indirect enum TemplateNode: Sendable {
    /// Literal text as UTF-8. `startsLine`: it begins at the start of a line of the source (after
    /// standalone lines were removed), which is where indentation goes.
    case text([UInt8], startsLine: Bool)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{> name}}`, or `{{>*name}}` when the name comes from the data. `indent`: the whitespace
    /// before a standalone tag, added to every line the partial renders.
    case partial(TemplateReference, indent: [UInt8])
    /// `{{< name}}…{{/name}}`: the named template, rendered with these blocks in place of its own.
    case parent(TemplateReference, blocks: [String: TemplateBlock], indent: [UInt8])
    /// `{{$ name}}…{{/name}}` where it is rendered: the content a parent gave for it, or this default.
    case block(String, TemplateBlock, site: BlockSite)
}

/// A dotted name, split once when the template is parsed.
struct TemplateName: Sendable {
    /// As written, for messages: "review.rating.text"; "." for the current value.
    let text: String
    let parts: [String]
    /// Each part's `FieldHash`, for the lookup.
    let hashes: [UInt64]
    /// Byte offset of the tag in its source.
    let offset: Int

    var isImplicit: Bool { parts.isEmpty }

    init(_ text: String, offset: Int) {
        self.text = text
        self.offset = offset
        parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        hashes = parts.map(FieldHash.of)
    }
}

/// The template a partial or parent tag names: fixed, or looked up in the data (`*name`).
enum TemplateReference: Sendable {
    case named(String, offset: Int)
    case dynamic(TemplateName)

    var offset: Int {
        switch self {
        case .named(_, let offset): offset
        case .dynamic(let name): name.offset
        }
    }
}

/// A block's content, with the indentation taken off its lines where it was defined.
struct TemplateBlock: Sendable {
    let nodes: [TemplateNode]
    let offset: Int
}

/// How a block's content is placed where the block is rendered.
struct BlockSite: Sendable {
    /// Added to each line of the content.
    let indent: [UInt8]
    /// Whether the first line gets it too (false when the source line already has it as text).
    let indentsFirstLine: Bool

    static let inline = BlockSite(indent: [], indentsFirstLine: false)
}
