import Foundation

/// What a folder entry is, as the site reader needs to know it.
public enum EntryKind: Hashable, Sendable {
    case file
    case directory
    /// A symbolic link whose target lies outside the site folder, or that cannot be resolved (a loop, a dangling link).
    case unsafeLink(String)
    case other
}

public struct DirectoryEntry: Hashable, Sendable {
    public var name: String
    public var kind: EntryKind
    public init(name: String, kind: EntryKind) {
        self.name = name
        self.kind = kind
    }
}

/// The one seam between the reader and the disk: everything the read stage learns about a site's
/// files goes through here, so tests can use an in-memory site. Paths are relative to the site
/// folder and use "/".
public protocol SiteFileSystem: Sendable {
    func contents(of path: String) throws -> Data
    /// Entries sorted by name; nil when the folder does not exist.
    func entries(in directory: String) throws -> [DirectoryEntry]?
    func kind(of path: String) -> EntryKind?
    /// The absolute path on disk, when there is one (copies of static files are made from it).
    func diskPath(of path: String) -> String?
    /// The file system to use for one read of the whole site: it may remember what it learns of
    /// the folders (their real paths) for as long as that read lasts, and no longer.
    func forOneRead() -> any SiteFileSystem
}

extension SiteFileSystem {
    public func forOneRead() -> any SiteFileSystem { self }
}

/// Why a file of the site is not read: its real path (every symbolic link on the way resolved)
/// leaves the site folder, or cannot be resolved. Raised before the file is opened, so nothing of
/// it can reach the output or a diagnostic.
public struct OutsideSiteRefusal: Error, CustomStringConvertible, Sendable {
    public let path: String
    /// "it points outside the site folder, to /etc/passwd", or why it cannot be resolved.
    public let why: String

    public var description: String { "refusing to follow a symbolic link: \(why)" }
}

/// A site folder on disk. One rule for every file and folder read through it: its real path must
/// lie inside the site folder's real path, whichever of its components is a link (the site's
/// top-level folders and `site.yml` included); otherwise it is refused, unopened.
public struct DiskFileSystem: SiteFileSystem {
    public let root: URL
    /// `root.path` with a slash after it (just "/" for the root), made once: `URL.path` is
    /// computed afresh on every call, and a site with posters joins paths by the thousand.
    private let rootPrefix: String
    private let realRoot: String
    /// The real paths of the folders files were read from, during one read of the site.
    private let folders: FolderMemo?

    public init(root: URL) {
        self.root = root.standardizedFileURL
        let path = self.root.path
        rootPrefix = path == "/" ? "/" : path + "/"
        realRoot = Self.realPath(path) ?? path
        folders = nil
    }

    private init(_ other: DiskFileSystem, folders: FolderMemo) {
        root = other.root
        rootPrefix = other.rootPrefix
        realRoot = other.realRoot
        self.folders = folders
    }

    /// A copy that resolves each folder once: a site's 10,000 reviews share a folder, and
    /// resolving every file's whole path (`realpath`, a `readlink` per component) cost seven
    /// system calls a file. Only for one read: a folder may become a link between two builds.
    public func forOneRead() -> any SiteFileSystem {
        DiskFileSystem(self, folders: FolderMemo())
    }

    public func contents(of path: String) throws -> Data {
        if let folders, let data = try contentsBesideResolvedFolder(path, folders) { return data }
        return try Data(contentsOf: URL(fileURLWithPath: try realPathInside(path), isDirectory: false), options: [])
    }

    /// The file read from its folder's real path (resolved once), refusing to follow a link as
    /// its last component; nil when it is not a plain file there (a link, missing, unreadable),
    /// which the full resolution then reports as it always does.
    private func contentsBesideResolvedFolder(_ path: String, _ folders: FolderMemo) throws -> Data? {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? ""
        let name = slash.map { path[path.index(after: $0)...] } ?? path[...]
        guard !name.isEmpty, name != ".", name != ".." else { return nil }
        let realFolder: String
        if let known = folders.realPath(of: folder) { realFolder = known } else {
            realFolder = try realPathInside(folder)
            folders.remember(realFolder, for: folder)
        }
        let descriptor = open(realFolder + "/" + name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return PlainFile.readAll(descriptor, expected: Int(info.st_size))
    }

    public func entries(in directory: String) throws -> [DirectoryEntry]? {
        let full = fullPath(directory)
        var info = stat()
        guard lstat(full, &info) == 0 else { return nil }
        let real = try realPathInside(directory)
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        if let listed = Self.listing(real) {
            // The kind the folder's own listing gives, for plain files and folders; a link (or a
            // file system that does not say) is looked at as `kind(of:)` does.
            return listed.sorted { $0.name < $1.name }.map { name, type in
                let path = directory.isEmpty ? name : directory + "/" + name
                switch Int32(type) {
                case Int32(DT_REG): return DirectoryEntry(name: name, kind: .file)
                case Int32(DT_DIR): return DirectoryEntry(name: name, kind: .directory)
                case Int32(DT_LNK), Int32(DT_UNKNOWN): return DirectoryEntry(name: name, kind: kind(of: path) ?? .other)
                default: return DirectoryEntry(name: name, kind: .other)
                }
            }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: real)
        return names.sorted().map { name in
            DirectoryEntry(name: name, kind: kind(of: directory.isEmpty ? name : directory + "/" + name) ?? .other)
        }
    }

    /// The names in a folder with the type `readdir` gives each (no `lstat` a name: a folder of
    /// 10,000 reviews is listed on one core before anything is read); nil when it cannot be
    /// opened or a name is not valid UTF-8, for `FileManager` to list it and say why. (Also
    /// how the image store lists `.marquee/images`.)
    static func listing(_ folder: String) -> [(name: String, type: UInt8)]? {
        guard let handle = opendir(folder) else { return nil }
        defer { closedir(handle) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(handle) {
            let type = entry.pointee.d_type
            let name: String? = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)) { String(validatingCString: $0) }
            }
            guard let name else { return nil }
            if name == "." || name == ".." { continue }
            entries.append((name, type))
        }
        return entries
    }

    public func kind(of path: String) -> EntryKind? {
        let full = fullPath(path)
        var info = stat()
        guard lstat(full, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            do { _ = try realPathInside(path) } catch let refusal as OutsideSiteRefusal { return .unsafeLink(refusal.why) } catch { return .other }
            guard stat(full, &info) == 0 else { return .unsafeLink("its target cannot be read") }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    public func diskPath(of path: String) -> String? {
        fullPath(path)
    }

    /// The path on disk of `path` (relative to the site), by joining strings: `URL`'s
    /// `appendingPathComponent` asks the disk whether each name is a folder (a `stat` a file).
    private func fullPath(_ path: String) -> String {
        path.isEmpty ? root.path : rootPrefix + path
    }

    /// The real path of `path` (relative to the site), or the refusal when it lies outside the site.
    public func realPathInside(_ path: String) throws -> String {
        let full = fullPath(path)
        guard let real = Self.realPath(full) else {
            var info = stat()
            if lstat(full, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
                throw OutsideSiteRefusal(path: path, why: "it cannot be resolved (a loop, or its target is missing)")
            }
            // Missing, or a folder on the way is: the ordinary "no such file" of the caller.
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: full])
        }
        guard Self.isInside(real, realRoot) else {
            throw OutsideSiteRefusal(path: path, why: "it points outside the site folder, to \(real)")
        }
        return real
    }

    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Folder (relative to the site) → its real path, shared by the threads of one read.
private final class FolderMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [String: String] = [:]

    func realPath(of folder: String) -> String? { lock.withLock { paths[folder] } }
    func remember(_ real: String, for folder: String) { lock.withLock { paths[folder] = real } }
}

/// A site held in memory, for tests: path → bytes.
public struct InMemoryFileSystem: SiteFileSystem {
    public var files: [String: Data]

    public init(_ files: [String: String]) {
        self.files = files.mapValues { Data($0.utf8) }
    }

    public init(data: [String: Data]) {
        files = data
    }

    public func contents(of path: String) throws -> Data {
        guard let data = files[path] else { throw CocoaError(.fileNoSuchFile) }
        return data
    }

    public func entries(in directory: String) throws -> [DirectoryEntry]? {
        let prefix = directory.isEmpty ? "" : directory + "/"
        var result: [String: EntryKind] = [:]
        for path in files.keys where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") {
                result[String(rest[..<slash])] = .directory
            } else {
                result[String(rest)] = .file
            }
        }
        if result.isEmpty { return nil }
        return result.keys.sorted().map { DirectoryEntry(name: $0, kind: result[$0] ?? .file) }
    }

    public func kind(of path: String) -> EntryKind? {
        if files[path] != nil { return .file }
        return files.keys.contains { $0.hasPrefix(path + "/") } ? .directory : nil
    }

    public func diskPath(of path: String) -> String? { nil }
}
