import Foundation

/// Finds the internal links of built pages that lead to no file: the check a reader's click makes.
enum LinkChecker {
    /// Every `href`/`src` value in an HTML text, entities decoded.
    static func links(in html: String) -> [String] {
        var result: [String] = []
        let pattern = #/(?:href|src)="([^"]*)"/#
        for match in html.matches(of: pattern) {
            result.append(String(match.output.1).replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'"))
        }
        return result
    }

    /// Internal links (under `basePath`) of every HTML file that name no file in `files`; links that
    /// leave the base path are broken too.
    static func brokenLinks(files: Set<String>, pages: [String: String], basePath: String) -> [String] {
        var broken: [String] = []
        for (path, html) in pages where path.hasSuffix(".html") {
            for link in links(in: html) {
                if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") || link.hasPrefix("#") { continue }
                var target = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? link
                target = target.removingPercentEncoding ?? target
                guard target.hasPrefix(basePath) else {
                    if target.hasPrefix("/") { broken.append("\(path): \(link) leaves \(basePath)") }
                    else { // relative to the page's folder
                        let folder = (path as NSString).deletingLastPathComponent
                        let resolved = ((folder.isEmpty ? "" : folder + "/") + target)
                        if !files.contains(resolved) { broken.append("\(path): \(link)") }
                    }
                    continue
                }
                var relative = String(target.dropFirst(basePath.count))
                if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
                if !files.contains(relative) { broken.append("\(path): \(link)") }
            }
        }
        return broken.sorted()
    }
}
