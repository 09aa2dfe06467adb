import Foundation

/// A file's modification time, size, inode and mode: what tells, without reading it, that a file
/// may have changed (an editor that saves by replacing the file changes the inode; `chmod`, or a
/// file replaced by a folder, a FIFO or a link, changes the mode).
public struct SourceStamp: Equatable, Sendable {
    public var modified: Int64
    public var size: Int64
    public var inode: UInt64 = 0
    /// `st_mode`: the file's type and permissions.
    public var mode: UInt32 = 0
    /// The entry is a symbolic link: the other fields are its target's when it has one, its own
    /// when it cannot be followed (a loop, a missing target).
    public var isLink = false

    public init(modified: Int64, size: Int64, inode: UInt64 = 0, mode: UInt32 = 0, isLink: Bool = false) {
        self.modified = modified
        self.size = size
        self.inode = inode
        self.mode = mode
        self.isLink = isLink
    }

    init(_ info: stat, isLink: Bool = false) {
        #if os(Linux)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #else
        modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #endif
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
        mode = UInt32(info.st_mode)
        self.isLink = isLink
    }

    /// A folder's stamp: its time and mode only (its size and inode say nothing of its files).
    init(folder info: stat, isLink: Bool = false) {
        self.init(info, isLink: isLink)
        size = 0
        inode = 0
    }

    var isFolder: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFDIR) }
    var isRegularFile: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFREG) }

    /// The stamp of a file (not following a final symbolic link), nil when there is none.
    static func of(_ path: String) -> SourceStamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return SourceStamp(info, isLink: (info.st_mode & S_IFMT) == S_IFLNK)
    }

    /// The stamp of the entry `name` in the folder open as `folder` (AT_FDCWD: a path), telling a
    /// symbolic link from what it points to: links are followed (a folder linked to is listed) but
    /// marked, and a link that cannot be followed is listed too, as itself.
    static func entry(_ name: UnsafePointer<CChar>, in folder: Int32) -> SourceStamp? {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFLNK else {
            return (info.st_mode & S_IFMT) == S_IFDIR ? SourceStamp(folder: info) : SourceStamp(info)
        }
        var target = stat()
        guard fstatat(folder, name, &target, 0) == 0 else { return SourceStamp(info, isLink: true) }
        return (target.st_mode & S_IFMT) == S_IFDIR ? SourceStamp(folder: target, isLink: true) : SourceStamp(target, isLink: true)
    }
}

/// Every file (and folder) a build reads from a site folder, stamped: `site.yml`, `content/`, `i18n/`,
/// `templates/` and `static/`, skipping names that start with a dot as the reader does. Keys are
/// relative to the site folder; folders end in "/" and carry their time and mode only. Symbolic
/// links are listed as what they point to, marked as links (`SourceStamp.isLink`).
public enum SourceStamps {
    public static let watched = ["site.yml", "content", "templates", "static", "i18n"]

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
    /// its name's bytes, its stamp (a folder's carries its time and mode only), and whether it is a folder.
    /// No path is built: a second build compares names with its cached listing as they come.
    static func walk(_ root: URL, _ visit: (String, UnsafeBufferPointer<UInt8>, SourceStamp, Bool) -> Void) {
        for name in watched {
            let path = root.appendingPathComponent(name).path
            guard let stamp = SourceStamp.entry(path, in: AT_FDCWD) else { continue }
            Array(name.utf8).withUnsafeBufferPointer { visit("", $0, stamp, stamp.isFolder) }
            if stamp.isFolder { walkFolder(path, relative: name, depth: 1, visit) }
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
        let stats: [SourceStamp?] = names.withUnsafeBufferPointer { buffer in
            let stamp = { (start: Int) -> SourceStamp? in
                guard let base = buffer.baseAddress else { return nil }
                return base.advanced(by: start).withMemoryRebound(to: CChar.self, capacity: 1) { SourceStamp.entry($0, in: descriptor) }
            }
            return starts.count > 512 ? ConcurrentMap.map(starts, stamp) : starts.map(stamp)
        }
        var folders: [(start: Int, stamp: SourceStamp)] = []
        names.withUnsafeBufferPointer { buffer in
            for (start, found) in zip(starts, stats) {
                guard let stamp = found else { continue }
                if stamp.isFolder { folders.append((start, stamp)); continue }
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
