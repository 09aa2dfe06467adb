import Foundation

/// The old blog's addresses: which old URL (a permalink, `?p=123`, `?page_id=7`) was which item,
/// so links in bodies lead to the new pages and each old permalink becomes an alias.
struct OldAddresses {
    /// Hosts the old blog answered on (from its base URLs): an absolute link to one is internal.
    private var hosts: Set<String> = []
    /// The old blog's path (`/blog/` for a blog in a sub-folder), left out of aliases.
    private(set) var basePath = "/"
    private var byPath: [String: Int] = [:]
    private var byID: [String: Int] = [:]

    init(export: WXRExport) {
        for base in [export.baseBlogURL, export.baseSiteURL, export.link] {
            if let components = URLComponents(string: base.trimmed), let host = components.host?.lowercased() {
                hosts.insert(host)
                hosts.insert(host.hasPrefix("www.") ? String(host.dropFirst(4)) : "www." + host)
            }
        }
        if let components = URLComponents(string: (export.baseBlogURL.isEmpty ? export.link : export.baseBlogURL).trimmed) {
            basePath = components.percentEncodedPath.hasSuffix("/") ? components.percentEncodedPath : components.percentEncodedPath + "/"
        }
    }

    mutating func add(_ item: WXRItem, entry: Int) {
        if !item.postID.isEmpty { byID[item.postID] = entry }
        if let path = permalinkPath(item.link) { byPath[Self.key(path)] = entry }
    }

    /// The path of a permalink inside the old blog (`/2011/01/hello-world/`), nil for a `?p=` link.
    func permalinkPath(_ link: String) -> String? {
        guard let components = URLComponents(string: link.trimmed), components.query == nil, let host = components.host?.lowercased(),
              hosts.contains(host) else { return nil }
        var path = components.percentEncodedPath
        // An export's links can hold "//" (a page under a parent whose path ends in a slash).
        while path.contains("//") { path = path.replacingOccurrences(of: "//", with: "/") }
        guard path.hasPrefix(basePath) || path + "/" == basePath else { return nil }
        path = "/" + path.dropFirst(basePath.count)
        return path == "/" ? nil : path
    }

    /// The item an address in a body leads to, and the part after `#`, or nil for another address.
    func target(of url: String) -> Int? {
        guard let components = URLComponents(string: url.trimmed) else { return nil }
        if let host = components.host?.lowercased() {
            guard hosts.contains(host) else { return nil }
        } else if components.scheme != nil || !components.percentEncodedPath.hasPrefix("/") {
            return nil
        }
        if let items = components.queryItems {
            for name in ["p", "page_id", "attachment_id"] {
                if let id = items.first(where: { $0.name == name })?.value, let entry = byID[id] { return entry }
            }
            return nil
        }
        var path = components.percentEncodedPath
        while path.contains("//") { path = path.replacingOccurrences(of: "//", with: "/") }
        if path.hasPrefix(basePath) { path = "/" + path.dropFirst(basePath.count) }
        return byPath[Self.key(path)]
    }

    /// Paths compare without their final slash and percent-escapes.
    private static func key(_ path: String) -> String {
        var trimmed = path.removingPercentEncoding ?? path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed.lowercased()
    }
}
