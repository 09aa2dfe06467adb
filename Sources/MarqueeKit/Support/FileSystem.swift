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

/// A site folder on disk. Symbolic links are followed only when they stay inside the site.
public struct DiskFileSystem: SiteFileSystem {
    public let root: URL
    private let realRoot: String

    public init(root: URL) {
        self.root = root.standardizedFileURL
        realRoot = Self.realPath(self.root.path) ?? self.root.path
    }

    public func contents(of path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path), options: [])
    }

    public func entries(in directory: String) throws -> [DirectoryEntry]? {
        let url = directory.isEmpty ? root : root.appendingPathComponent(directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        return names.sorted().map { name in
            DirectoryEntry(name: name, kind: kind(of: directory.isEmpty ? name : directory + "/" + name) ?? .other)
        }
    }

    public func kind(of path: String) -> EntryKind? {
        let full = root.appendingPathComponent(path).path
        var info = stat()
        guard lstat(full, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            guard let target = Self.realPath(full) else { return .unsafeLink("it cannot be resolved (a loop, or its target is missing)") }
            guard target == realRoot || target.hasPrefix(realRoot + "/") else { return .unsafeLink("it points outside the site folder, to \(target)") }
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
