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
    /// The blocks the enclosing parent tags supply, the outermost winning.
    private var blocks: [String: TemplateBlock] = [:]
    /// The templates being rendered, outermost first, for the depth limit and its message.
    private var chain: [String]
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

    mutating func render(_ nodes: [TemplateNode]) throws(TemplateProblem) {
        for node in nodes {
            switch node {
            case .text(let bytes, _):
                write(text: bytes)
            case .variable(let name, let escaped):
                write(value: lookup(name), escaped: escaped)
            case .section(let name, let children, let inverted):
                let found = lookup(name)
                let value = found.unmarked
                if inverted {
                    if value.isFalsey { try render(children) }
                } else if case .list(let items) = value {
                    for item in items {
                        stack.append(item.unmarked)
                        defer { stack.removeLast() }
                        try render(children)
                    }
                } else if !value.isFalsey {
                    // Marked, so that `{{.}}` inside reports where the value went.
                    stack.append(found)
                    defer { stack.removeLast() }
                    try render(children)
                }
            case .partial(let reference, let partialIndent):
                guard let template = resolve(reference) else { continue }
                try include(template, indent: partialIndent, blocks: nil, at: reference.offset)
            case .parent(let reference, let given, let parentIndent):
                guard let template = resolve(reference) else { continue }
                // The blocks of an enclosing parent tag take precedence over this one's.
                var merged = given
                for (name, block) in blocks { merged[name] = block }
                try include(template, indent: parentIndent, blocks: merged, at: reference.offset)
            case .block(let name, let fallback, let site):
                let content = blocks[name] ?? fallback
                let saved = indent
                if !site.indent.isEmpty {
                    indent += site.indent
                    if site.indentsFirstLine { atLineStart = true }
                }
                try render(content.nodes)
                if !site.indent.isEmpty { indent = saved }
            }
        }
    }

    private func resolve(_ reference: TemplateReference) -> TemplateLibrary.Template? {
        switch reference {
        case .named(let name, _):
            return library.templates[name]
        case .dynamic(let name):
            guard case .text(let target) = lookup(name).unmarked else { return nil }
            return library.templates[target]
        }
    }

    /// Renders another template in place: a partial (`blocks` nil, the enclosing ones kept) or a
    /// parent. A standalone tag's indentation is added to every line it renders; an inline one's
    /// lines are not indented at all, as Mustache's partials module says.
    private mutating func include(_ template: TemplateLibrary.Template, indent extra: [UInt8], blocks given: [String: TemplateBlock]?, at offset: Int) throws(TemplateProblem) {
        guard chain.count < TemplateLibrary.depthLimit else {
            throw current.problem(.tooDeep(Array(chain.suffix(3)) + [template.name]), at: offset)
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
        try render(template.nodes)
    }

    // MARK: - Values

    /// Mustache's lookup: the first part of a name in the innermost context that has it, the
    /// other parts inside that. A context that has the name stops the search even when the value
    /// is absent.
    private func lookup(_ name: TemplateName) -> TemplateValue {
        let parts = name.parts
        guard let first = parts.first else { return stack.last ?? .absent }
        let firstHash = name.hashes[0]
        var found: TemplateValue?
        var index = stack.count - 1
        while index >= 0 {
            // (Matched in place: taking `.unmarked` of each frame would copy it.)
            switch stack[index] {
            case .object(let object):
                found = object.value(named: first, hash: firstHash)
            case .marked(.object(let object), _):
                found = object.value(named: first, hash: firstHash)
            default:
                break
            }
            if found != nil { break }
            index -= 1
        }
        guard var value = found else { return .absent }
        var part = 1
        while part < parts.count {
            guard case .object(let object) = value.unmarked, let next = object.value(named: parts[part], hash: name.hashes[part]) else { return .absent }
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

    private mutating func write(text bytes: [UInt8]) {
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
            output += bytes[start..<lineEnd]
            atLineStart = lineEnd > end
            start = lineEnd
        }
    }
}
