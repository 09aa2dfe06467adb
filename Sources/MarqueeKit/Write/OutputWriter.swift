import CMarqueeSystem
import Foundation

/// The write stage: puts `[OutputFile]` on disk so that the output folder is only ever the whole
/// previous build or the whole new one. Files go to a temporary folder beside the output, which
/// replaces the output by renames only once every file is written; a build that fails or is killed
/// leaves the previous output untouched.
public struct OutputWriter: Sendable {
    /// Marks a folder as Marquee's own, so a build never replaces a folder it did not create.
    public static let markerName = ".marquee-build"
    static let markerText = "This folder is written by `marquee build` and replaced on every build.\n"

    /// The output folder, resolved through symbolic links (see `OutputRefusal`): every write goes here.
    public let output: URL
    public let site: URL
    public let source: any SiteFileSystem
    /// Replace an existing output folder that has no marker.
    public var force = false

    public init(output: URL, site: URL, source: any SiteFileSystem, force: Bool = false) {
        self.output = URL(fileURLWithPath: OutputRefusal.resolve(output.standardizedFileURL.path))
        self.site = site.standardizedFileURL
        self.source = source
        self.force = force
        given = output.standardizedFileURL
    }

    private let given: URL

    /// Why the output folder may not be written, or nil when it may.
    public func refusal() -> Diagnostic? {
        OutputRefusal(output: given, site: site, force: force).refusal()
    }

    /// Takes the output's lock (waiting for another build of it, see `OutputLock`), then puts right
    /// what a killed build left beside the output: its staging folder is removed, and an output
    /// that a build killed between the two renames of `swapWithoutExchange` left missing is
    /// restored from the previous build. Held until the returned lock is released.
    func prepare(lockTimeout: Double, waiting: (Int32?) -> Void) throws -> OutputLock {
        let parent = output.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true) } catch {
            throw Self.failure(error, output: output)
        }
        let lock = try OutputLock.acquire(for: output, timeout: lockTimeout, waiting: waiting)
        recoverLeftovers()
        return lock
    }

    /// Creates the staging folder beside the output, with every folder `paths` need, and removes
    /// the staging folders of builds that were killed part-way.
    func beginStaging(paths: [String]) throws -> Staging {
        if let refusal = refusal() { throw BuildFailure([refusal]) }
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let staging = sibling("new")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
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
            // Bytes, not Characters: '/' is ASCII, so its UTF-8 index is a valid String index.
            while let slash = path.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
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

    /// Marks the staging folder as Marquee's and swaps it in for the output folder: in one atomic
    /// exchange where the system has one, so that there is no moment without a site.
    func commit(_ staging: Staging) throws {
        do {
            try PlainFile.write(Array(Self.markerText.utf8), to: staging.folder.appendingPathComponent(Self.markerName).path)
            var info = stat()
            if lstat(output.path, &info) != 0 {
                try Self.rename(staging.folder.path, output.path)
            } else if marquee_exchange(staging.folder.path, output.path) == 0 {
                // The staging name now holds the previous build.
                Self.removeTree(at: staging.folder)
            } else if [ENOSYS, EINVAL, ENOTSUP, EOPNOTSUPP].contains(errno) {
                try swapWithoutExchange(staging)
            } else {
                throw Self.posixError(errno, output.path)
            }
        } catch {
            abandon(staging)
            throw Self.failure(error, output: output)
        }
    }

    /// Where the system or the file system has no exchange: the output is renamed aside, then the
    /// staging folder into its place. A build killed between the two leaves no output; the next
    /// build restores the aside one before anything else (`recoverLeftovers`).
    private func swapWithoutExchange(_ staging: Staging) throws {
        let retired = sibling("old")
        try Self.rename(output.path, retired.path)
        do {
            try Self.rename(staging.folder.path, output.path)
        } catch {
            try? Self.rename(retired.path, output.path)
            throw error
        }
        Self.removeTree(at: retired)
    }

    /// A folder beside the output, named after it, its role and this process.
    func sibling(_ role: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).marquee-\(role)-\(ProcessInfo.processInfo.processIdentifier)")
    }

    static func rename(_ from: String, _ to: String) throws {
        guard Foundation.rename(from, to) == 0 else { throw posixError(errno, to) }
    }

    static func posixError(_ code: Int32, _ path: String) -> Error {
        NSError(domain: NSPOSIXErrorDomain, code: Int(code), userInfo: [NSFilePathErrorKey: path])
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
            let target = folder.path + "/" + path
            // An image variant from the store is linked, not read and written again: a cached
            // build of a site with posters copies thousands of them. Where the output lies on
            // another file system (or links are refused), it is copied. The store gives only plain
            // files (`ImageStore.cached`), never a symbolic link.
            switch content {
            case .stored(let storePath):
                if let disk = source.diskPath(of: storePath), link(disk, target) == 0 { return }
            case .copy(let sourcePath):
                // A writer's file is copied, never linked (an edit of one would change the other),
                // but inside the kernel where it can be. The real path keeps the refusal of a link
                // that leads outside the site: a refused file goes on to `bytes`, which reports it.
                if let disk = source as? DiskFileSystem, let real = try? disk.realPathInside(sourcePath), marquee_copy_file(real, target) == 0 { return }
            case .bytes(let bytes):
                return try PlainFile.write(bytes, to: target)
            }
            try PlainFile.write(content.bytes(from: source), to: target)
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

    /// What builds killed part-way left beside the output: staging folders are removed; a
    /// previous build set aside (`-old-`) is put back when the output is missing, else removed.
    /// Runs under the output's lock, so no other build is using any of them.
    func recoverLeftovers() {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).marquee-"
        guard let entries = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        var info = stat()
        for entry in entries.sorted() where entry.hasPrefix(prefix) {
            let leftover = parent.appendingPathComponent(entry)
            let role = entry.dropFirst(prefix.count).prefix { $0 != "-" }
            if role == "old", lstat(output.path, &info) != 0,
               manager.fileExists(atPath: leftover.appendingPathComponent(Self.markerName).path),
               Foundation.rename(leftover.path, output.path) == 0 {
                continue
            }
            if ["new", "old", "update"].contains(role) { Self.removeTree(at: leftover) }
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
        if !isPlainRelative(path) {
            throw BuildFailure([.error(SourceLocation(path: path), "refusing to write outside the output folder", stage: .write)])
        }
    }

    /// No leading "/", no empty or ".." segment, no NUL byte: a path that stays inside the folder
    /// it is joined to. On bytes, one pass (this runs for every file of a build, before any is written).
    static func isPlainRelative(_ path: String) -> Bool {
        var segmentLength = 0
        var dots = 0
        for byte in path.utf8 {
            if byte == 0 { return false }
            if byte == UInt8(ascii: "/") {
                if segmentLength == 0 || (segmentLength == 2 && dots == 2) { return false }
                segmentLength = 0
                dots = 0
            } else {
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return segmentLength != 0 && !(segmentLength == 2 && dots == 2)
    }
}
