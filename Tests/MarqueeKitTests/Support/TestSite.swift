import Foundation
@testable import MarqueeKit

/// A small site declared inline, path → text, as Hugo's and Zola's tests do.
struct TestSite {
    var files: [String: String]

    static let siteYML = """
        title: Test Reviews
        base_url: https://example.org/
        author:
          name: Tester
        paginate: 2
        """

    init(_ files: [String: String] = [:], siteYML: String = TestSite.siteYML) {
        self.files = ["site.yml": siteYML].merging(files) { $1 }
    }

    static func review(title: String = "A review", date: String = "2020-01-01", rating: String = "4", extra: String = "", body: String = "Body text.") -> String {
        """
        ---
        title: "\(title)"
        date: \(date)
        rating: \(rating)
        \(extra)
        ---

        \(body)
        """
    }

    /// 2030-01-01: reviews in the tests are never in this future.
    static let fixedNow: Int64 = 1_893_456_000

    func render(drafts: Bool = false, baseURL: String? = nil) -> Result<RenderedSite, BuildFailure> {
        Build.render(InMemoryFileSystem(files), baseURLOverride: baseURL,
                     publishing: PublishingOptions(includeDrafts: drafts, now: Self.fixedNow))
    }

    /// The rendered files as path → text; fails the test on a build failure.
    func pages(drafts: Bool = false, baseURL: String? = nil) throws -> [String: String] {
        switch render(drafts: drafts, baseURL: baseURL) {
        case .success(let result):
            var pages: [String: String] = [:]
            for file in result.files {
                if case .bytes(let data) = file.content { pages[file.path] = String(decoding: data, as: UTF8.self) }
                else { pages[file.path] = "(copy)" }
            }
            return pages
        case .failure(let failure):
            throw failure
        }
    }

    /// The diagnostics of a build expected to fail, as printed lines.
    func errors() -> [String] {
        switch render() {
        case .success: return []
        case .failure(let failure): return failure.diagnostics.map(\.description)
        }
    }

    /// Writes the site into a new temporary folder and returns it.
    func writeToDisk() throws -> URL {
        let folder = Paths.temporaryFolder("test")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }
}
