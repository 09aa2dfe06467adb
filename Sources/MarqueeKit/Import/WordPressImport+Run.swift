import Foundation

extension WordPressImport {
    /// The whole command: read the export, plan the files, write them. A bad export writes nothing.
    public static func run(export path: String, into folder: URL, options: WordPressImportOptions, force: Bool) -> Result<ImportReport, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.error(SourceLocation(path: path), "cannot read the export", hint: "give the path of the .xml file WordPress wrote (Tools → Export)"))
        }
        let export: WXRExport
        switch WXRReader.read(data, path: path) {
        case .success(let read): export = read
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        var (files, copies, report) = planWithMedia(export, options: options)
        report.warnings = notUTF8Warnings(export.notUTF8)
        if let existing = try? String(contentsOf: folder.appendingPathComponent("site.yml"), encoding: .utf8),
           !ImportWriter.readManifest(folder).keys.contains("site.yml") {
            files.removeAll { $0.path == "site.yml" }
            if existing.isEmpty == false, files.contains(where: { $0.text.contains("\nreviewer: ") }) {
                report.note("site.yml", "the folder's own site.yml was kept: its authors: must name the reviewers the imported posts give (see the site.yml an import writes into an empty folder)")
            }
        }
        switch ImportWriter.write(files, copies: copies, into: folder, force: force, report: &report) {
        case .success: return .success(report)
        case .failure(let diagnostic): return .failure(diagnostic)
        }
    }

    /// One warning per place that held bytes not in UTF-8 (the first `shown`), and one for the rest.
    static func notUTF8Warnings(_ places: [SourceLocation], shown: Int = 20) -> [Diagnostic] {
        var warnings = places.prefix(shown).map {
            Diagnostic.warning($0, "bytes that are not UTF-8 here were read as U+FFFD (�)",
                               hint: "the export says it is UTF-8; correct the character in the imported file (WordPress can cut an excerpt inside a character, and an old database can hold Latin-1 text)")
        }
        if places.count > shown {
            warnings.append(.warning(places[shown], "and \(places.count - shown) more places after this one with bytes that are not UTF-8, read as U+FFFD (�) too",
                                     hint: "convert the export to UTF-8 before importing it, or correct the imported files"))
        }
        return warnings
    }
}
