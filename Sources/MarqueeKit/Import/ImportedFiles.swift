import Foundation

/// The text of the files an import writes: a review's, an article's or a page's Markdown with its
/// front matter, and a review's comments as data.
enum ImportedFiles {
    static func content(_ entry: ImportedEntry) -> String {
        var lines = ["---", "title: \(YAMLWriter.scalar(entry.title))"]
        func add(_ key: String, _ values: [String]) {
            if !values.isEmpty { lines.append("\(key): \(YAMLWriter.list(values))") }
        }
        if entry.section == .review {
            if let work = entry.lines.work { lines.append("work: \(YAMLWriter.scalar(work))") }
            if let year = entry.lines.year { lines.append("year: \(year)") }
            add(entry.lines.directors.count > 1 ? "directors" : "director", entry.lines.directors)
            add(entry.lines.writers.count > 1 ? "writers" : "writer", entry.lines.writers)
            add("cast", entry.lines.cast)
        }
        if entry.section != .page {
            add(entry.categories.count > 1 ? "categories" : "category", entry.categories)
            add("tags", entry.tags)
        }
        if entry.section == .review, let rating = entry.lines.rating {
            lines.append("rating: \(Self.number(rating.value))")
        }
        if entry.section != .page, let date = entry.date { lines.append("date: \(date)") }
        switch entry.recommend {
        case .slug(let slug)?: lines.append("recommend: \(YAMLWriter.scalar(slug))")
        case .external(let title, let url)?:
            lines.append("recommend:")
            lines.append("  title: \(YAMLWriter.scalar(title))")
            lines.append("  url: \(YAMLWriter.scalar(url))")
        case nil: break
        }
        if entry.section != .page, let reviewer = entry.reviewer { lines.append("reviewer: \(YAMLWriter.scalar(reviewer))") }
        if let summary = entry.summary, !summary.isEmpty { lines.append("summary: \(YAMLWriter.scalar(summary))") }
        if entry.section != .page, let image = entry.image {
            lines.append("image: \(YAMLWriter.scalar(image))")
            if let alt = entry.imageAlt { lines.append("image_alt: \(YAMLWriter.scalar(alt))") }
        }
        if !entry.aliases.isEmpty {
            lines.append("aliases:")
            for alias in entry.aliases { lines.append("  - \(YAMLWriter.scalar(alias))") }
        }
        if entry.draft { lines.append("draft: true") }
        lines.append("---")
        let body = MarkdownBlock.join(entry.blocks)
        return lines.joined(separator: "\n") + "\n\n" + (body.isEmpty ? "" : body + "\n")
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// A review's approved comments, oldest first, with the id each answers (`parent`). Never the
    /// e-mail address (it is not even read). `text` is the comment's HTML as WordPress kept it:
    /// third-party markup, to be sanitised by whatever shows it.
    static func comments(_ entry: ImportedEntry) -> String {
        var lines = [
            "# Readers' comments on “\(YAMLWriter.clean(entry.title).replacingOccurrences(of: "\n", with: " "))”, imported from WordPress.",
            "# Each: id, parent (the id it answers; none for a new thread), author, url, date, text (HTML as written).",
        ]
        for comment in entry.comments {
            lines.append("- id: \(YAMLWriter.scalar(comment.id))")
            if !comment.parent.isEmpty, comment.parent != "0" { lines.append("  parent: \(YAMLWriter.scalar(comment.parent))") }
            lines.append("  author: \(YAMLWriter.scalar(comment.author.trimmed.isEmpty ? "Anonymous" : comment.author.trimmed))")
            if Shortcodes.isWebURL(comment.authorURL) { lines.append("  url: \(YAMLWriter.scalar(comment.authorURL))") }
            if let date = ImportDate.frontMatter(local: comment.date, gmt: comment.dateGMT) { lines.append("  date: \(date)") }
            lines.append(YAMLWriter.text("text", comment.content.trimmed, indent: "  "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
