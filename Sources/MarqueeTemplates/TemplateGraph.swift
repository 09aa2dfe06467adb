/// Which templates name which, found once when a library loads: to report names that do not
/// exist, cycles nothing can end, and templates nothing uses.
struct TemplateGraph {
    struct Edge {
        let from: String
        let to: String
        let isParent: Bool
        /// Inside a section (or a block's default, which a parent may replace): rendering may
        /// stop there, so a cycle through it can end.
        let isGuarded: Bool
        let offset: Int
    }

    let templates: [String: TemplateLibrary.Template]
    let edges: [String: [Edge]]

    init(templates: [String: TemplateLibrary.Template]) {
        self.templates = templates
        var edges: [String: [Edge]] = [:]
        for (name, template) in templates {
            var found: [Edge] = []
            Self.collect(template.nodes, from: name, guarded: false, into: &found)
            edges[name] = found
        }
        self.edges = edges
    }

    private static func collect(_ nodes: [TemplateNode], from name: String, guarded: Bool, into edges: inout [Edge]) {
        for node in nodes {
            switch node {
            case .text, .variable:
                break
            case .section(_, let children, _):
                collect(children, from: name, guarded: true, into: &edges)
            case .partial(let reference, _):
                if case .named(let target, let offset) = reference {
                    edges.append(Edge(from: name, to: target, isParent: false, isGuarded: guarded, offset: offset))
                }
            case .parent(let reference, let blocks, _):
                if case .named(let target, let offset) = reference {
                    edges.append(Edge(from: name, to: target, isParent: true, isGuarded: guarded, offset: offset))
                }
                for key in blocks.keys.sorted() {
                    if let block = blocks[key] { collect(block.nodes, from: name, guarded: guarded, into: &edges) }
                }
            case .block(_, let block, _):
                collect(block.nodes, from: name, guarded: true, into: &edges)
            }
        }
    }

    func missingTemplates() -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        for name in edges.keys.sorted() {
            guard let template = templates[name] else { continue }
            for edge in edges[name] ?? [] where templates[edge.to] == nil {
                problems.append(template.problem(.missingTemplate(edge.to, isParent: edge.isParent), at: edge.offset))
            }
        }
        return problems
    }

    /// Cycles of unguarded edges, each reported once, at the tag that starts it, as the chain of
    /// names ending where it began: ["credits", "credits"], ["a", "b", "a"].
    func unguardedCycles() -> [TemplateProblem] {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var path: [Edge] = []
        var problems: [TemplateProblem] = []
        var reported = Set<[String]>()

        func visit(_ name: String) {
            marks[name] = .visiting
            for edge in edges[name] ?? [] where !edge.isGuarded && templates[edge.to] != nil {
                path.append(edge)
                switch marks[edge.to] {
                case .visiting:
                    guard let start = path.firstIndex(where: { $0.from == edge.to }) else { break }
                    let cycle = Array(path[start...])
                    let chain = cycle.map(\.from) + [edge.to]
                    // The same cycle met from another of its templates is the same mistake.
                    let key = chain.dropLast().sorted()
                    if !reported.contains(key), let first = cycle.first, let template = templates[first.from] {
                        reported.insert(key)
                        problems.append(template.problem(.cycle(chain), at: first.offset))
                    }
                case .done:
                    break
                case nil:
                    visit(edge.to)
                }
                path.removeLast()
            }
            marks[name] = .done
        }
        for name in templates.keys.sorted() where marks[name] == nil { visit(name) }
        return problems
    }

    func reachable(from roots: [String]) -> Set<String> {
        var seen = Set<String>()
        var queue = roots.filter { templates[$0] != nil }
        while let name = queue.popLast() {
            guard seen.insert(name).inserted else { continue }
            for edge in edges[name] ?? [] where templates[edge.to] != nil && !seen.contains(edge.to) { queue.append(edge.to) }
        }
        return seen
    }
}
