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
    private let realRoot: String

    public init(root: URL) {
        self.root = root.standardizedFileURL
        realRoot = Self.realPath(self.root.path) ?? self.root.path
    }

    public func contents(of path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: try realPathInside(path)), options: [])
    }

    public func entries(in directory: String) throws -> [DirectoryEntry]? {
        let full = directory.isEmpty ? root.path : root.appendingPathComponent(directory).path
        var info = stat()
        guard lstat(full, &info) == 0 else { return nil }
        let real = try realPathInside(directory)
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        let names = try FileManager.default.contentsOfDirectory(atPath: real)
        return names.sorted().map { name in
            DirectoryEntry(name: name, kind: kind(of: directory.isEmpty ? name : directory + "/" + name) ?? .other)
        }
    }

    public func kind(of path: String) -> EntryKind? {
        let full = root.appendingPathComponent(path).path
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
        root.appendingPathComponent(path).path
    }

    /// The real path of `path` (relative to the site), or the refusal when it lies outside the site.
    public func realPathInside(_ path: String) throws -> String {
        let full = path.isEmpty ? root.path : root.appendingPathComponent(path).path
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
