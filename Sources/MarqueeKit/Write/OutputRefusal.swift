import Foundation

/// Whether a folder may be the output of a build, decided on real paths: `--output` is resolved
/// through every symbolic link on its way (through its nearest existing ancestor, when it does not
/// exist yet) before it is compared with the site, so a link cannot lead the build into the
/// sources, the home folder or `/`. A hint never suggests a flag that would not help.
struct OutputRefusal {
    /// The output as given (for messages) and as resolved (for comparisons and writes).
    let given: String
    let resolved: String
    let site: String
    let home: String?
    let force: Bool

    init(output: URL, site: URL, force: Bool, home: String? = Self.homeFolder()) {
        given = output.standardizedFileURL.path
        resolved = Self.resolve(given)
        self.site = DiskFileSystem.realPath(site.standardizedFileURL.path) ?? site.standardizedFileURL.path
        self.home = home.map { DiskFileSystem.realPath($0) ?? $0 }
        self.force = force
    }

    /// The reason the output may not be written, or nil when it may.
    func refusal() -> Diagnostic? {
        let here = SourceLocation(path: "--output")
        let separate = "write to a separate folder such as public/"
        func refuse(_ message: String, _ hint: String = separate) -> Diagnostic {
            .error(here, message, hint: hint, stage: .write)
        }
        let shown = given == resolved ? given : "\(given) (\(resolved))"
        if resolved == "/" { return refuse("the output folder \(shown) is the root of the file system") }
        if let home, resolved == home { return refuse("the output folder \(shown) is your home folder") }
        if let home, DiskFileSystem.isInside(home, resolved) { return refuse("the output folder \(shown) holds your home folder") }
        if resolved == site || DiskFileSystem.isInside(site, resolved) {
            return refuse("the output folder \(shown) is the site folder or contains it; the build would replace your sources")
        }
        for protected in ["content", "static", "templates", ".marquee"] {
            let folder = site + "/" + protected
            let real = DiskFileSystem.realPath(folder) ?? folder
            if DiskFileSystem.isInside(resolved, folder) || DiskFileSystem.isInside(resolved, real) {
                return refuse("the output folder \(shown) is inside the site's \(protected)/ folder")
            }
        }
        var info = stat()
        if lstat(given, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, DiskFileSystem.realPath(given) == nil {
            return refuse("the output folder \(given) is a symbolic link to nothing (a loop, or its target is missing)",
                          "remove the link, or create the folder it points to")
        }
        guard stat(resolved, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            return refuse("\(shown) exists and is not a folder", "remove it or choose another --output")
        }
        let manager = FileManager.default
        for sourceMark in ["site.yml", "content"] where manager.fileExists(atPath: resolved + "/" + sourceMark) {
            return refuse("\(shown) holds \(sourceMark): it looks like a site, not a build",
                          "choose another --output; Marquee never replaces a folder with sources in it")
        }
        let entries = (try? manager.contentsOfDirectory(atPath: resolved)) ?? []
        if !entries.isEmpty && !entries.contains(OutputWriter.markerName) && !force {
            return refuse("\(shown) was not created by Marquee (it has no \(OutputWriter.markerName) file) and is not empty",
                          "empty or remove it, choose another --output, or pass --force to replace it")
        }
        return nil
    }

    /// `path` with its nearest existing ancestor's links resolved and the rest appended as written.
    /// A dangling link on the way stays as it is (the refusal above names it when it is the output).
    static func resolve(_ path: String) -> String {
        var existing = path
        var missing: [String] = []
        while existing != "/" && !existing.isEmpty {
            var info = stat()
            if lstat(existing, &info) == 0, let real = DiskFileSystem.realPath(existing) {
                return ([real == "/" ? "" : real] + missing.reversed()).joined(separator: "/")
            }
            missing.append((existing as NSString).lastPathComponent)
            existing = (existing as NSString).deletingLastPathComponent
        }
        return "/" + missing.reversed().joined(separator: "/")
    }

    static func homeFolder() -> String? {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home.isEmpty || home == "/" ? nil : home
    }
}
