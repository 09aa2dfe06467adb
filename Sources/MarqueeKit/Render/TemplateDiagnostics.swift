import MarqueeTemplates

/// The engine's template problems in a writer's words, as diagnostics
/// (`templates/review.mustache:12:9: error: review pages have no variable 'review.ratng' — did you mean 'review.rating'?`).
enum TemplateDiagnostics {
    /// `pages` says what a root type is rendered for, in the plural ("review pages"), for messages
    /// about names a kind of page lacks.
    static func diagnostic(_ problem: TemplateProblem, templateNames: [String], pages: (String) -> String) -> Diagnostic {
        let location = SourceLocation(path: problem.path, line: problem.line, column: problem.column)
        func error(_ message: String, _ hint: String) -> Diagnostic {
            .error(location, message, hint: hint, stage: .render)
        }
        switch problem.kind {
        case .syntax(let message, let fix):
            return error("template syntax error: \(message)", fix)
        case .missingTemplate(let name, let isParent):
            let what = isParent ? "inherits from" : "includes the partial"
            let hint = MappingReader.suggestion(for: name, among: templateNames).map { "did you mean '\($0)'? Or create templates/\(name).mustache" }
                ?? "create templates/\(name).mustache or fix the name"
            return error("template '\(problem.template)' \(what) '\(name)', which does not exist", hint)
        case .cycle(let chain):
            let first = chain.dropFirst().first ?? problem.template
            return error("templates include each other without end: \(chain.joined(separator: " → "))",
                         "put {{>\(first)}} inside a section that ends, or remove it")
        case .tooDeep(let chain):
            return error("templates went more than \(TemplateLibrary.depthLimit) partials deep (… \(chain.joined(separator: " → ")))",
                         "the data never ends the recursion: check the section around {{>\(chain.last ?? problem.template)}}")
        case .tooMany(let chain, let limit):
            let count = limit >= 1_000_000 && limit % 1_000_000 == 0 ? "\(limit / 1_000_000) million" : "\(limit)"
            return error("one page took more than \(count) partials and parents to render (… \(chain.joined(separator: " → ")))",
                         "templates that each include the next more than once multiply: include {{>\(chain.last ?? problem.template)}} once, or inside a section over data")
        case .unknownName(let name, let offered):
            let kind = pages(problem.renderedAs ?? "page")
            let hint = MappingReader.suggestion(for: name, among: offered).map { "did you mean '\($0)'?" }
                ?? "`marquee templates` lists the variables of \(kind)"
            return error("\(kind) have no variable '\(name)'", hint)
        case .notAnObject(let name, let field, let type):
            return error("'\(name)' is \(article(type)) and has no field '\(field)'", "write {{\(name)}}")
        case .unescapedText(let name, let type):
            return error("{{{\(name)}}} would show \(article(type)) without escaping it, and writer text may hold '<'",
                         "write {{\(name)}}; only HTML variables (like review.body) go in triple braces")
        case .notShowable(let name, let type):
            return error("'\(name)' is \(article(type)), which {{\(name)}} cannot show",
                         "go through it with {{#\(name)}}…{{/\(name)}}")
        }
    }

    private static func article(_ type: TemplateType) -> String {
        switch type {
        case .text: "text"
        case .html: "HTML"
        case .list(.object(let object)): "a list of \(plural(object.name))"
        case .list: "a \(type.summary)"
        case .object(let object): "an object (\(object.name))"
        default: "a \(type.summary)"
        }
    }

    /// "entry" → "entries", "menu entry" → "menu entries", "name" → "names".
    static func plural(_ name: String) -> String {
        if name.hasSuffix("y"), let before = name.dropLast().last, !"aeiou".contains(before) {
            return String(name.dropLast()) + "ies"
        }
        return name.hasSuffix("s") ? name + "es" : name + "s"
    }

    /// A template of the site's own that no page uses (a misspelt override), with the closest
    /// name of one that is.
    static func unused(_ path: String, name: String, used: [String]) -> Diagnostic {
        let hint = MappingReader.suggestion(for: name, among: used).map { "did you mean '\($0)'? An override takes the name of the default theme's template" }
            ?? "remove it, or name it after a template of the default theme (`marquee templates` lists them)"
        return .warning(SourceLocation(path: path), "the template '\(name)' is used by no page", hint: hint, stage: .render)
    }
}
