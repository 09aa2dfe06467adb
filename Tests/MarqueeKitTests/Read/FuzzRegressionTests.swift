import Foundation
import Testing
import MarqueeKit

/// Every input that ever crashed the fuzz target (Sources/MarqueeFuzz, scripts/fuzz.sh) is kept in
/// `Fixtures/fuzz-regressions/NAME.md` and built here the way the fuzz target builds it: as the review
/// `content/reviews/x.md` of a small fixed site, with the text after a `=== site.yml` line, if any,
/// as the site's `site.yml` (and before it the text after a `=== comments` line as its comments
/// file). A build may succeed or fail; it must return. The example site's reviews
/// (the fuzzer's seeds) run through the same path, so the test has cases even while no crash is kept.
@Suite struct FuzzRegressionTests {
    static let folder = Paths.packageRoot.appendingPathComponent("Tests/MarqueeKitTests/Fixtures/fuzz-regressions")
    static let separator = Data("\n=== site.yml\n".utf8)
    /// Before it, this line starts the review's comments file.
    static let commentsSeparator = Data("\n=== comments\n".utf8)

    /// Must match `FuzzSite` in Sources/MarqueeFuzz/MarqueeFuzz.swift.
    static let siteYML = """
        title: Fuzz Reviews
        base_url: https://example.org/blog/
        author:
          name: Fuzzer
        paginate: 2
        rating_scale: 5

        """

    static let otherReview = """
        ---
        title: Other
        date: 2020-01-01
        rating: 4
        tags: [drama]
        category: French
        ---
        Another *review*.

        """

    /// Regression inputs, as paths relative to the package root.
    static var regressionCases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted()
            .map { "Tests/MarqueeKitTests/Fixtures/fuzz-regressions/\($0)" }
    }

    /// The fuzzer's seeds from the example site: every review file under content/reviews.
    static var exampleSeeds: [String] {
        let reviews = Paths.packageRoot.appendingPathComponent("content/reviews")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: reviews.path)) ?? []
        return names.sorted().compactMap { name in
            if name.hasSuffix(".md") { return "content/reviews/\(name)" }
            let index = reviews.appendingPathComponent(name).appendingPathComponent("index.md")
            return FileManager.default.fileExists(atPath: index.path) ? "content/reviews/\(name)/index.md" : nil
        }
    }

    static func site(for input: Data) -> InMemoryFileSystem {
        var review = input
        var site = Data(siteYML.utf8)
        if let range = input.range(of: separator) {
            review = input.subdata(in: input.startIndex..<range.lowerBound)
            site = input.subdata(in: range.upperBound..<input.endIndex)
        }
        var files = ["site.yml": site, "content/reviews/other.md": Data(otherReview.utf8)]
        if let range = review.range(of: commentsSeparator) {
            files["content/reviews/x.comments.yml"] = review.subdata(in: range.upperBound..<review.endIndex)
            review = review.subdata(in: review.startIndex..<range.lowerBound)
        }
        files["content/reviews/x.md"] = review
        return InMemoryFileSystem(data: files)
    }

    static func build(_ path: String) throws {
        let input = try Data(contentsOf: Paths.packageRoot.appendingPathComponent(path))
        switch Build.render(site(for: input), publishing: PublishingOptions(now: 1_893_456_000)) {
        case .success:
            break
        case .failure(let failure):
            // A failed build must say why.
            #expect(!failure.diagnostics.isEmpty, "\(path): the build failed without a diagnostic")
        }
    }

    @Test(arguments: regressionCases)
    func crashInputBuildsWithoutCrashing(path: String) throws {
        try Self.build(path)
    }

    @Test(arguments: exampleSeeds)
    func exampleSeedBuildsWithoutCrashing(path: String) throws {
        try Self.build(path)
    }

    @Test func theExampleSiteProvidesSeeds() {
        #expect(!Self.exampleSeeds.isEmpty)
    }
}
