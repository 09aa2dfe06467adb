import Foundation
import Testing
@testable import MarqueeKit

/// The search page in headless Chromium (`scripts/search-browser-test.py`, in the validators'
/// venv of ../shared/tools/validate-site): a small site with accented, Persian, Hindi and tagged
/// reviews, built under /blog/, searched as a reader would. Fails, never skips, when the browser
/// cannot run: `make test` installs it (`scripts/ensure-validators.sh`).
@Suite struct SearchBrowserTests {
    static func site() -> TestSite {
        func review(_ title: String, _ rating: String, _ year: Int, _ extra: String, _ body: String) -> String {
            TestSite.review(title: title, date: "20\(10 + year % 10)-01-0\(1 + year % 9)", rating: rating, extra: "year: \(year)\n\(extra)", body: body)
        }
        var files = [
            "content/reviews/children-of-heaven.md": review("Children of Heaven", "5", 1997,
                "director: Majid Majidi\noriginal_title: بچه‌های آسمان\noriginal_language: fa\ntags: [siblings, shoes]\ncategory: Iranian",
                "A lost pair of shoes, two children, and the whole world."),
            "content/reviews/baran.md": review("Baran", "4", 2001, "director: Majid Majidi\ntags: [love]\ncategory: Iranian",
                "A love story in which nobody says I love you."),
            "content/reviews/the-color-of-paradise.md": review("The Color of Paradise", "3", 1999, "director: Majid Majidi\ntags: [blindness]\ncategory: Iranian",
                "Reading the world with your fingertips."),
            "content/reviews/cleo.md": review("Cléo de 5 à 7", "4.5", 1962, "director: Agnès Varda\ntags: [paris]\ncategory: French",
                "Two hours of a singer's afternoon in Paris."),
            "content/reviews/pyaasa.md": review("Pyaasa", "4", 1957, "director: Guru Dutt\noriginal_title: प्यासा\ntags: [poetry]\ncategory: Indian",
                "A poet no one reads until they think he is dead."),
        ]
        for filler in fillers {
            let date = "20\(15 + filler.number / 12)-\(String(format: "%02d", 1 + filler.number % 12))-10"
            files["content/reviews/filler-\(filler.number).md"] = TestSite.review(title: filler.title, date: date, rating: filler.rating, extra: "year: 2005",
                body: filler.number % 3 == 0 ? "A lantern by the harbour, and not much else." : "Nothing happens here.")
        }
        return TestSite(files, siteYML: TestSite.siteYML)
    }

    /// Twenty-four more reviews, rated 1 to 4 (the other cases' filters leave them out), so that the
    /// documents fill three `docs/` files: the eight with "lantern harbour" in their excerpt
    /// alone are in none of a shard's leaders, so their rows come from those files.
    static let fillers: [(number: Int, title: String, rating: String)] = (1...24).map { ($0, "Filler \($0)", ["1", "2", "3", "3.5", "4"][$0 % 5]) }

    static var python: URL {
        let home = ProcessInfo.processInfo.environment["VALIDATORS_VENV"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/site-validators/venv")
        return home.appendingPathComponent("bin/python")
    }

    @Test func aReaderFindsReviewsByDirectorAccentlessTitlePersianTitleTagAndPrefix() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.python.path) else {
            Issue.record("no validators' venv at \(Self.python.path): run scripts/ensure-validators.sh (make test does)")
            return
        }
        let source = try Self.site().writeToDisk()
        let output = Paths.temporaryFolder("search-site")
        var options = BuildOptions(sourceDirectory: source, outputDirectory: output)
        options.now = TestSite.fixedNow
        options.baseURLOverride = "https://example.org/blog/"
        options.useCache = false
        if case .failure(let failure) = Build.run(options) { throw failure }

        let all = ["Children of Heaven", "Baran", "The Color of Paradise"]
        let lantern = Self.fillers.filter { $0.number % 3 == 0 }
        let cases: [String: Any] = [
            "folds": Dictionary(uniqueKeysWithValues: SearchFoldingTests.agreement.map { ($0, SearchFolding.terms($0)) }),
            "queries": [
                ["query": "q=majidi", "expect": all],
                ["query": "q=cleo", "expect": ["Cléo de 5 à 7"]],
                ["query": "q=AGNES+varda", "expect": ["Cléo de 5 à 7"]],
                ["query": "q=" + "بچه‌های".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!, "expect": ["Children of Heaven"]],
                ["query": "q=" + "آسمان".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!, "expect": ["Children of Heaven"]],
                ["query": "q=" + "प्यासा".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!, "expect": ["Pyaasa"]],
                ["query": "q=siblings", "expect": ["Children of Heaven"]],
                ["query": "q=parad", "expect": ["The Color of Paradise"]],
                ["query": "q=maj", "expect": all],
                ["query": "q=majid+baran", "expect": ["Baran"]],
                // A title before an excerpt, then by rating: "paris" is Cléo's tag and excerpt only.
                ["query": "q=love", "expect": ["Baran"], "first": "Baran"],
                ["query": "q=majidi&rating=8", "expect": ["Children of Heaven", "Baran"], "first": "Children of Heaven"],
                ["query": "q=majidi&rating=10", "expect": ["Children of Heaven"]],
                ["query": "rating=9", "expect": ["Children of Heaven", "Cléo de 5 à 7"]],
                ["query": "decade=1950", "expect": ["Pyaasa"]],
                ["query": "q=nothing-like-this", "expect": [String]()],
                // Rows from several docs/ files, in rank order: the best rating, then the newest.
                ["query": "q=lantern+harbour", "expect": lantern.map(\.title), "first": lantern.max { ($0.rating, $0.number) < ($1.rating, $1.number) }?.title ?? ""],
                ["query": "q=lantern+harbour&rating=8", "expect": lantern.filter { $0.rating == "4" }.map(\.title)],
            ],
            "typed": ["text": "majidi", "expect": all],
            "axe": "q=majidi",
        ]
        let casesFile = Paths.temporaryFolder("search-cases").appendingPathExtension("json")
        try JSONSerialization.data(withJSONObject: cases).write(to: casesFile)
        let process = Process()
        process.executableURL = Self.python
        process.arguments = [Paths.packageRoot.appendingPathComponent("scripts/search-browser-test.py").path, output.path, casesFile.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains(" passed, 0 failed"), "\(text)")
    }
}
