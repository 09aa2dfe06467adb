import Foundation
import Testing
@testable import MarqueeKit

/// The bad-input corpus: every `Fixtures/bad-input/NAME.case` is a small broken site whose build must
/// fail with exactly the diagnostics in `NAME.expected`, and leave the previous output untouched.
/// Set MARQUEE_RECORD=1 to write the `.expected` files from the current output (then read them!).
@Suite struct BadInputTests {
    static let corpus = Paths.packageRoot.appendingPathComponent("Tests/MarqueeKitTests/Fixtures/bad-input")

    static var caseNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { $0.hasSuffix(".case") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test func theCorpusIsLarge() {
        #expect(Self.caseNames.count >= 40)
    }

    @Test(arguments: caseNames)
    func caseFailsWithItsExactDiagnostics(name: String) throws {
        let text = try String(contentsOf: Self.corpus.appendingPathComponent("\(name).case"), encoding: .utf8)
        var files = CaseFile.parse(text)
        if files["site.yml"] == nil { files["site.yml"] = TestSite.siteYML }
        let site = try TestSite(files, siteYML: files["site.yml"] ?? TestSite.siteYML).writeToDisk()
        let output = try PreviousOutput.make(in: site)
        let actual = try PreviousOutput.buildExpectingFailure(site: site, output: output)
        let expectedURL = Self.corpus.appendingPathComponent("\(name).expected")
        if ProcessInfo.processInfo.environment["MARQUEE_RECORD"] == "1" {
            try (actual + "\n").write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected.trimmingCharacters(in: .newlines))
        try PreviousOutput.expectUntouched(output)
    }
}

/// A `public/` from an earlier good build, to prove a failed build leaves it byte for byte as it was.
enum PreviousOutput {
    static let files = ["index.html": "<p>previous build</p>\n", "reviews/old/index.html": "old\n", OutputWriter.markerName: OutputWriter.markerText]

    static func make(in site: URL) throws -> URL {
        let output = site.appendingPathComponent("public")
        for (path, text) in files {
            let url = output.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return output
    }

    /// `allowingStaging`: a killed build may leave its staging folder behind (the next build removes it).
    static func expectUntouched(_ output: URL, allowingStaging: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let snapshot = Paths.snapshot(output).mapValues { String(decoding: $0, as: UTF8.self) }
        #expect(snapshot == files, sourceLocation: sourceLocation)
        if !allowingStaging {
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).filter { $0.contains("marquee-") }
            #expect(leftovers == [], sourceLocation: sourceLocation)
        }
    }

    /// Builds and returns the diagnostics, one per line; records an issue if the build succeeded.
    static func buildExpectingFailure(site: URL, output: URL, options configure: (inout BuildOptions) -> Void = { _ in }) throws -> String {
        var options = BuildOptions(sourceDirectory: site, outputDirectory: output)
        options.now = TestSite.fixedNow
        configure(&options)
        switch Build.run(options) {
        case .success:
            Issue.record("the build succeeded")
            return ""
        case .failure(let failure):
            #expect(failure.diagnostics.contains { $0.severity == .error })
            return failure.diagnostics.map(\.description).joined(separator: "\n")
        }
    }
}
