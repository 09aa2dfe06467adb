import Foundation

/// The write stage: puts `[OutputFile]` on disk so that the output folder is only ever the whole
/// previous build or the whole new one. Files go to a temporary folder beside the output, which
/// replaces the output by renames only once every file is written; a build that fails or is killed
/// leaves the previous output untouched.
public struct OutputWriter: Sendable {
    /// Marks a folder as Marquee's own, so a build never replaces a folder it did not create.
    public static let markerName = ".marquee-build"
    static let markerText = "This folder is written by `marquee build` and replaced on every build.\n"

    public let output: URL
    public let site: URL
    public let source: any SiteFileSystem
    /// Replace an existing output folder that has no marker.
    public var force = false

    public init(output: URL, site: URL, source: any SiteFileSystem, force: Bool = false) {
        self.output = output.standardizedFileURL
        self.site = site.standardizedFileURL
        self.source = source
        self.force = force
    }

    /// Why the output folder may not be written, or nil when it may.
    public func refusal() -> Diagnostic? {
        let outputPath = DiskFileSystem.realPath(output.path) ?? output.path
        let sitePath = DiskFileSystem.realPath(site.path) ?? site.path
        let where_ = SourceLocation(path: "--output")
        if outputPath == sitePath || sitePath.hasPrefix(outputPath + "/") {
            return .error(where_, "the output folder \(output.path) is the site folder or contains it; the build would replace your sources",
                          hint: "write to a separate folder such as public/", stage: .write)
        }
        for protected in ["content", "static", "templates"] where outputPath == sitePath + "/" + protected || outputPath.hasPrefix(sitePath + "/" + protected + "/") {
            return .error(where_, "the output folder \(output.path) is inside the site's \(protected)/ folder",
                          hint: "write to a separate folder such as public/", stage: .write)
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                return .error(where_, "\(output.path) exists and is not a folder", hint: "remove it or choose another --output", stage: .write)
            }
            for sourceMark in ["site.yml", "content"] where manager.fileExists(atPath: output.appendingPathComponent(sourceMark).path) {
                return .error(where_, "\(output.path) holds \(sourceMark): it looks like a site, not a build",
                              hint: "choose another --output; Marquee never replaces a folder with sources in it", stage: .write)
            }
            let entries = (try? manager.contentsOfDirectory(atPath: output.path)) ?? []
            if !entries.isEmpty && !entries.contains(Self.markerName) && !force {
                return .error(where_, "\(output.path) was not created by Marquee (it has no \(Self.markerName) file) and is not empty",
                              hint: "empty or remove it, choose another --output, or pass --force to replace it", stage: .write)
            }
        }
        return nil
    }

    /// Writes every file, then swaps the new folder in. Returns the number of files written.
    public func write(_ files: [OutputFile]) throws -> Int {
        if let refusal = refusal() { throw BuildFailure([refusal]) }
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(in: parent, name: name)
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).marquee-new-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).marquee-old-\(pid)")
        try? manager.removeItem(at: staging)
        do {
            try writeAll(files, into: staging)
            try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))
            if manager.fileExists(atPath: output.path) {
                try manager.moveItem(at: output, to: retired)
                do {
                    try manager.moveItem(at: staging, to: output)
                } catch {
                    try? manager.moveItem(at: retired, to: output)
                    throw error
                }
                try? manager.removeItem(at: retired)
            } else {
                try manager.moveItem(at: staging, to: output)
            }
        } catch {
            try? manager.removeItem(at: staging)
            if let failure = error as? BuildFailure { throw failure }
            throw BuildFailure([.error(SourceLocation(path: output.path), "cannot write the site: \(SiteReader.describe(error))",
                                       hint: "check free space and permissions; the previous build is untouched", stage: .write)])
        }
        return files.count
    }

    /// Staging folders of builds that were killed part-way: they are Marquee's own and safe to remove.
    private func removeLeftovers(in parent: URL, name: String) {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries where entry.hasPrefix(".\(name).marquee-new-") || entry.hasPrefix(".\(name).marquee-old-") {
            try? manager.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    private func writeAll(_ files: [OutputFile], into folder: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        // Every folder once, parents first; then the files, concurrently.
        var folders = Set<String>()
        for file in files {
            try Self.checkRelative(file.path)
            var parent = (file.path as NSString).deletingLastPathComponent
            while !parent.isEmpty, folders.insert(parent).inserted {
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        for path in folders.sorted() {
            try manager.createDirectory(at: folder.appendingPathComponent(path), withIntermediateDirectories: true)
        }
        let source = self.source
        let errors = ConcurrentMap.map(files) { file -> Error? in
            let target = folder.appendingPathComponent(file.path)
            do {
                switch file.content {
                case .data(let data):
                    try data.write(to: target)
                case .copy(let sourcePath):
                    try source.contents(of: sourcePath).write(to: target)
                }
                return nil
            } catch {
                return error
            }
        }
        if let error = errors.compactMap({ $0 }).first { throw error }
    }

    /// Last line of defence: nothing from a writer's files may make a path leave the output folder.
    static func checkRelative(_ path: String) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/") || parts.contains("..") || parts.contains("") || path.utf8.contains(0) {
            throw BuildFailure([.error(SourceLocation(path: path), "refusing to write outside the output folder", stage: .write)])
        }
    }
}
