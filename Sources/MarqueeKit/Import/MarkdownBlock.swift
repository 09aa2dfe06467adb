/// One block of a converted body. Paragraphs keep their lines apart (a line per `<br>`), so the
/// review lines ("Year: 1997") can be taken out of them one by one.
enum MarkdownBlock: Equatable, Sendable {
    case paragraph([String])
    /// Markdown or an HTML block, written as it is.
    case other(String)
    /// A list, apart so that a tight list item can hold one without a blank line.
    case list(String)
    /// `<!--more-->`, the end of the excerpt, on a line of its own.
    case more

    var markdown: String {
        switch self {
        case .paragraph(let lines): return lines.joined(separator: "\\\n")
        case .other(let text), .list(let text): return text
        case .more: return "<!--more-->"
        }
    }

    static func join(_ blocks: [MarkdownBlock]) -> String {
        blocks.map(\.markdown).joined(separator: "\n\n")
    }
}
