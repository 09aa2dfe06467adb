/// What an import did, for the writer: counts by kind, what was skipped and why, and every item
/// that needs a look, by its title.
public struct ImportReport: Sendable, Equatable {
    public struct Attention: Sendable, Equatable {
        public var title: String
        public var message: String
    }

    public var reviews = 0
    public var reviewDrafts = 0
    public var articles = 0
    public var articleDrafts = 0
    public var pages = 0
    public var pageDrafts = 0
    public var comments = 0
    public var aliases = 0
    /// Reason → count, for items and comments left out.
    public var skipped: [String: Int] = [:]
    public var attention: [Attention] = []
    /// Problems of the export file itself, at their line and column (the import went on).
    public var warnings: [Diagnostic] = []
    /// Filled in by the writer: files written, and files kept because the writer edited them.
    public var written: [String] = []
    public var unchanged: [String] = []
    public var kept: [String] = []

    mutating func skip(_ reason: String, _ count: Int = 1) { skipped[reason, default: 0] += count }
    mutating func note(_ title: String, _ message: String) { attention.append(Attention(title: title, message: message)) }

    public func text(export: String, into: String) -> String {
        func n(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
        func drafts(_ count: Int) -> String { count == 0 ? "" : " (\(n(count, "draft", "drafts")))" }
        var lines = ["Imported \(export) into \(into):"]
        lines.append("  " + [
            n(reviews, "review", "reviews") + drafts(reviewDrafts),
            n(articles, "article", "articles") + drafts(articleDrafts),
            n(pages, "page", "pages") + drafts(pageDrafts),
            n(comments, "comment", "comments"),
            n(aliases, "old address", "old addresses"),
        ].joined(separator: ", "))
        if !skipped.isEmpty {
            lines.append("Skipped:")
            for (reason, count) in skipped.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
                lines.append("  \(count) \(reason)")
            }
        }
        if !attention.isEmpty {
            lines.append("Needs your attention (\(attention.count)):")
            for item in attention { lines.append("  \(item.title.isEmpty ? "(untitled)" : "“\(item.title)”"): \(item.message)") }
        }
        var files = "Files: \(written.count) written"
        if !unchanged.isEmpty { files += ", \(unchanged.count) unchanged" }
        if !kept.isEmpty { files += ", \(kept.count) kept because they were edited since the last import (--force overwrites them)" }
        lines.append(files)
        for path in kept { lines.append("  kept \(path)") }
        return lines.joined(separator: "\n")
    }
}
