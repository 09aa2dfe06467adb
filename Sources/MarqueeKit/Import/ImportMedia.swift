import Foundation

/// Images and other uploads of the old blog, with `--media` (a copy of `wp-content/uploads`):
/// which addresses are uploads, and where each copied file goes and is linked from.
public enum ImportMedia {
    /// The path under `uploads/` of an address of the old blog's uploads (`2012/06/shelf.jpg`), or
    /// nil for another address. WordPress.com serves uploads from `<blog>.files.wordpress.com`.
    static func uploadPath(of url: String) -> String? {
        guard let components = URLComponents(string: url.trimmed) else { return nil }
        let path = components.percentEncodedPath
        var relative: Substring?
        if let range = path.range(of: "/wp-content/uploads/") {
            relative = path[range.upperBound...]
        } else if let host = components.host?.lowercased(), host.hasSuffix(".files.wordpress.com") {
            relative = path.dropFirst()
        }
        guard let relative, !relative.isEmpty, !relative.hasSuffix("/") else { return nil }
        let decoded = relative.removingPercentEncoding ?? String(relative)
        let parts = decoded.split(separator: "/")
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else { return nil }
        return parts.joined(separator: "/")
    }

    /// WordPress's resized copies are named `photo-300x200.jpg`: the original's name, or nil.
    static func originalName(of path: String) -> String? {
        guard let dot = path.lastIndex(of: "."), let dash = path[..<dot].lastIndex(of: "-") else { return nil }
        let size = path[path.index(after: dash)..<dot].split(separator: "x")
        guard size.count == 2, size.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        return String(path[..<dash] + path[dot...])
    }

    /// A lookup in a folder of uploads on disk: the file's full path, or its original's when only
    /// that was kept, or nil.
    public static func folderLookup(_ folder: URL) -> @Sendable (String) -> String? {
        let root = folder.standardizedFileURL.path
        return { relative in
            for candidate in [relative, originalName(of: relative)].compactMap({ $0 }) {
                let full = root + "/" + candidate
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue { return full }
            }
            return nil
        }
    }
}
