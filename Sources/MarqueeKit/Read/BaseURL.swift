/// Helpers for the base URL, which decides every link the site writes: it is checked whole when
/// read (from site.yml or `--base-url`), since a bad one would only show later, as a broken link
/// on every page.
public enum BaseURL {
    /// Why a base URL cannot be used; `hint`, when set, says how to fix this particular problem.
    public struct Problem: Error, Equatable {
        public let message: String
        public let hint: String?

        init(_ message: String, hint: String? = nil) {
            self.message = message
            self.hint = hint
        }
    }

    /// An absolute URL cut into its parts, as written (RFC 3986: `scheme://host[:port]path`).
    struct Parts {
        var scheme: String
        var host: Substring
        var port: Substring?
        var path: Substring
        var hasUserInfo: Bool
        /// Anything after the path: a query (`?`) or a fragment (`#`).
        var hasQueryOrFragment: Bool

        init?(_ text: String) {
            guard let scheme = URLSafety.scheme(of: text) else { return nil }
            self.scheme = scheme
            let rest = text.dropFirst(scheme.count + 1)
            guard rest.hasPrefix("//") else { return nil }
            let authorityAndPath = rest.dropFirst(2)
            let authorityEnd = authorityAndPath.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? authorityAndPath.endIndex
            var authority = authorityAndPath[..<authorityEnd]
            let afterAuthority = authorityAndPath[authorityEnd...]
            let pathEnd = afterAuthority.firstIndex { $0 == "?" || $0 == "#" } ?? afterAuthority.endIndex
            path = afterAuthority[..<pathEnd]
            hasQueryOrFragment = pathEnd != afterAuthority.endIndex
            hasUserInfo = authority.contains("@")
            if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
            // "[::1]:8080": the colons of an IPv6 address are inside the brackets.
            let portColon = authority.hasPrefix("[") ? authority.firstIndex(of: "]").flatMap { close in
                authority[close...].firstIndex(of: ":") } : authority.lastIndex(of: ":")
            if let portColon {
                host = authority[..<portColon]
                port = authority[authority.index(after: portColon)...]
            } else {
                host = authority
                port = nil
            }
        }
    }

    /// Checks and normalises a base URL: absolute http(s) with a host, a port from 1 to 65535 if
    /// any, a path of URL characters only, no query or fragment; it is returned ending in "/".
    public static func normalise(_ raw: String) -> Result<String, Problem> {
        let text = raw.trimmingWhitespace()
        let shown = MappingReader.preview(raw)
        guard let parts = Parts(text), parts.scheme == "http" || parts.scheme == "https", !parts.host.isEmpty else {
            return .failure(Problem("'\(shown)' is not an absolute http(s) URL"))
        }
        if parts.hasUserInfo {
            return .failure(Problem("'\(shown)' holds a user name or password (before '@')",
                                    hint: "remove it: every page of the site would show it"))
        }
        if let problem = hostProblem(parts.host, shown: shown) { return .failure(problem) }
        if let port = parts.port {
            guard !port.isEmpty, port.utf8.count <= 5, port.utf8.allSatisfy(URLSafety.isDigit), let number = Int(port), (1...65535).contains(number) else {
                let what = port.isEmpty ? "an empty port" : "the port '\(MappingReader.preview(String(port)))'"
                return .failure(Problem("'\(shown)' has \(what); a port is a number from 1 to 65535",
                                        hint: "give the port the site is served on, or none, as in https://example.org/"))
            }
        }
        if let problem = pathProblem(parts.path, shown: shown) { return .failure(problem) }
        if parts.hasQueryOrFragment {
            return .failure(Problem("'\(shown)' must not have a query or a fragment"))
        }
        var normalised = text
        if !normalised.hasSuffix("/") { normalised += "/" }
        return .success(normalised)
    }

    /// A registered name of letters, digits, `-` and `.`, or an IP literal in brackets.
    private static func hostProblem(_ host: Substring, shown: String) -> Problem? {
        let allowed: (UInt8) -> Bool
        var name = host
        if host.hasPrefix("[") {
            guard host.hasSuffix("]"), host.count > 2 else {
                return Problem("'\(shown)' has an IP address that is not closed with ']'", hint: "write it as https://[2001:db8::1]/")
            }
            name = host.dropFirst().dropLast()
            allowed = { URLSafety.isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }
        } else {
            allowed = { URLSafety.isASCIILetter($0) || URLSafety.isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
        }
        guard let bad = name.first(where: { !$0.utf8.allSatisfy(allowed) }) else { return nil }
        return Problem("'\(shown)' has \(describe(bad)) in its host, which a host name cannot hold",
                       hint: "write the host with letters, digits, '-' and '.' (an international name in its xn-- form)")
    }

    /// RFC 3986's path characters, and `%` followed by two hex digits.
    private static func pathProblem(_ path: Substring, shown: String) -> Problem? {
        let bytes = Array(path.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, URLSafety.isHexDigit(bytes[index + 1]), URLSafety.isHexDigit(bytes[index + 2]) else {
                    return Problem("'\(shown)' has a '%' in its path that is not followed by two hex digits",
                                   hint: "write '%' itself as %25")
                }
                index += 3
                continue
            }
            if byte != UInt8(ascii: "/"), !URLSafety.isPathCharacter(byte) {
                let offending = path.utf8.index(path.utf8.startIndex, offsetBy: index)
                let character = path[offending...].first ?? " "
                return Problem("'\(shown)' has \(describe(character)) in its path, which a URL cannot hold",
                               hint: "percent-encode it (a space is %20), or leave it out")
            }
            index += 1
        }
        return nil
    }

    /// "a space", "a control character" or "'<'", for a message.
    private static func describe(_ character: Character) -> String {
        if character == " " { return "a space" }
        if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
            return "a control character"
        }
        if character.isWhitespace { return "a space character" }
        return "'\(character)'"
    }

    /// The path part of a base URL, "/" or "/blog/": every link the site writes starts with it.
    public static func path(of baseURL: String) -> String {
        var path = Parts(baseURL).map { String($0.path) } ?? "/"
        if path.isEmpty { path = "/" }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }
}
