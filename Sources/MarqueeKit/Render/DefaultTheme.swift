import MarqueeTemplates
/// The theme built into Marquee, so a site without `templates/` still builds. A site's own
/// `templates/NAME.mustache` replaces the default of the same name.
public enum DefaultTheme {
    public static var templateSources: [TemplateSource] {
        templates.keys.sorted().compactMap { name in
            templates[name].map { TemplateSource(name: name, path: "(default theme)/\(name).mustache", text: $0) }
        }
    }
}
