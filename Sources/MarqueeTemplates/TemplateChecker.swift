/// Checks templates before anything renders: every tag a template reaches, through partials and
/// parents, is resolved against the schema of what it will be rendered with, following the
/// context-stack rules of rendering (`TemplateRenderer.lookup`) on types instead of values.
struct TemplateChecker {
    let library: TemplateLibrary
    private(set) var problems: [TemplateProblem] = []
    private var seen = Set<String>()
    /// The partials and parents already checked (or being checked) for the check under way, each
    /// with what it was checked with (`expansionKey`): checking one again would find nothing new.
    private var expanded = Set<String>()
    /// The root type of the check under way.
    private var root = ""

    init(library: TemplateLibrary) {
        self.library = library
    }

    /// What a name stands for while checking: a type, or something free-form (a `params` field),
    /// which can be shown and tested but holds writer text.
    enum Resolved: Equatable {
        case type(TemplateType)
        case freeForm
    }

    /// A block a parent tag supplies, with the template it was written in (for positions).
    struct SuppliedBlock {
        let block: TemplateBlock
        let template: TemplateLibrary.Template
    }

    mutating func check(_ name: String, as root: TemplateObjectType) {
        guard let template = library.templates[name] else { return }
        self.root = root.name
        expanded = []
        check(template.nodes, in: template, stack: [.type(.object(root))], blocks: [:], depth: 0)
    }

    private mutating func report(_ kind: TemplateProblem.Kind, in template: TemplateLibrary.Template, at offset: Int) {
        var problem = template.problem(kind, at: offset)
        problem.renderedAs = root
        // One mistake in a partial that several pages use is one problem.
        if seen.insert(problem.description).inserted { problems.append(problem) }
    }

    private mutating func check(_ nodes: [TemplateNode], in template: TemplateLibrary.Template, stack: [Resolved],
                                blocks: [String: SuppliedBlock], depth: Int) {
        for node in nodes {
            switch node {
            case .text:
                break
            case .variable(let name, let escaped):
                guard let resolved = resolve(name, in: template, stack: stack) else { continue }
                switch resolved {
                case .freeForm:
                    if !escaped { report(.unescapedText(name.text, type: .text), in: template, at: name.offset) }
                case .type(let type):
                    switch type {
                    case .list, .object: report(.notShowable(name.text, type: type), in: template, at: name.offset)
                    case .html: break
                    default: if !escaped { report(.unescapedText(name.text, type: type), in: template, at: name.offset) }
                    }
                }
            case .section(let name, let children, let inverted):
                let resolved = resolve(name, in: template, stack: stack) ?? .freeForm
                if inverted {
                    check(children, in: template, stack: stack, blocks: blocks, depth: depth)
                    continue
                }
                var inner = stack
                if case .type(.list(let element)) = resolved { inner.append(.type(element)) } else { inner.append(resolved) }
                check(children, in: template, stack: inner, blocks: blocks, depth: depth)
            case .partial(let reference, _):
                guard let target = target(of: reference, in: template, stack: stack), depth < TemplateLibrary.depthLimit else { continue }
                let inner = Self.shadowed(stack)
                guard expanded.insert(Self.expansionKey(target, inner, blocks)).inserted else { continue }
                check(target.nodes, in: target, stack: inner, blocks: blocks, depth: depth + 1)
            case .parent(let reference, let given, _):
                guard let target = target(of: reference, in: template, stack: stack), depth < TemplateLibrary.depthLimit else { continue }
                var merged = given.mapValues { SuppliedBlock(block: $0, template: template) }
                for (name, block) in blocks { merged[name] = block }
                let inner = Self.shadowed(stack)
                guard expanded.insert(Self.expansionKey(target, inner, merged)).inserted else { continue }
                check(target.nodes, in: target, stack: inner, blocks: merged, depth: depth + 1)
            case .block(let name, let fallback, _):
                if let supplied = blocks[name] {
                    check(supplied.block.nodes, in: supplied.template, stack: stack, blocks: blocks, depth: depth)
                } else {
                    check(fallback.nodes, in: template, stack: stack, blocks: blocks, depth: depth)
                }
            }
        }
    }

    /// The stack without the frames a later one shadows: a name is looked up from the top, and a
    /// frame of the same type further up answers every name as the later one does (or fails as
    /// it does), so it never decides a lookup. The stack is then at most one frame per type, and
    /// a partial reached again through its own output (a block that renders the partial that
    /// renders it) meets a stack it has met before instead of a longer one each time: the check
    /// ends, where it used to follow every path to the depth limit, two ways at each step.
    static func shadowed(_ stack: [Resolved]) -> [Resolved] {
        var kept: [Resolved] = []
        for frame in stack.reversed() where !kept.contains(frame) { kept.append(frame) }
        return kept.reversed()
    }

    /// What a partial or parent is checked with: the template, the stack's types and the blocks
    /// supplied (name, and where each was written).
    private static func expansionKey(_ target: TemplateLibrary.Template, _ stack: [Resolved], _ blocks: [String: SuppliedBlock]) -> String {
        let frames = stack.map { frame -> String in
            if case .type(let type) = frame { return type.summary }
            return "~"
        }
        let supplied = blocks.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.template.name):\($0.value.block.offset)" }
        return target.name + "|" + frames.joined(separator: ",") + "|" + supplied.joined(separator: ",")
    }

    /// The template a tag names; a dynamic name is checked to be text, and what it names is
    /// not followed (it depends on the data).
    private mutating func target(of reference: TemplateReference, in template: TemplateLibrary.Template, stack: [Resolved]) -> TemplateLibrary.Template? {
        switch reference {
        case .named(let name, _):
            return library.templates[name]
        case .dynamic(let name):
            if let resolved = resolve(name, in: template, stack: stack), case .type(let type) = resolved, type != .text {
                report(.notShowable(name.text, type: type), in: template, at: name.offset)
            }
            return nil
        }
    }

    /// The type a name has at this point, or nil after reporting why it has none.
    private mutating func resolve(_ name: TemplateName, in template: TemplateLibrary.Template, stack: [Resolved]) -> Resolved? {
        guard let first = name.parts.first else { return stack.last }
        var found: Resolved?
        for frame in stack.reversed() {
            switch frame {
            case .freeForm:
                found = .freeForm
            case .type(.object(let object)):
                if object.isFreeForm { found = .freeForm } else if let field = object.field(first) { found = .type(field.type) }
            case .type:
                continue
            }
            if found != nil { break }
        }
        guard var current = found else {
            report(.unknownName(first, offered: Self.offered(stack)), in: template, at: name.offset)
            return nil
        }
        for (index, part) in name.parts.enumerated().dropFirst() {
            switch current {
            case .freeForm:
                return .freeForm
            case .type(.object(let object)):
                if object.isFreeForm { return .freeForm }
                guard let field = object.field(part) else {
                    let prefix = name.parts[..<index].joined(separator: ".")
                    let offered = object.fields.map { "\(prefix).\($0.name)" }
                    report(.unknownName("\(prefix).\(part)", offered: offered), in: template, at: name.offset)
                    return nil
                }
                current = .type(field.type)
            case .type(let type):
                report(.notAnObject(name.parts[..<index].joined(separator: "."), field: part, type: type), in: template, at: name.offset)
                return nil
            }
        }
        return current
    }

    /// Every name a tag could start with here, innermost context first, for "did you mean".
    private static func offered(_ stack: [Resolved]) -> [String] {
        var names: [String] = []
        for frame in stack.reversed() {
            if case .type(.object(let object)) = frame { names += object.fields.map(\.name).filter { !names.contains($0) } }
        }
        return names
    }
}

extension TemplateLibrary {
    /// Problems in template `name`, and every template it reaches, when it is rendered with a
    /// value of type `root`. Empty when every tag resolves to something it can show.
    public func check(_ name: String, as root: TemplateObjectType) -> [TemplateProblem] {
        var checker = TemplateChecker(library: self)
        checker.check(name, as: root)
        return checker.problems
    }

    /// The same for several uses at once (each page kind with its template), a problem that
    /// several share reported once.
    public func check(_ uses: [(template: String, root: TemplateObjectType)]) -> [TemplateProblem] {
        var checker = TemplateChecker(library: self)
        for use in uses { checker.check(use.template, as: use.root) }
        return checker.problems.sorted(by: TemplateLibrary.order)
    }
}
