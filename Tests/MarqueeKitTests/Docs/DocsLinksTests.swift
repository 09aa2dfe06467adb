import Foundation
import Testing

/// Every link between README.md and the files of docs/ resolves: a relative link names a file of
/// the repository, and its `#anchor` a heading of that file, as GitHub shows them.
@Suite struct DocsLinksTests {
    /// README.md and every .md file under docs/, by path from the package root.
    static func markdownFiles() throws -> [String: String] {
        let root = Paths.packageRoot
        var files: [String: String] = ["README.md": try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)]
        let docs = root.appendingPathComponent("docs")
        let enumerator = try #require(FileManager.default.enumerator(atPath: docs.path))
        for case let path as String in enumerator where path.hasSuffix(".md") {
            files["docs/" + path] = try String(contentsOf: docs.appendingPathComponent(path), encoding: .utf8)
        }
        return files
    }

    @Test func everyLinkOfTheDocsResolves() throws {
        let files = try Self.markdownFiles()
        #expect(files.count > 10, "README.md and docs/ should be read from \(Paths.packageRoot.path)")
        let documents = files.mapValues(DocsLinks.read)
        let root = Paths.packageRoot
        let problems = files.keys.sorted().flatMap { file in
            DocsLinks.problems(in: file, documents: documents) { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        // The README leads to the docs: a reader finds the guide and the reference from it.
        let readmeTargets = Set(documents["README.md"]?.links.map(\.url) ?? [])
        for page in ["docs/guide/README.md", "docs/reference/README.md", "docs/publishing.md"] {
            #expect(readmeTargets.contains(page), "README.md does not link \(page)")
        }
    }

    @Test(arguments: [
        ("site.yml", "siteyml"),
        ("Old addresses (aliases)", "old-addresses-aliases"),
        ("How suggestions are scored: a worked example", "how-suggestions-are-scored-a-worked-example"),
        ("`marquee build`", "marquee-build"),
        ("Every page: `site` and `page` and `words`", "every-page-site-and-page-and-words"),
        ("Les Quatre Cents Coups — 1959", "les-quatre-cents-coups--1959"),
        ("داستان فیلم", "داستان-فیلم"),
    ])
    func anchorsAreGitHubs(heading: String, anchor: String) {
        #expect(DocsLinks.anchor(heading) == anchor)
    }

    /// The checker itself: links are read from the syntax tree (not from code blocks), and a missing
    /// file, a missing anchor and a second heading of one name are told apart.
    @Test func brokenLinksAreFound() {
        let guide = DocsLinks.read("""
            # Guide

            ## Ratings

            ## Ratings

            See [the keys](../reference/keys.md#rating), [ratings](#ratings-1), [again](#ratings-2),
            [gone](missing.md) and ![a picture](../shot.png).

            ```
            [not a link](nowhere.md)
            ```
            """)
        #expect(guide.links.map(\.url) == ["../reference/keys.md#rating", "#ratings-1", "#ratings-2", "missing.md", "../shot.png"])
        #expect(guide.links.first?.line == 7)
        let keys = DocsLinks.read("# Keys\n\n## `rating`\n")
        let problems = DocsLinks.problems(in: "docs/guide/a.md", documents: ["docs/guide/a.md": guide, "docs/reference/keys.md": keys]) { $0 == "docs/shot.png" }
        #expect(problems == [
            "docs/guide/a.md:7: #ratings-2: docs/guide/a.md has no heading with the anchor #ratings-2",
            "docs/guide/a.md:8: missing.md names no file (docs/guide/missing.md)",
        ])
        let outside = DocsLinks.problems(in: "README.md", documents: ["README.md": DocsLinks.read("[x](../../etc/passwd) [y](/docs/a.md)")]) { _ in true }
        #expect(outside == ["README.md:1: ../../etc/passwd leads out of the repository",
                            "README.md:1: /docs/a.md starts with /, which GitHub reads from its own root: write it relative to README.md"])
    }
}
