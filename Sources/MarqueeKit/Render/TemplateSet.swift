import MarqueeTemplates

/// The templates a build renders with: the default theme overlaid by the site's own, parsed once
/// and checked before anything renders: syntax, missing partials and parents, cycles, and every
/// tag of every page kind's template against that kind's schema (`PageKind.schema`). A template
/// of the site's own that no page uses is a warning (a misspelt override would otherwise be
/// ignored without a word).
struct TemplateSet: Sendable {
    let library: TemplateLibrary
    let sources: [String: TemplateSource]

    /// `words`: the theme's words of this build (`WordsView`); each `{{{words.…}}}` tag is
    /// folded into the template's text before it is parsed (see `WordFolding`).
    static func load(siteTemplates: [TemplateSource], words: TemplateValue? = nil) -> (TemplateSet?, [Diagnostic]) {
        var sources: [String: TemplateSource] = [:]
        for source in DefaultTheme.templateSources { sources[source.name] = source }
        for source in siteTemplates { sources[source.name] = source }
        let names = sources.keys.sorted()
        let folding = words.map(WordFolding.init)

        let (loaded, problems) = TemplateLibrary.load(names.compactMap { sources[$0] }.map { folding?.fold($0) ?? $0 })
        var diagnostics = problems.map { TemplateDiagnostics.diagnostic($0, templateNames: names, pages: { _ in "pages" }) }
        guard let library = loaded else { return (nil, diagnostics) }

        var seen = Set<String>()
        for kind in PageKind.allCases {
            for problem in library.check(kind.template, as: kind.schema) where seen.insert(problem.description).inserted {
                diagnostics.append(TemplateDiagnostics.diagnostic(problem, templateNames: names, pages: { _ in kind.plural }))
            }
        }
        let used = library.reachable(from: PageKind.allCases.map(\.template))
        for source in siteTemplates.sorted(by: { $0.path < $1.path }) where !used.contains(source.name) {
            diagnostics.append(TemplateDiagnostics.unused(source.path, name: source.name, used: used.sorted()))
        }
        let set = TemplateSet(library: library, sources: sources)
        return (diagnostics.contains { $0.severity == .error } ? nil : set, diagnostics)
    }

    /// Renders template `name` with `value`, and says where its marked values went.
    func render(_ value: TemplateValue, template name: String, marks: inout [TemplateMark]) -> Result<[UInt8], Diagnostic> {
        var output: [UInt8] = []
        output.reserveCapacity(16 * 1024)
        do {
            try library.render(name, with: value, into: &output, marks: &marks)
            return .success(output)
        } catch {
            return .failure(TemplateDiagnostics.diagnostic(error, templateNames: library.names, pages: { _ in "pages" }))
        }
    }

    /// Renders template `name` with `value` as text; nil when it cannot be rendered (the pages
    /// that show the fragment render it again, and report why).
    func render(_ value: TemplateValue, template name: String) -> String? {
        guard let bytes = try? library.render(name, with: value) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A fragment rendered once and handed to pages as HTML (a card, a badge, the header), with
    /// where its marked values are inside it.
    func fragment(_ value: TemplateValue, template name: String) -> Result<(html: String, marks: [TemplateMark]), Diagnostic> {
        var marks: [TemplateMark] = []
        return render(value, template: name, marks: &marks).map { (String(decoding: $0, as: UTF8.self), marks) }
    }
}
