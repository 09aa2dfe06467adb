/// Parses a template's source (UTF-8 bytes) into nodes, in time linear in its size.
///
/// Three passes: the source is cut into text and tags (`tokenize`); lines that hold only tags
/// and whitespace are removed as Mustache's "standalone" lines (`removeStandaloneLines`); the
/// tokens are nested into sections, parents and blocks (`nest`), and blocks are re-indented
/// (`Draft.compile`).
struct TemplateParser {
    let source: [UInt8]

    struct Failure: Error {
        let message: String
        let fix: String
        let offset: Int
    }

    static func parse(_ source: [UInt8]) -> Result<[TemplateNode], Failure> {
        let parser = TemplateParser(source: source)
        do {
            var tokens = try parser.tokenize()
            parser.removeStandaloneLines(&tokens)
            let drafts = try parser.nest(tokens)
            return .success(Draft.compile(drafts, dedent: 0))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "\(error)", fix: "check the template", offset: 0))
        }
    }

    // MARK: - Tokens

    enum TagKind: Equatable {
        case variable, unescaped, section, inverted, close, partial, parent, block, comment, delimiters

        /// Tags a line can hold and still be removed as standalone.
        var canStandAlone: Bool { self != .variable && self != .unescaped }
    }

    struct Tag {
        let kind: TagKind
        /// The name, trimmed ("review.title"; a partial's "*name" keeps its star).
        let name: String
        /// Byte range of the whole tag, delimiters included.
        let start: Int
        let end: Int
        /// The whitespace before the tag when nothing else precedes it on its line.
        let leadingWhitespace: Range<Int>?
        /// Set when its line is removed as standalone.
        var isStandalone = false
        /// Whether it is the first tag of its line.
        let isFirstOnLine: Bool
    }

    enum Token {
        /// Never spans a line end: a text token ends with "\n" or before a tag.
        case text(Range<Int>)
        case tag(Tag)
    }

    static let nestingLimit = 200

    static let space: UInt8 = 0x20, tab: UInt8 = 0x09, newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D

    static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == carriageReturn
    }

    func tokenize() throws -> [Token] {
        var tokens: [Token] = []
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var position = 0
        var lineStart = 0
        // Nothing but whitespace text since `lineStart`, and no tag.
        var lineIsClean = true
        var tagsOnLine = 0
        let count = source.count

        func emitText(_ range: Range<Int>) {
            var start = range.lowerBound
            var index = start
            while index < range.upperBound {
                let byte = source[index]
                if byte == Self.newline {
                    tokens.append(.text(start..<(index + 1)))
                    start = index + 1
                    lineStart = start
                    lineIsClean = true
                    tagsOnLine = 0
                } else if byte != Self.space && byte != Self.tab && byte != Self.carriageReturn {
                    lineIsClean = false
                }
                index += 1
            }
            if start < range.upperBound { tokens.append(.text(start..<range.upperBound)) }
        }

        while position < count {
            guard let tagStart = find(open, from: position) else {
                emitText(position..<count)
                break
            }
            emitText(position..<tagStart)
            let leading: Range<Int>? = lineIsClean ? lineStart..<tagStart : nil
            var cursor = tagStart + open.count
            var kind = TagKind.variable
            var closing = close
            if cursor < count {
                switch source[cursor] {
                case UInt8(ascii: "{"): kind = .unescaped; closing = [UInt8(ascii: "}")] + close
                case UInt8(ascii: "&"): kind = .unescaped
                case UInt8(ascii: "#"): kind = .section
                case UInt8(ascii: "^"): kind = .inverted
                case UInt8(ascii: "/"): kind = .close
                case UInt8(ascii: ">"): kind = .partial
                case UInt8(ascii: "<"): kind = .parent
                case UInt8(ascii: "$"): kind = .block
                case UInt8(ascii: "!"): kind = .comment
                case UInt8(ascii: "="): kind = .delimiters; closing = [UInt8(ascii: "=")] + close
                default: break
                }
                if kind != .variable { cursor += 1 }
            }
            guard let contentEnd = find(closing, from: cursor) else {
                throw Failure(message: "a tag is not closed", fix: "end it with \(String(decoding: closing, as: UTF8.self))", offset: tagStart)
            }
            let end = contentEnd + closing.count
            let name = trimmed(cursor..<contentEnd)
            if kind == .delimiters {
                let parts = name.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                    throw Failure(message: "a set-delimiter tag must hold two delimiters", fix: "write it like {{=<% %>=}}", offset: tagStart)
                }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
            } else if kind != .comment, name.isEmpty || (name.hasPrefix("*") && name.dropFirst().allSatisfy { $0 == " " }) {
                throw Failure(message: "a tag has no name", fix: "write a name between the braces, or remove the tag", offset: tagStart)
            }
            tokens.append(.tag(Tag(kind: kind, name: name, start: tagStart, end: end, leadingWhitespace: leading, isFirstOnLine: tagsOnLine == 0)))
            tagsOnLine += 1
            lineIsClean = false
            position = end
        }
        return tokens
    }

    /// The first occurrence of `needle` at or after `start`: a scan for its first byte, then a
    /// comparison, so the whole source is read about once.
    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= source.count else { return nil }
        let last = source.count - needle.count
        var index = start
        while index <= last {
            if source[index] == first {
                var matches = true
                var offset = 1
                while offset < needle.count {
                    if source[index + offset] != needle[offset] { matches = false; break }
                    offset += 1
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    private func trimmed(_ range: Range<Int>) -> String {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, Self.isBlank(source[lower]) { lower += 1 }
        while upper > lower, Self.isBlank(source[upper - 1]) { upper -= 1 }
        var name = String(decoding: source[lower..<upper], as: UTF8.self)
        // `{{> *name}}` and `{{>* name}}` alike.
        if name.hasPrefix("*") {
            name = "*" + name.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        }
        return name
    }

    // MARK: - Standalone lines

    /// A line holding only whitespace and tags that render nothing themselves (sections, comments,
    /// partials, parents, blocks, delimiter changes) is removed, newline included. A block opened
    /// and closed on one line is content in its own right, so such a line stays.
    func removeStandaloneLines(_ tokens: inout [Token]) {
        var kept: [Token] = []
        kept.reserveCapacity(tokens.count)
        var line: [Token] = []
        func flush() {
            if Self.isStandalone(line, source: source) {
                for token in line {
                    if case .tag(var tag) = token {
                        tag.isStandalone = true
                        kept.append(.tag(tag))
                    }
                }
            } else {
                kept.append(contentsOf: line)
            }
            line.removeAll(keepingCapacity: true)
        }
        for token in tokens {
            line.append(token)
            if case .text(let range) = token, source[range.upperBound - 1] == Self.newline { flush() }
        }
        flush()
        tokens = kept
    }

    private static func isStandalone(_ line: [Token], source: [UInt8]) -> Bool {
        var tags = 0
        var openBlocks: [String] = []
        for token in line {
            switch token {
            case .text(let range):
                for index in range where !isBlank(source[index]) { return false }
            case .tag(let tag):
                guard tag.kind.canStandAlone else { return false }
                if tag.kind == .block { openBlocks.append(tag.name) }
                if tag.kind == .close, openBlocks.contains(tag.name) { return false }
                tags += 1
            }
        }
        return tags > 0
    }

    // MARK: - Nesting

    private struct Frame {
        let tag: Tag
        var children: [Draft] = []
    }

    func nest(_ tokens: [Token]) throws -> [Draft] {
        var stack: [Frame] = []
        var top: [Draft] = []
        var pendingText: [UInt8] = []
        var pendingStartsLine = false

        func append(_ draft: Draft) {
            if stack.isEmpty { top.append(draft) } else { stack[stack.count - 1].children.append(draft) }
        }
        func flushText() {
            guard !pendingText.isEmpty else { return }
            append(.text(pendingText, startsLine: pendingStartsLine))
            pendingText = []
        }
        func indent(of tag: Tag) -> [UInt8] {
            guard tag.isStandalone, tag.isFirstOnLine, let range = tag.leadingWhitespace else { return [] }
            return Array(source[range])
        }
        func reference(_ tag: Tag) -> TemplateReference {
            tag.name.hasPrefix("*") ? .dynamic(TemplateName(String(tag.name.dropFirst()), offset: tag.start)) : .named(tag.name, offset: tag.start)
        }

        for token in tokens {
            switch token {
            case .text(let range):
                if pendingText.isEmpty { pendingStartsLine = range.lowerBound == 0 || source[range.lowerBound - 1] == Self.newline }
                pendingText.append(contentsOf: source[range])
            case .tag(let tag):
                flushText()
                switch tag.kind {
                case .comment, .delimiters:
                    break
                case .variable, .unescaped:
                    append(.variable(TemplateName(tag.name, offset: tag.start), escaped: tag.kind == .variable))
                case .partial:
                    append(.partial(reference(tag), indent: indent(of: tag)))
                case .section, .inverted, .parent, .block:
                    // Later passes recurse into the nesting: bounded, so no template can exhaust the stack.
                    guard stack.count < Self.nestingLimit else {
                        throw Failure(message: "sections are nested more than \(Self.nestingLimit) deep", fix: "nest fewer sections, or move some into a partial", offset: tag.start)
                    }
                    stack.append(Frame(tag: tag))
                case .close:
                    guard let frame = stack.popLast() else {
                        throw Failure(message: "{{/\(tag.name)}} closes nothing: no section of that name is open", fix: "remove it, or open the section with {{#\(tag.name)}}", offset: tag.start)
                    }
                    let openName = frame.tag.name
                    guard openName == tag.name else {
                        throw Failure(message: "'\(openName)' is closed by {{/\(tag.name)}}", fix: "close it with {{/\(openName)}}", offset: tag.start)
                    }
                    switch frame.tag.kind {
                    case .section, .inverted:
                        append(.section(TemplateName(openName, offset: frame.tag.start), frame.children, inverted: frame.tag.kind == .inverted))
                    case .parent:
                        var blocks: [String: Draft.Block] = [:]
                        for child in frame.children {
                            if case .block(let block) = child, blocks[block.name] == nil { blocks[block.name] = block }
                        }
                        append(.parent(reference(frame.tag), blocks: blocks, indent: indent(of: frame.tag)))
                    default:
                        let leading = frame.tag.leadingWhitespace.map { Array(source[$0]) }
                        append(.block(Draft.Block(name: openName, children: frame.children, opensStandalone: frame.tag.isStandalone,
                                                  leadingWhitespace: leading, offset: frame.tag.start)))
                    }
                }
            }
        }
        flushText()
        if let open = stack.last {
            throw Failure(message: "'\(open.tag.name)' is never closed", fix: "add {{/\(open.tag.name)}} where it ends", offset: open.tag.start)
        }
        return top
    }
}

/// Parsed nodes before blocks are re-indented, which needs their enclosing blocks done first.
indirect enum Draft {
    case text([UInt8], startsLine: Bool)
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [Draft], inverted: Bool)
    case partial(TemplateReference, indent: [UInt8])
    case parent(TemplateReference, blocks: [String: Block], indent: [UInt8])
    case block(Block)

    struct Block {
        let name: String
        let children: [Draft]
        /// Its opening tag's line was standalone: the content starts on a line of its own.
        let opensStandalone: Bool
        /// The whitespace before the opening tag, when nothing else precedes it on its line.
        let leadingWhitespace: [UInt8]?
        let offset: Int
    }

    /// Block indentation is removed where a block is defined and added where it is rendered
    /// (Mustache's inheritance module): `dedent` is how much the enclosing blocks take off each line.
    static func compile(_ drafts: [Draft], dedent: Int) -> [TemplateNode] {
        drafts.map { draft in
            switch draft {
            case .text(let bytes, let startsLine):
                return .text(dedent == 0 ? bytes : Self.dedented(bytes, startsLine: startsLine, by: dedent), startsLine: startsLine)
            case .variable(let name, let escaped):
                return .variable(name, escaped: escaped)
            case .section(let name, let children, let inverted):
                return .section(name, compile(children, dedent: dedent), inverted: inverted)
            case .partial(let reference, let indent):
                return .partial(reference, indent: Array(indent.dropFirst(dedent)))
            case .parent(let reference, let blocks, let indent):
                return .parent(reference, blocks: blocks.mapValues { content(of: $0, dedent: dedent).block }, indent: Array(indent.dropFirst(dedent)))
            case .block(let block):
                let (content, ownIndent) = content(of: block, dedent: dedent)
                let leading = block.leadingWhitespace.map { Array($0.dropFirst(dedent)) }
                let site: BlockSite
                if block.opensStandalone {
                    site = BlockSite(indent: block.children.isEmpty ? leading ?? [] : ownIndent, indentsFirstLine: true)
                } else if let leading {
                    site = BlockSite(indent: leading, indentsFirstLine: false)
                } else {
                    site = .inline
                }
                return .block(block.name, content, site: site)
            }
        }
    }

    /// A block's content with its own indentation (that of its first line, after the enclosing
    /// blocks' is gone) taken off every line, and that indentation.
    private static func content(of block: Block, dedent: Int) -> (block: TemplateBlock, indent: [UInt8]) {
        var own: [UInt8] = []
        if block.opensStandalone, case .text(let bytes, true)? = block.children.first {
            let leading = bytes.prefix { $0 == 0x20 || $0 == 0x09 }
            own = Array(leading.dropFirst(dedent))
        }
        return (TemplateBlock(nodes: compile(block.children, dedent: dedent + own.count), offset: block.offset), own)
    }

    /// `bytes` with up to `count` spaces or tabs taken off the start of each line.
    static func dedented(_ bytes: [UInt8], startsLine: Bool, by count: Int) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var atLineStart = startsLine
        var removed = 0
        for byte in bytes {
            if atLineStart, removed < count, byte == 0x20 || byte == 0x09 {
                removed += 1
                continue
            }
            atLineStart = false
            result.append(byte)
            if byte == 0x0A { atLineStart = true; removed = 0 }
        }
        return result
    }
}
