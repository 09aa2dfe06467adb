import Foundation

/// Turns `content/pages/<slug>.md` into a `Page`.
struct PageReader {
    let markdown: MarkdownRenderer
    let basePath: String
    let baseURL: String

    init(config: SiteConfig) {
        basePath = config.basePath
        baseURL = config.baseURL
        markdown = MarkdownRenderer(options: config.markdown, basePath: config.basePath, reservedIDs: DefaultTheme.pageIDs)
    }

    func read(_ data: Data, path: String, defaultSlug: String) -> (Page?, [Diagnostic]) {
        let file: ContentFile
        switch ContentFile.read(data, path: path) {
        case .success(let value): file = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var reader = MappingReader(document: file.document, stage: .read)
        var title: String?, summary: String?, slug: String?, drafting = DraftKeys()
        var params: [String: ParamValue] = [:]
        var converter = ParamConverter()
        var sawTitle = false
        var aliases: [Alias] = []
        var language: String?
        for (keyNode, value) in file.mapping {
            let key = keyNode.scalarText ?? ""
            switch key {
            case "title": title = reader.requiredText(key, value); sawTitle = true
            case "summary": summary = reader.text(key, value)
            case "draft", "published": drafting.read(key, value, &reader)
            case "slug": slug = reader.slug(value, example: "about")
            case "aliases": aliases += AliasReader.read(value, baseURL: baseURL, &reader)
            case "language", "lang": language = reader.languageTag(key, value) // `lang` as Jekyll themes write it
            default:
                if let param = converter.convert(value) { params[key] = param } else {
                    reader.error(value, "'\(key)' takes this file's params past \(ParamConverter.maximumValues.groupedDigits) values, the most one file may hold", hint: "keep front matter values small; larger data belongs in a file of its own")
                }
            }
        }
        if !sawTitle {
            reader.diagnostics.error(file.document.startLocation, "the front matter has no 'title'", hint: "add a line such as title: About")
        }
        if slug == nil, let problem = Slug.problem(with: defaultSlug) {
            reader.diagnostics.error(SourceLocation(path: path), "this file's name cannot be a URL: \(problem)", hint: "rename the file, or give a slug: key")
        }
        guard !reader.diagnostics.hasErrors, let title else { return (nil, reader.diagnostics.all) }
        var page = Page(source: path, slug: slug ?? defaultSlug, title: title, summary: summary, isDraft: drafting.isDraft,
                        params: params, body: markdown.render(file.body, documentPath: basePath + Route.page(slug ?? defaultSlug).url).shiftingLinks(by: file.bodyFirstLine - 1))
        page.aliases = aliases
        page.language = language
        ForeignTags.report(page.body, path: path, &reader)
        return (page, reader.diagnostics.all)
    }
}
