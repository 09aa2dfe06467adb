import Foundation

/// `marquee templates copy review`: the default theme's templates written into a site's
/// `templates/`, to start customising. An existing file is never overwritten without `force`.
public enum ThemeCopy {
    /// The default theme's template names.
    public static var names: [String] { DefaultTheme.templates.keys.sorted() }

    /// Writes `templates/NAME.mustache` for each name (all of them when `names` is empty) into
    /// `site`, and returns the paths written. Nothing is written when a name is unknown, or (without
    /// `force`) when a file is there already.
    public static func copy(_ requested: [String], into site: URL, force: Bool = false) -> Result<[String], Diagnostic> {
        let chosen = requested.isEmpty ? names : requested
        for name in chosen where DefaultTheme.templates[name] == nil {
            let hint = MappingReader.suggestion(for: name, among: names).map { "did you mean '\($0)'?" }
                ?? "the default theme has: \(names.joined(separator: ", "))"
            return .failure(.error(SourceLocation(path: "templates/\(Slug.printable(name)).mustache"), "the default theme has no template '\(Slug.printable(name))'", hint: hint, stage: .render))
        }
        let fileSystem = DiskFileSystem(root: site)
        // Copied into a folder that is not a site, they would do nothing (and litter it).
        guard fileSystem.kind(of: SiteConfigReader.path) != nil else {
            return .failure(.error(SourceLocation(path: SiteConfigReader.path), "no site.yml in the site folder; nothing was written",
                                   hint: "run this in the folder that holds site.yml, or pass --source DIR", stage: .render))
        }
        let folder = site.appendingPathComponent("templates")
        // `templates` must be a folder of the site, not a link to somewhere else.
        if fileSystem.kind(of: "templates") != nil {
            do { _ = try fileSystem.realPathInside("templates") } catch {
                return .failure(.error(SourceLocation(path: "templates"), "templates/ leads outside the site; nothing was written",
                                       hint: "make templates/ a folder of the site", stage: .render))
            }
        }
        let manager = FileManager.default
        if !force {
            let existing = chosen.map { "templates/\($0).mustache" }.filter { manager.fileExists(atPath: site.appendingPathComponent($0).path) }
            if let first = existing.first {
                return .failure(.error(SourceLocation(path: first), "\(existing.joined(separator: ", ")) already \(existing.count == 1 ? "exists" : "exist"); nothing was written",
                                       hint: "edit it, or pass --force to replace it with the default theme's", stage: .render))
            }
        }
        var written: [String] = []
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in chosen {
                guard let text = DefaultTheme.templates[name] else { continue }
                let relative = "templates/\(name).mustache"
                try Data(text.utf8).write(to: site.appendingPathComponent(relative), options: force ? .atomic : [.withoutOverwriting])
                written.append(relative)
            }
        } catch {
            return .failure(.error(SourceLocation(path: "templates"), "cannot write the templates: \(SiteReader.describe(error))",
                                   hint: "check the folder's permissions", stage: .render))
        }
        return .success(written)
    }
}
