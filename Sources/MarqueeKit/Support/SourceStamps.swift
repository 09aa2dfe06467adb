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
        walk(root) { folder, name, stamp, isFolder in
            let path = (folder.isEmpty ? "" : folder + "/") + String(decoding: name, as: UTF8.self) + (isFolder ? "/" : "")
            result.append((path, stamp))
        }
        return result
    }

    /// Every entry in listing order: the folder it is in ("" for the watched names themselves),
    /// its name's bytes, its stamp (a folder's carries its time only), and whether it is a folder.
    /// No path is built: a second build compares names with its cached listing as they come.
    static func walk(_ root: URL, _ visit: (String, UnsafeBufferPointer<UInt8>, SourceStamp, Bool) -> Void) {
        for name in watched {
            var info = stat()
            guard stat(root.appendingPathComponent(name).path, &info) == 0 else { continue }
            let bytes = Array(name.utf8)
            let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            bytes.withUnsafeBufferPointer { visit("", $0, isFolder ? SourceStamp(modified: SourceStamp(info).modified, size: 0) : SourceStamp(info), isFolder) }
            if isFolder { walkFolder(root.appendingPathComponent(name).path, relative: name, depth: 1, visit) }
        }
    }

    /// Files added, removed or modified between two snapshots; folders only when added or removed
    /// (a folder's time changes with every file saved in it, and those files are reported themselves).
    public static func difference(_ old: [String: SourceStamp], _ new: [String: SourceStamp]) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] == nil || (!path.hasSuffix("/") && old[path] != stamp) { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }

    /// With the directory's descriptor and `fstatat`; the names in one buffer (no string per file).
    private static func walkFolder(_ path: String, relative: String, depth: Int,
                                   _ visit: (String, UnsafeBufferPointer<UInt8>, SourceStamp, Bool) -> Void) {
        guard depth < 32, let directory = opendir(path) else { return }
        defer { closedir(directory) }
        var names: [UInt8] = [] // NUL-terminated, one after another
        var starts: [Int] = []
        while let entry = readdir(directory) {
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let name = raw.prefix(while: { $0 != 0 })
                guard let first = name.first, first != UInt8(ascii: ".") else { return }
                starts.append(names.count)
                names.append(contentsOf: name)
                names.append(0)
            }
        }
        // A stat costs a few microseconds on these machines: 10,000 reviews in one folder are
        // stamped on all cores.
        let descriptor = dirfd(directory)
        let stats: [(SourceStamp, isFolder: Bool)?] = names.withUnsafeBufferPointer { buffer in
            let stamp = { (start: Int) -> (SourceStamp, isFolder: Bool)? in
                guard let base = buffer.baseAddress else { return nil }
                var info = stat()
                let found = base.advanced(by: start).withMemoryRebound(to: CChar.self, capacity: 1) { fstatat(descriptor, $0, &info, 0) }
                guard found == 0 else { return nil }
                let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                return (isFolder ? SourceStamp(modified: SourceStamp(info).modified, size: 0) : SourceStamp(info), isFolder)
            }
            return starts.count > 512 ? ConcurrentMap.map(starts, stamp) : starts.map(stamp)
        }
        var folders: [(start: Int, stamp: SourceStamp)] = []
        names.withUnsafeBufferPointer { buffer in
            for (start, found) in zip(starts, stats) {
                guard let (stamp, isFolder) = found else { continue }
                if isFolder { folders.append((start, stamp)); continue }
                let end = buffer[start...].firstIndex(of: 0) ?? buffer.count
                visit(relative, UnsafeBufferPointer(rebasing: buffer[start..<end]), stamp, false)
            }
        }
        for (start, stamp) in folders {
            let name = String(decoding: names[start...].prefix(while: { $0 != 0 }), as: UTF8.self)
            Array(name.utf8).withUnsafeBufferPointer { visit(relative, $0, stamp, true) }
            walkFolder(path + "/" + name, relative: relative + "/" + name, depth: depth + 1, visit)
        }
    }
}
