import Foundation

/// `site.yml` for an imported blog, when the folder has none: the old blog's title, address and
/// language, its authors, and link checks as warnings (an old blog links to archives and uploads
/// the new site does not have; the build lists them instead of refusing to build).
enum ImportedSiteConfig {
    struct Author { var id: String; var name: String }

    static func text(export: WXRExport, title: String, description: String, main: Author?, others: [Author], ratingScale: Int) -> String {
        var lines = ["# Written by marquee import wordpress. Marquee's docs/reference/site-yml.md lists every key."]
        lines.append("title: \(YAMLWriter.scalar(title.isEmpty ? "My Reviews" : title))")
        if !description.isEmpty { lines.append("description: \(YAMLWriter.scalar(description))") }
        let base = [export.baseBlogURL, export.link].map(\.trimmed).first { Shortcodes.isWebURL($0) } ?? "https://example.org/"
        lines.append("base_url: \(YAMLWriter.scalar(base))")
        let language = export.language.trimmed
        if !language.isEmpty, language.count <= 35, language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            lines.append("language: \(YAMLWriter.scalar(language))")
        }
        lines.append("# WordPress keeps no time zone name in its export; dates carry their offsets.")
        lines.append("timezone: UTC")
        if let main { lines.append("author: \(YAMLWriter.scalar(main.name))") }
        if !others.isEmpty {
            lines.append("authors:")
            for author in others { lines.append("  \(author.id):\n    name: \(YAMLWriter.scalar(author.name))") }
        }
        if ratingScale != 5 { lines.append("rating_scale: \(ratingScale)") }
        lines.append("# Links to the old blog's archives and uploads are reported as warnings, not errors: fix them, then remove this line.")
        lines.append("broken_links: warning")
        return lines.joined(separator: "\n") + "\n"
    }
}
