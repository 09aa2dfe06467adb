import Foundation

/// The line a successful `marquee build` ends with on a terminal: opened from disk, the built pages
/// show unstyled and their links lead nowhere, because every link starts with the base path
/// (`/blog/style.css` is `file:///blog/style.css` there), and nothing on the page says so.
/// Not printed in a pipe or under CI, where nobody opens the files.
enum PreviewHint {
    static func line(baseURL: String, source: String, output: String) -> String {
        let path = URL(string: baseURL)?.path ?? "/"
        let base = path.hasSuffix("/") ? path : path + "/"
        let serve = source == "." ? "marquee serve" : "marquee serve --source \(source)"
        return "Preview: \(serve) — the pages link to \(base)… addresses, which a browser opening \(output)/index.html from disk cannot follow"
    }

    static func applies(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        isatty(STDOUT_FILENO) == 1 && environment["CI"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    }
}
