/// The render stage: `Site` → `[OutputFile]`, without touching the disk. Each page type has its
/// own small renderer; this runs them and checks that no two files claim one path.
public struct SiteRenderer: Sendable {
    public init() {}

    public func render(_ site: Site) -> ([OutputFile], [Diagnostic]) {
        let (loaded, templateDiagnostics) = TemplateSet.load(siteTemplates: site.templates)
        var diagnostics = Diagnostics(templateDiagnostics)
        guard let templates = loaded else { return ([], diagnostics.all) }
        let context = RenderContext(site: site, templates: templates, models: ViewModelBuilder(site: site, templates: templates))

        var files: [OutputFile] = []
        var clock = StageClock()
        clock.lap("  models")
        for (name, pageType) in RenderContext.pageTypes {
            defer { clock.lap("  " + name) }
            let (rendered, found) = pageType(context)
            files += rendered
            diagnostics.append(contentsOf: found)
        }
        files += SitemapAndRobots.files(for: files, site: site)
        files += AssetCopier.files(for: site)
        diagnostics.append(contentsOf: OutputCollisions.check(files))
        return (diagnostics.hasErrors ? [] : files, diagnostics.all)
    }
}

/// What every page renderer needs.
struct RenderContext {
    let site: Site
    let templates: TemplateSet
    let models: ViewModelBuilder

    /// The page types of a site, in the order they are rendered.
    static let pageTypes: [(String, @Sendable (RenderContext) -> ([OutputFile], [Diagnostic]))] = [
        ("reviews", ReviewPages.render),
        ("home", HomePages.render),
        ("pages", PlainPages.render),
        ("taxonomies", TaxonomyPages.render),
        ("archive", ArchivePage.render),
        ("ratings", RatingsPage.render),
        ("404", NotFoundPage.render),
        ("feed", AtomFeed.render),
    ]

    /// Renders one page; a template that produces nothing is an error naming the template.
    func page(_ template: String, _ model: [String: Any], route: Route, origin: String, lastModified: String? = nil) -> Result<OutputFile, Diagnostic> {
        guard let html = templates.render(model, template: template) else {
            let path = templates.sources[template]?.path ?? "templates/\(template).mustache"
            return .failure(.error(SourceLocation(path: path), "the template '\(template)' is missing",
                                   hint: "create templates/\(template).mustache", stage: .render))
        }
        return .success(.text(route.file, html, origin: origin, lastModified: lastModified))
    }
}

/// Turns a list of results into files and diagnostics.
func collect(_ results: [Result<OutputFile, Diagnostic>]) -> ([OutputFile], [Diagnostic]) {
    var files: [OutputFile] = []
    var diagnostics: [Diagnostic] = []
    files.reserveCapacity(results.count)
    for result in results {
        switch result {
        case .success(let file): files.append(file)
        case .failure(let diagnostic): diagnostics.append(diagnostic)
        }
    }
    return (files, diagnostics)
}
