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

    /// Creates the staging folder beside the output, with every folder `paths` need, and removes
    /// the staging folders of builds that were killed part-way.
    func beginStaging(paths: [String]) throws -> Staging {
        if let refusal = refusal() { throw BuildFailure([refusal]) }
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).marquee-new-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            removeLeftovers(in: parent, name: name)
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for path in paths { try Self.checkRelative(path) }
            try Self.createFolders(for: paths, in: staging.path)
        } catch {
            try? manager.removeItem(at: staging)
            throw Self.failure(error, output: output)
        }
        return Staging(folder: staging, source: source)
    }

    /// Every folder the files at `paths` need, once, so that the files can then be written
    /// concurrently. A site of 10,000 reviews needs some 20,000 folders: they are made a level at a
    /// time (parents first), each level on all cores, with plain `mkdir` (serially, through
    /// FileManager, they took half a second).
    static func createFolders(for paths: [String], in root: String) throws {
        var folders = Set<Substring>()
        var levels: [[Substring]] = []
        for path in paths {
            var end = path.endIndex
            // Deepest first, stopping at the first folder already listed: its parents are too.
            while let slash = path[..<end].lastIndex(of: "/") {
                let folder = path[..<slash]
                guard folders.insert(folder).inserted else { break }
                let depth = folder.utf8.count { $0 == UInt8(ascii: "/") }
                while levels.count <= depth { levels.append([]) }
                levels[depth].append(folder)
                end = slash
            }
        }
        for level in levels {
            let failures = ConcurrentMap.map(level) { folder -> (String, Int32)? in
                let full = root + "/" + folder
                if mkdir(full, 0o777) == 0 { return nil }
                let code = errno
                return code == EEXIST ? nil : (full, code)
            }
            if let (path, code) = failures.lazy.compactMap({ $0 }).first {
                throw NSError(domain: NSPOSIXErrorDomain, code: Int(code), userInfo: [NSFilePathErrorKey: path])
            }
        }
    }

    /// Marks the staging folder as Marquee's and swaps it in for the output folder, by renames only.
    func commit(_ staging: Staging) throws {
        let manager = FileManager.default
        let retired = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).marquee-old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try Data(Self.markerText.utf8).write(to: staging.folder.appendingPathComponent(Self.markerName))
            if manager.fileExists(atPath: output.path) {
                try manager.moveItem(at: output, to: retired)
                do {
                    try manager.moveItem(at: staging.folder, to: output)
                } catch {
                    try? manager.moveItem(at: retired, to: output)
                    throw error
                }
                Self.removeTree(at: retired)
            } else {
                try manager.moveItem(at: staging.folder, to: output)
            }
        } catch {
            abandon(staging)
            throw Self.failure(error, output: output)
        }
    }

    /// Throws a failed build's staging folder away; the output folder was never touched.
    func abandon(_ staging: Staging) {
        try? FileManager.default.removeItem(at: staging.folder)
    }

    /// A staging folder being filled: files may be put into it from several threads at once.
    struct Staging: Sendable {
        let folder: URL
        let source: any SiteFileSystem

        func put(_ path: String, _ content: OutputFile.Content) throws {
            try PlainFile.write(content.bytes(from: source), to: folder.path + "/" + path)
        }
    }

    static func failure(_ error: Error, output: URL) -> BuildFailure {
        if let failure = error as? BuildFailure { return failure }
        return BuildFailure([.error(SourceLocation(path: output.path), "cannot write the site: \(SiteReader.describe(error))",
                                    hint: "check free space and permissions; the previous build is untouched", stage: .write)])
    }

    /// A file that could not be written, as a diagnostic.
    static func writeError(_ error: Error, path: String) -> Diagnostic {
        if let failure = error as? BuildFailure, let first = failure.diagnostics.first { return first }
        return .error(SourceLocation(path: path), "cannot write /\(path): \(SiteReader.describe(error))",
                      hint: "check free space and permissions; the previous build is untouched", stage: .write)
    }

    /// Staging folders of builds that were killed part-way: they are Marquee's own and safe to remove.
    private func removeLeftovers(in parent: URL, name: String) {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries where [".\(name).marquee-new-", ".\(name).marquee-old-", ".\(name).marquee-update-"].contains(where: entry.hasPrefix) {
            Self.removeTree(at: parent.appendingPathComponent(entry))
        }
    }

    /// Removes a folder of Marquee's (a previous build) on all cores: the entries one and two
    /// levels down are removed concurrently. Symbolic links are removed, never followed.
    static func removeTree(at folder: URL) {
        let manager = FileManager.default
        func isFolder(_ url: URL) -> Bool {
            (try? manager.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType) == .typeDirectory
        }
        guard isFolder(folder) else { try? manager.removeItem(at: folder); return }
        var items: [URL] = []
        for entry in (try? manager.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [] {
            if isFolder(entry), let inner = try? manager.contentsOfDirectory(at: entry, includingPropertiesForKeys: nil) {
                items += inner
            }
            items.append(entry) // after its contents: removing it then has little left to do
        }
        // Subfolders first, each after its own entries were handed out; order within a worker holds.
        _ = ConcurrentMap.map(items) { try? manager.removeItem(at: $0) }
        try? manager.removeItem(at: folder)
    }

    /// Last line of defence: nothing from a writer's files may make a path leave the output folder.
    static func checkRelative(_ path: String) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/") || parts.contains("..") || parts.contains("") || path.utf8.contains(0) {
            throw BuildFailure([.error(SourceLocation(path: path), "refusing to write outside the output folder", stage: .write)])
        }
    }
}
