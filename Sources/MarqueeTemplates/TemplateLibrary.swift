/// One template's text as the library is given it.
public struct TemplateSource: Hashable, Sendable {
    /// What partial and parent tags call it: "review", "credits".
    public let name: String
    /// Where it came from, for messages: "templates/review.mustache".
    public let path: String
    public let text: String

    public init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
    }
}

/// A set of templates that can include and inherit from each other, parsed once. Immutable and
/// `Sendable`: every thread renders with the same library, and nothing is copied per thread.
public struct TemplateLibrary: Sendable {
    /// How many partials and parents deep a render may go: far beyond any theme, and it ends
    /// a recursion over data that never stops it with an error instead of a crash.
    public static let depthLimit = 100
    /// The partials and parents one render may include in all. A page lists at most every review
    /// (the archive: a few partials a card, half a million at 100,000 reviews); templates that
    /// multiply each other stop here, in seconds, rather than never.
    public static let defaultExpansionLimit = 20_000_000
    /// This library's limit (a test sets a small one).
    public var expansionLimit = Self.defaultExpansionLimit

    /// A class: rendering holds and passes templates around, and a struct's copy would count a
    /// reference to each of its fields, objects every render thread shares.
    final class Template: Sendable {
        let name: String
        let path: String
        let nodes: [TemplateNode]
        let lines: SourceLines
        /// The nodes as rendering walks them.
        let program: TemplateProgram

        init(name: String, path: String, nodes: [TemplateNode], lines: SourceLines) {
            self.name = name
            self.path = path
            self.nodes = nodes
            self.lines = lines
            program = TemplateProgram(nodes)
        }

        func problem(_ kind: TemplateProblem.Kind, at offset: Int) -> TemplateProblem {
            let (line, column) = lines.position(of: offset)
            return TemplateProblem(kind, template: name, path: path, line: line, column: column)
        }
    }

    let templates: [String: Template]

    /// Every template's name, sorted.
    public var names: [String] { templates.keys.sorted() }

    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// Parses every source and checks that what they name exists and that no templates include
    /// or inherit from each other without a section to end it. Nil, with every problem found,
    /// when any source has one. `missingTemplatesAreErrors: false` renders a partial that does not
    /// exist as nothing, as the Mustache specification has it (Marquee never does: a misspelt
    /// name would vanish from the page without a word).
    public static func load(_ sources: [TemplateSource], missingTemplatesAreErrors: Bool = true) -> (TemplateLibrary?, [TemplateProblem]) {
        var templates: [String: Template] = [:]
        var problems: [TemplateProblem] = []
        for source in sources {
            let bytes = Array(source.text.utf8)
            let lines = SourceLines(bytes: bytes)
            switch TemplateParser.parse(bytes) {
            case .success(let nodes):
                templates[source.name] = Template(name: source.name, path: source.path, nodes: nodes, lines: lines)
            case .failure(let failure):
                let (line, column) = lines.position(of: failure.offset)
                problems.append(TemplateProblem(.syntax(failure.message, fix: failure.fix), template: source.name, path: source.path, line: line, column: column))
            }
        }
        let graph = TemplateGraph(templates: templates)
        problems += (missingTemplatesAreErrors ? graph.missingTemplates() : []) + graph.unguardedCycles()
        guard problems.isEmpty else { return (nil, problems.sorted(by: Self.order)) }
        return (TemplateLibrary(templates: templates), [])
    }

    static func order(_ a: TemplateProblem, _ b: TemplateProblem) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }

    /// Renders template `name` with `value` as the context, appending the bytes to `output`.
    public func render(_ name: String, with value: TemplateValue, into output: inout [UInt8]) throws(TemplateProblem) {
        var unused: [TemplateMark]?
        try render(name, with: value, into: &output, recording: &unused)
    }

    /// The same, appending to `marks` where each marked value (`TemplateValue.marked`) went.
    public func render(_ name: String, with value: TemplateValue, into output: inout [UInt8], marks: inout [TemplateMark]) throws(TemplateProblem) {
        var recorded: [TemplateMark]? = []
        defer { marks += recorded ?? [] }
        try render(name, with: value, into: &output, recording: &recorded)
    }

    private func render(_ name: String, with value: TemplateValue, into output: inout [UInt8], recording marks: inout [TemplateMark]?) throws(TemplateProblem) {
        guard let template = templates[name] else {
            throw TemplateProblem(.missingTemplate(name, isParent: false), template: name, path: name, line: 1, column: 1)
        }
        var renderer = TemplateRenderer(library: self, output: output, context: value, template: template)
        output = []
        renderer.marks = marks
        defer {
            output = renderer.output
            marks = renderer.marks
        }
        try renderer.render(template.program, 0..<template.program.count)
    }

    /// Renders template `name` with `value`, and says where each marked value went.
    public func renderMarked(_ name: String, with value: TemplateValue) throws(TemplateProblem) -> (bytes: [UInt8], marks: [TemplateMark]) {
        var output: [UInt8] = []
        output.reserveCapacity(16 * 1024)
        var marks: [TemplateMark] = []
        try render(name, with: value, into: &output, marks: &marks)
        return (output, marks)
    }

    /// Renders template `name` with `value` as the context.
    public func render(_ name: String, with value: TemplateValue) throws(TemplateProblem) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(16 * 1024)
        try render(name, with: value, into: &output)
        return output
    }

    /// The templates `name` can reach through partial and parent tags with fixed names, itself
    /// included (dynamic names are not followed: they depend on the data).
    public func reachable(from names: [String]) -> Set<String> {
        TemplateGraph(templates: templates).reachable(from: names)
    }
}
