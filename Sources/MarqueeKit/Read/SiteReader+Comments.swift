import Foundation

/// Which comments file belongs to which review or article. The rule: `<name>.comments.yml` beside
/// the post's file (`<name>.md`) or folder (`<name>/`), as `marquee import wordpress` writes it;
/// or, for a folder post, `comments.yml` inside the folder, beside `index.md`. One post has one.
struct CommentsFiles {
    static let suffix = ".comments.yml"
    /// The name of the comments file inside a folder post.
    static let inFolder = "comments.yml"

    /// The folder of posts (`content/reviews`).
    let folder: String
    /// The `<name>.comments.yml` files it holds.
    let names: Set<String>
    let reader: CommentsReader

    /// A folder post's files that are its own data, not files to publish beside its page.
    static func isBundleData(_ relative: String) -> Bool {
        relative == "index.md" || relative == inFolder
    }

    /// A warning for each `<name>.comments.yml` with no post named `<name>` beside it: its
    /// comments would otherwise vanish without a word (a review renamed, say).
    func reportUnclaimed(_ postNames: [String], what: String, _ diagnostics: inout Diagnostics) {
        let claimed = Set(postNames.map { $0 + Self.suffix })
        for name in names.subtracting(claimed).sorted() {
            let post = String(name.dropLast(Self.suffix.count))
            diagnostics.warning(SourceLocation(path: "\(folder)/\(name)"), "no \(what) beside this comments file: its comments are not shown",
                                hint: "it belongs beside \(folder)/\(post).md (or a folder \(folder)/\(post)/): rename it after its \(what)'s file")
        }
    }

    /// The comments of the post named `name` (its file's or folder's name), with what reading them found.
    func read(for name: String, bundle: String?, fileSystem: any SiteFileSystem) -> ([Comment], [Diagnostic]) {
        var paths: [String] = []
        if names.contains(name + Self.suffix) { paths.append("\(folder)/\(name)\(Self.suffix)") }
        if let bundle, fileSystem.kind(of: "\(bundle)/\(Self.inFolder)") == .file { paths.append("\(bundle)/\(Self.inFolder)") }
        guard let path = paths.first else { return ([], []) }
        var diagnostics: [Diagnostic] = []
        if paths.count > 1 {
            diagnostics.append(.error(SourceLocation(path: paths[1]), "a second comments file for \(bundle ?? name): \(paths[0]) is its comments file too",
                                      hint: "keep one: move these comments into \(paths[0]), then remove this file"))
        }
        let data: Data
        do { data = try fileSystem.contents(of: path) } catch {
            return ([], diagnostics + [SiteReader.readProblem(error, path: path)])
        }
        let (comments, found) = reader.read(data, path: path)
        return (comments, diagnostics + found)
    }
}
