import Foundation
import Yams

/// Reads `aliases:`: one address or a list, each from the site's root as the old site served it
/// (`/2012/03/24/a-separation/`, `/movies/barbie.html`), or a full URL under the site's base URL.
/// Marquee adds the base path, as it does to every link.
enum AliasReader {
    static func read(_ node: Node, baseURL: String, _ reader: inout MappingReader) -> [Alias] {
        var aliases: [Alias] = []
        for (text, item) in reader.scalarOrList("aliases", node, one: "an address", many: "addresses",
                                                hint: "write aliases: [/2012/03/24/a-separation/]", entryHint: "write aliases: [/old/address/, /another/]") {
            switch parse(text.trimmingWhitespaceAndNewlines(), baseURL: baseURL) {
            case .success(let (file, url)):
                aliases.append(Alias(file: file, url: url, location: reader.document.location(of: item)))
            case .failure(let problem):
                reader.error(item, "the alias '\(MappingReader.preview(item))' \(problem.message)", hint: problem.hint)
            }
        }
        return aliases
    }

    struct Problem: Error {
        var message: String
        var hint: String
    }

    /// The output file and encoded URL of an alias, or why it cannot be one.
    static func parse(_ text: String, baseURL: String) -> Result<(file: String, url: String), Problem> {
        var path = text
        if path.hasPrefix("http://") || path.hasPrefix("https://") {
            guard path.hasPrefix(baseURL) else {
                return .failure(Problem(message: "is not an address of this site (\(baseURL))",
                                        hint: "an alias is an old address of this site, written from its root: /2012/03/24/a-separation/"))
            }
            path = "/" + path.dropFirst(baseURL.count)
        }
        guard path.hasPrefix("/") else {
            return .failure(Problem(message: "does not start with /", hint: "write it from the site's root, as the old site served it: /2012/03/24/a-separation/"))
        }
        if path.contains("?") || path.contains("#") {
            return .failure(Problem(message: "holds a query or a fragment", hint: "a static host serves one file per path: leave out what follows ? or #"))
        }
        guard let decoded = path.removingPercentEncodingIfAny else {
            return .failure(Problem(message: "has a % that starts no escape", hint: "write %25 for a percent sign"))
        }
        if decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) {
            return .failure(Problem(message: "holds a control character or a backslash", hint: "write the address with / between its parts"))
        }
        let isFolder = decoded.hasSuffix("/")
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let named = isFolder ? segments.dropLast() : segments[...]
        for segment in named {
            if segment.isEmpty || segment == "." || segment == ".." {
                return .failure(Problem(message: "has an empty, '.' or '..' part", hint: "write each part of the address between single slashes"))
            }
            if let tooLong = FileNameTooLong.check(segment, what: "a part of the alias") {
                return .failure(Problem(message: "is too long: " + tooLong.message, hint: FileNameTooLong.hint))
            }
        }
        let joined = named.joined(separator: "/")
        let isFile = !isFolder && (joined.lowercased().hasSuffix(".html") || joined.lowercased().hasSuffix(".htm"))
        let file = isFile ? joined : (joined.isEmpty ? "" : joined + "/") + "index.html"
        let url = named.map(Permalinks.encode).joined(separator: "/") + (isFolder && !named.isEmpty ? "/" : "")
        return .success((file, url))
    }
}
