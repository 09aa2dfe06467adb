import Foundation

/// Checks for URLs that come from a writer's files and end up in `href`s.
enum URLSafety {
    /// An absolute http(s) URL with a host: the only kind a `{title, url}` recommendation or an
    /// author URL may hold, so that `javascript:` and friends never reach a link.
    static func isSafeAbsoluteURL(_ text: String) -> Bool {
        guard !text.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }),
              let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty else { return false }
        return true
    }
}
