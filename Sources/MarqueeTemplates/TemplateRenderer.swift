/// Walks a template's nodes with a context stack, appending to one byte buffer.
struct TemplateRenderer {
    let library: TemplateLibrary
    var output: [UInt8]
    /// The context stack: the page's value at the bottom, each section's value above it.
    private var stack: [TemplateValue]
    /// Added at the start of each line while inside an indented partial or block.
    private var indent: [UInt8] = []
    /// Whether the next byte written starts a line (so gets `indent`).
    private var atLineStart = true
    /// The blocks the enclosing parent tags supply, the outermost winning: the program that
    /// holds each and the range of its ops there.
    private var blocks: [String: (program: TemplateProgram, ops: Range<Int>)] = [:]
    /// The templates being rendered, outermost first, for the depth limit and its message.
    private var chain: [String]
    /// Partials and parents included so far, for the library's `expansionLimit`.
    private var expansions = 0
    private var current: TemplateLibrary.Template
    /// Where marked values went, when the caller asked.
    var marks: [TemplateMark]?

    init(library: TemplateLibrary, output: [UInt8], context: TemplateValue, template: TemplateLibrary.Template) {
        self.library = library
        self.output = output
        stack = [context]
        stack.reserveCapacity(16)
        chain = [template.name]
        current = template
    }

    /// Renders the ops `range` of `program` (`TemplateProgram`: a section's children follow it).
    mutating func render(_ program: TemplateProgram, _ range: Range<Int>) throws(TemplateProblem) {
        let ops = program.ops
        var index = range.lowerBound
        while index < range.upperBound {
            let op = ops[index]
            switch op.kind {
            case .text:
                write(text: program.bytes(of: op))
                index += 1
            case .variable:
                write(value: lookup(Int(op.a), in: program), escaped: op.flag)
                index += 1
            case .section:
                let children = index + 1..<Int(op.end)
                let found = lookup(Int(op.a), in: program)
                let value = found.unmarked
                if op.flag {
                    if value.isFalsey { try render(program, children) }
                } else if case .list(let items) = value {
                    for item in items {
                        stack.append(item.unmarked)
                        defer { stack.removeLast() }
                        try render(program, children)
                    }
                } else if !value.isFalsey {
                    // Marked, so that `{{.}}` inside reports where the value went.
                    stack.append(found)
                    defer { stack.removeLast() }
                    try render(program, children)
                }
                index = Int(op.end)
            case .partial:
                let (reference, offset) = program.references[Int(op.a)]
                if let template = resolve(reference, in: program) {
                    try include(template, indent: program.bytes(of: op), blocks: nil, at: offset)
                }
                index += 1
            case .parent:
                let parent = program.parents[Int(op.a)]
                if let template = resolve(parent.reference, in: program) {
                    // The blocks of an enclosing parent tag take precedence over this one's.
                    var merged = blocks
                    for (name, ops) in parent.blocks where merged[name] == nil { merged[name] = (program, ops) }
                    try include(template, indent: program.bytes(of: op), blocks: merged, at: parent.offset)
                }
                index = Int(op.end)
            case .block:
                let saved = indent
                let siteIndent = program.bytes(of: op)
                if !siteIndent.isEmpty {
                    indent += siteIndent
                    if op.flag { atLineStart = true }
                }
                if let given = blocks[program.blockNames[Int(op.a)]] {
                    try render(given.program, given.ops)
                } else {
                    try render(program, index + 1..<Int(op.end))
                }
                if !siteIndent.isEmpty { indent = saved }
                index = Int(op.end)
            }
        }
    }

    private func resolve(_ reference: TemplateProgram.Reference, in program: TemplateProgram) -> TemplateLibrary.Template? {
        switch reference {
        case .named(let name):
            return library.templates[name]
        case .dynamic(let name):
            guard case .text(let target) = lookup(name, in: program).unmarked else { return nil }
            return library.templates[target]
        }
    }

    /// Renders another template in place: a partial (`blocks` nil, the enclosing ones kept) or a
    /// parent. A standalone tag's indentation is added to every line it renders; an inline one's
    /// lines are not indented at all, as Mustache's partials module says.
    private mutating func include(_ template: TemplateLibrary.Template, indent extra: UnsafeBufferPointer<UInt8>,
                                  blocks given: [String: (program: TemplateProgram, ops: Range<Int>)]?, at offset: Int) throws(TemplateProblem) {
        guard chain.count < TemplateLibrary.depthLimit else {
            throw current.problem(.tooDeep(Array(chain.suffix(3)) + [template.name]), at: offset)
        }
        expansions += 1
        guard expansions <= library.expansionLimit else {
            throw current.problem(.tooMany(Array(chain.suffix(3)) + [template.name], limit: library.expansionLimit), at: offset)
        }
        let saved = (indent, blocks, current)
        if extra.isEmpty {
            indent = []
        } else {
            indent += extra
            atLineStart = true
        }
        if let given { blocks = given }
        chain.append(template.name)
        current = template
        defer {
            chain.removeLast()
            (indent, blocks, current) = saved
        }
        try render(template.program, 0..<template.program.count)
    }

    // MARK: - Values

    /// Mustache's lookup: the first part of a name in the innermost context that has it, the
    /// other parts inside that. A context that has the name stops the search even when the value
    /// is absent.
    private func lookup(_ name: Int, in program: TemplateProgram) -> TemplateValue {
        let (start, count) = program.names[name]
        guard count > 0 else { return stack.last ?? .absent }
        let first = program.partNames[Int(start)]
        let firstHash = program.partHashes[Int(start)]
        var found: TemplateValue?
        var index = stack.count - 1
        while index >= 0 {
            // Read in place (`frameField`): a frame bound to a `let` here would be a copy, a
            // reference counted on objects other threads read too.
            found = stack[index].frameField(first, hash: firstHash)
            if found != nil { break }
            index -= 1
        }
        guard var value = found else { return .absent }
        var part = Int(start) + 1
        while part < Int(start + count) {
            guard let next = value.field(program.partNames[part], hash: program.partHashes[part]) else { return .absent }
            value = next
            part += 1
        }
        return value
    }

    private mutating func write(value: TemplateValue, escaped: Bool) {
        if atLineStart && !indent.isEmpty { output += indent }
        atLineStart = false
        switch value {
        case .text(let text), .html(let text):
            if escaped { HTMLEscaping.append(text, to: &output) } else { Self.append(text, to: &output) }
        case .int(let number):
            output += String(number).utf8
        case .double(let number):
            output += "\(number)".utf8
        case .flag(let flag):
            output += (flag ? "true" : "false").utf8
        case .marked(let inner, let id):
            let start = output.count
            write(value: inner, escaped: escaped)
            marks?.append(TemplateMark(id: id, offset: start, length: output.count - start, isEscaped: escaped))
        case .absent, .list, .object:
            break
        }
    }

    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }

    private mutating func write(text bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        if indent.isEmpty {
            output += bytes
            atLineStart = bytes[bytes.count - 1] == 0x0A
            return
        }
        // Line by line: each line that has something on it starts with the indentation.
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let lineEnd = end < bytes.count ? end + 1 : end
            let isEmptyLine = end == start || (end == start + 1 && bytes[start] == 0x0D)
            if atLineStart && !(isEmptyLine && end < bytes.count) { output += indent }
            output += UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])
            atLineStart = lineEnd > end
            start = lineEnd
        }
    }
}

private extension TemplateValue {
    /// A context frame's field: an object's, or a marked object's.
    func frameField(_ name: String, hash: UInt64) -> TemplateValue? {
        switch self {
        case .object(let object): object.value(named: name, hash: hash)
        case .marked(.object(let object), _): object.value(named: name, hash: hash)
        default: nil
        }
    }

    /// The next part of a dotted name: the field of the object this value is, through its marks.
    func field(_ name: String, hash: UInt64) -> TemplateValue? {
        switch self {
        case .object(let object): object.value(named: name, hash: hash)
        case .marked(let inner, _): inner.field(name, hash: hash)
        default: nil
        }
    }
}
