import Foundation

/// A file's modification time, size and inode: what tells, without reading it, that a file may
/// have changed (an editor that saves by replacing the file changes the inode).
public struct SourceStamp: Equatable, Sendable {
    public var modified: Int64
    public var size: Int64
    public var inode: UInt64 = 0

    public init(modified: Int64, size: Int64, inode: UInt64 = 0) {
        self.modified = modified
        self.size = size
        self.inode = inode
    }

    init(_ info: stat) {
        #if os(Linux)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #else
        modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #endif
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
    }

    /// The stamp of a file (not following a final symbolic link), nil when there is none.
    static func of(_ path: String) -> SourceStamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return SourceStamp(info)
    }
}

/// Every file (and folder) a build reads from a site folder, stamped: `site.yml`, `content/`,
/// `templates/` and `static/`, skipping names that start with a dot as the reader does. Keys are
/// relative to the site folder; folders end in "/" and carry their time only.
public enum SourceStamps {
    public static let watched = ["site.yml", "content", "templates", "static"]

    public typealias Listing = [(path: String, stamp: SourceStamp)]

    public static func snapshot(of root: URL) -> [String: SourceStamp] {
        Dictionary(list(of: root), uniquingKeysWith: { first, _ in first })
    }

    /// The same, in the order the folders list their files: two listings of unchanged folders
    /// line up entry for entry, and compare without hashing a path.
    public static func list(of root: URL) -> Listing {
        var result: Listing = []
        for name in watched {
            walk(root.appendingPathComponent(name).path, relative: name, depth: 0, into: &result)
        }
        return result
    }

    /// Files added, removed or modified between two snapshots; folders only when added or removed
    /// (a folder's time changes with every file saved in it, and those files are reported themselves).
    public static func difference(_ old: [String: SourceStamp], _ new: [String: SourceStamp]) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] == nil || (!path.hasSuffix("/") && old[path] != stamp) { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }

    public static func difference(_ old: Listing, _ new: Listing) -> Set<String> {
        guard old.count == new.count, zip(old, new).allSatisfy({ $0.path == $1.path }) else {
            return difference(Dictionary(old, uniquingKeysWith: { first, _ in first }), Dictionary(new, uniquingKeysWith: { first, _ in first }))
        }
        var changed = Set<String>()
        for (before, after) in zip(old, new) where !after.path.hasSuffix("/") && before.stamp != after.stamp { changed.insert(after.path) }
        return changed
    }

    /// With the directory's descriptor and `fstatat`: a stat per file and no path building by
    /// Foundation (the build cache stats every source before each build).
    private static func walk(_ path: String, relative: String, depth: Int, into result: inout Listing) {
        var info = stat()
        guard depth < 32, stat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            result.append((relative, SourceStamp(info)))
            return
        }
        result.append((relative + "/", SourceStamp(modified: SourceStamp(info).modified, size: 0)))
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        // A stat costs a few microseconds on these machines: 10,000 reviews in one folder are
        // stamped on all cores.
        let descriptor = dirfd(directory)
        let stats = names.count > 512 ? ConcurrentMap.map(names, { stamp(descriptor, $0) }) : names.map { stamp(descriptor, $0) }
        var folders: [String] = []
        for (name, found) in zip(names, stats) {
            guard let (info, isFolder) = found else { continue }
            if isFolder { folders.append(name) } else { result.append((relative + "/" + name, info)) }
        }
        for name in folders {
            walk(path + "/" + name, relative: relative + "/" + name, depth: depth + 1, into: &result)
        }
    }

    private static func stamp(_ directory: Int32, _ name: String) -> (SourceStamp, isFolder: Bool)? {
        var info = stat()
        guard fstatat(directory, name, &info, 0) == 0 else { return nil }
        return (SourceStamp(info), (info.st_mode & S_IFMT) == S_IFDIR)
    }
}
