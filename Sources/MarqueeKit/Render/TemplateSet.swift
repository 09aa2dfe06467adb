import MarqueeTemplates
import Mustache

/// The templates a build renders with: the default theme overlaid by the site's own, parsed once,
/// with every partial and parent they name checked to exist (swift-mustache would silently render
/// nothing for a missing one).
struct TemplateSet: Sendable {
    let library: MustacheLibrary
    let sources: [String: TemplateSource]

    static func load(siteTemplates: [TemplateSource]) -> (TemplateSet?, [Diagnostic]) {
        var sources: [String: TemplateSource] = [:]
        for source in DefaultTheme.templateSources { sources[source.name] = source }
        for source in siteTemplates { sources[source.name] = source }

        var diagnostics = Diagnostics()
        var parsed: [String: MustacheTemplate] = [:]
        FastHTMLEscaping.register()
        for name in sources.keys.sorted() {
            guard let source = sources[name] else { continue }
            do {
                parsed[name] = try MustacheTemplate(string: FastHTMLEscaping.pragma + source.text)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma sits at the start of line 1: take its width off columns there.
                let column = error.context.lineNumber == 1 ? max(0, error.context.columnNumber - FastHTMLEscaping.pragma.count) : error.context.columnNumber
                diagnostics.error(SourceLocation(path: source.path, line: error.context.lineNumber, column: column + 1),
                                  "template syntax error: \(describe(error.error))", hint: "check that every {{#section}} has a matching {{/section}}", stage: .render)
            } catch {
                diagnostics.error(SourceLocation(path: source.path), "template syntax error: \(error)", stage: .render)
            }
            for reference in references(in: source.text) where sources[reference.name] == nil {
                let what = reference.isParent ? "inherits from" : "includes the partial"
                diagnostics.error(SourceLocation(path: source.path, line: reference.line, column: reference.column),
                                  "template '\(name)' \(what) '\(reference.name)', which does not exist",
                                  hint: "create templates/\(reference.name).mustache or fix the name", stage: .render)
            }
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics.all) }
        return (TemplateSet(library: MustacheLibrary(templates: parsed), sources: sources), diagnostics.all)
    }

    /// Whether any tag applies a function to a value (`{{uppercased(name)}}`) or the delimiters
    /// change (`{{=<% %>=}}`, which hides tags from this scan): the build cache's marks
    /// (`BodyMarks`) cannot follow a value through either, so such a theme builds without the cache.
    var transformsValues: Bool {
        sources.values.contains { source in
            var rest = Substring(source.text)
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { return false }
                let tag = afterOpen[..<close.lowerBound]
                if tag.hasPrefix("=") || (!tag.hasPrefix("!") && tag.contains("(")) { return true }
                rest = afterOpen[close.upperBound...]
            }
            return false
        }
    }

    /// The same templates parsed again, for one thread to use on its own (`PerThreadCopies`).
    func reparsed() -> TemplateSet {
        var parsed: [String: MustacheTemplate] = [:]
        for (name, source) in sources {
            // They parsed once already; should that ever fail, sharing is only slower.
            guard let template = try? MustacheTemplate(string: FastHTMLEscaping.pragma + source.text) else { return self }
            parsed[name] = template
        }
        return TemplateSet(library: MustacheLibrary(templates: parsed), sources: sources)
    }

    /// Renders template `name` with `value`; nil when there is no such template.
    func render(_ value: TemplateValue, template name: String) -> String? {
        library.render(Self.bridged(value), withTemplate: name)
    }

    /// The one bridge from the typed values to what swift-mustache renders, while it is the engine.
    /// `.absent` becomes `false` (a present key, so the context-stack lookup stops there); text and
    /// HTML both become strings (build-cache marks inside them travel as they are).
    static func bridged(_ value: TemplateValue) -> Any {
        switch value {
        case .absent: false
        case .flag(let flag): flag
        case .int(let number): number
        case .double(let number): number
        case .text(let text), .html(let text): text
        case .list(let items): items.map(bridged)
        case .object(let object): object.fields.mapValues(bridged)
        }
    }

    struct Reference: Equatable {
        var name: String
        var isParent: Bool
        var line: Int
        var column: Int
    }

    /// Partial (`{{> name}}`) and parent (`{{< name}}`) tags in a template, with their positions.
    /// Dynamic names (`{{>*name}}`) are resolved at render time and are not checked.
    static func references(in text: String) -> [Reference] {
        var result: [Reference] = []
        var line = 1
        var column = 1
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "{", i + 2 < scalars.count, scalars[i + 1] == "{" {
                var j = i + 2
                while j < scalars.count, scalars[j] == " " { j += 1 }
                if j < scalars.count, scalars[j] == ">" || scalars[j] == "<" {
                    let isParent = scalars[j] == "<"
                    j += 1
                    while j < scalars.count, scalars[j] == " " { j += 1 }
                    var name = ""
                    while j < scalars.count, scalars[j] != "}", scalars[j] != " ", scalars[j] != "\n" {
                        name.unicodeScalars.append(scalars[j])
                        j += 1
                    }
                    if !name.isEmpty, !name.hasPrefix("*") {
                        result.append(Reference(name: name, isParent: isParent, line: line, column: column))
                    }
                }
            }
            if scalars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return result
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: return "a section is closed with the wrong name"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "an illegal tag inside an inheritance section"
        case .textInsideInheritSection: return "text inside an inheritance section"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "a malformed {{% pragma }}"
        case .none: return "\(error)"
        }
    }
}
