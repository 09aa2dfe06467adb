import Foundation

/// A site's index and its files, made once per build from the assembled site and shared by the
/// jobs that write them and by the search page (its filters' choices). A rebuild after an edit
/// makes a new one from the edited site and keeps the files whose bytes changed.
final class SearchOutput: Sendable {
    let index: SearchIndex
    /// Path (relative to the output folder) → bytes.
    let files: [String: Data]
    /// The paths, sorted.
    let paths: [String]

    init(_ site: Site) {
        index = SearchIndex(site)
        let made = SearchFiles.files(index)
        paths = made.map(\.path)
        files = Dictionary(made.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
    }
}
