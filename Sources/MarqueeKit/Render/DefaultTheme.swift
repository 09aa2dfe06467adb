import MarqueeTemplates
/// The theme built into Marquee, so a site without `templates/` still builds. A site's own
/// `templates/NAME.mustache` replaces the default of the same name.
public enum DefaultTheme {
    public static var templateSources: [TemplateSource] {
        templates.keys.sorted().compactMap { name in
            templates[name].map { TemplateSource(name: name, path: "(default theme)/\(name).mustache", text: $0) }
        }
    }

    /// The ids the theme writes itself (`id="…"` with no tag inside), which a heading of a body
    /// never takes (`HeadingIDs`): read from its templates once.
    static let pageIDs: Set<String> = {
        var ids = Set<String>()
        for source in templateSources {
            for id in HTMLScanner.scan(Array(source.text.utf8)).ids where !id.contains("{{") { ids.insert(id) }
        }
        return ids
    }()
}
