import Foundation
import Testing
@testable import MarqueeKit

/// The `marquee` executable itself, run as a writer runs it (it has no test target of its own).
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var standardError: String
        /// Kept only when asked for (`output: true`).
        var standardOutput = ""
    }

    func marquee(_ arguments: [String], in folder: URL? = nil, output: Bool = false) throws -> Run {
        let binary = try #require(Paths.marqueeBinary, "the marquee executable was not built next to the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let errors = Pipe()
        let printed = Pipe()
        process.standardOutput = output ? printed : FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        // Standard output first, to its end: what these commands write to standard error is far
        // smaller than a pipe's buffer, so the process never waits on it meanwhile.
        let outputData = output ? printed.fileHandleForReading.readDataToEndOfFile() : Data()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, standardError: String(decoding: data, as: UTF8.self),
                   standardOutput: String(decoding: outputData, as: UTF8.self))
    }

    @Test func aMistypedCommandGetsASuggestion() throws {
        let run = try marquee(["biuld"])
        #expect(run.status == 2)
        #expect(run.standardError == "error: unknown command 'biuld' — did you mean 'build'?\n")
        #expect(try marquee(["new", "sitee", "x"]).standardError == "error: unknown command 'sitee' — did you mean 'site'?\n")
        #expect(try marquee(["chekc"]).standardError == "error: unknown command 'chekc' — did you mean 'check'?\n")
    }

    @Test func importOfABadExportExitsWithOneAndWritesNothing() throws {
        let folder = Paths.temporaryFolder("cli-import")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<rss>\n<channel>\n</rss>\n".utf8).write(to: folder.appendingPathComponent("bad.xml"))
        let run = try marquee(["import", "wordpress", "bad.xml", "--into", "site"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.hasPrefix("bad.xml:3:"))
        #expect(run.standardError.hasSuffix("import failed: nothing was written\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
    }

    @Test func importPrintsItsReportAndWritesASiteThatBuilds() throws {
        let folder = Paths.temporaryFolder("cli-import")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = Paths.packageRoot.appendingPathComponent("Tests/MarqueeKitTests/Fixtures/import/film-blog.xml").path
        let run = try marquee(["import", "wordpress", export, "--into", "blog"], in: folder, output: true)
        #expect(run.status == 0 && run.standardError == "")
        #expect(run.standardOutput.contains("into blog:\n  3 reviews (1 draft), 1 article, 1 page, 2 comments, 3 old addresses\n"))
        #expect(run.standardOutput.contains("Files: 7 written\nDone in "))
        let build = try marquee(["build", "--source", "blog", "--output", "out"], in: folder)
        #expect(build.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/reviews/children-of-heaven/index.html").path))
    }

    /// A word near no command keeps the parser's own message.
    @Test func aWordNearNoCommandGetsTheParsersMessage() throws {
        let run = try marquee(["publish"])
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("Error: Unexpected argument 'publish'"))
    }

    /// Near names only: up to two edits, fewer than half the name's letters; a swap of two letters is one.
    @Test(arguments: [("nwe", "new"), ("serv", "serve"), ("BUILD", "build"), ("bulid", "build"), ("x", nil), ("foo", nil), ("chck", "check")])
    func suggestions(word: String, suggestion: String?) throws {
        let message = try marquee([word]).standardError
        #expect(message == suggestion.map { "error: unknown command '\(word)' — did you mean '\($0)'?\n" } ?? message)
        if suggestion == nil { #expect(!message.contains("did you mean")) }
    }

    /// `marquee templates review`: every variable of review pages, `site` and `page` included, on
    /// standard output; the same text as the library prints.
    @Test func templatesShowsOneKindsVariables() throws {
        let run = try marquee(["templates", "review"], output: true)
        #expect(run.status == 0)
        #expect(run.standardError == "")
        #expect(run.standardOutput == TemplateVariablesReference.text(PageKind.referenceKinds, only: "review"))
        #expect(run.standardOutput.hasPrefix("review: a review's page (`/reviews/<slug>/`)\n"))
        for name in ["site.title", "page.canonical", "review.rating.text", "review.directors[].name"] {
            #expect(run.standardOutput.contains("\n  \(name) "), "no \(name)")
        }
        let markdown = try marquee(["templates", "--markdown"], output: true)
        #expect(markdown.status == 0)
        #expect(markdown.standardOutput == TemplateVariablesReference.markdown(PageKind.referenceKinds))
    }

    /// `marquee templates --words`: the ids of the theme's words, as docs/reference/theme-words.md lists them.
    @Test func templatesListsTheThemesWords() throws {
        let run = try marquee(["templates", "--words"], output: true)
        #expect(run.status == 0)
        #expect(run.standardOutput == ThemeWordsReference.markdown())
        #expect(run.standardOutput.contains("| `card.read_more` | `Read the review` |"))
    }

    @Test func anUnknownKindOfPageIsAUsageError() throws {
        let run = try marquee(["templates", "reveiw"], output: true)
        #expect(run.status == 2)
        #expect(run.standardError == "error: there is no kind of page 'reveiw' — did you mean 'review'?\n")
        #expect(run.standardOutput == "")
        // A mistyped `copy`: as a kind alone, and as a command when names follow it.
        #expect(try marquee(["templates", "cpoy"]).standardError == "error: there is no kind of page 'cpoy' — did you mean 'copy'?\n")
        #expect(try marquee(["templates", "cpoy", "review"]).standardError == "error: unknown command 'cpoy' — did you mean 'copy'?\n")
        let far = try marquee(["templates", "xyzzy"])
        #expect(far.status == 2)
        #expect(far.standardError == "error: there is no kind of page 'xyzzy' — the kinds are: review, article, home, term, taxonomy, archive, ratings, page, 404, search, review-card, article-card, rating-badge, site-header, site-footer\n")
    }

    /// `marquee templates copy` into a site: the default theme's file, and a refusal to overwrite it.
    @Test func templatesCopyWritesIntoTheSite() throws {
        let site = try TestSite(["content/reviews/a.md": TestSite.review()]).writeToDisk()
        defer { try? FileManager.default.removeItem(at: site) }
        let run = try marquee(["templates", "copy", "review-card"], in: site, output: true)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput == "Wrote templates/review-card.mustache: edit it, and the build uses it instead of the default theme's\n")
        #expect(try String(contentsOf: site.appendingPathComponent("templates/review-card.mustache"), encoding: .utf8) == DefaultTheme.templates["review-card"])
        let again = try marquee(["templates", "copy", "review-card"], in: site)
        #expect(again.status == 1)
        #expect(again.standardError.hasPrefix("templates/review-card.mustache:1:1: error: templates/review-card.mustache already exists; nothing was written"))
    }

    /// A diagnostic about a binary file (an unused image of `marquee check`) shows no line of it.
    @Test func aDiagnosticAboutABinaryFileShowsNoExcerpt() throws {
        let site = try TestSite(["content/reviews/a.md": TestSite.review()]).writeToDisk()
        defer { try? FileManager.default.removeItem(at: site) }
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
        png.append(contentsOf: [0xFF, 0xFE, 0x0A, 0x41])
        try FileManager.default.createDirectory(at: site.appendingPathComponent("static"), withIntermediateDirectories: true)
        try png.write(to: site.appendingPathComponent("static/unused.png"))
        let run = try marquee(["check"], in: site)
        let lines = run.standardError.split(separator: "\n", omittingEmptySubsequences: false)
        let warning = try #require(lines.firstIndex { $0.hasPrefix("static/unused.png:1:1: warning:") }, "\(run.standardError)")
        let next = lines.index(after: warning)
        #expect(next == lines.endIndex || !lines[next].hasPrefix("    "), "an excerpt was printed: \(run.standardError)")
        #expect(!run.standardError.contains("PNG"))
    }

    /// Help texts are wrapped by the argument parser (under 80 columns in a pipe): no line of a paragraph
    /// ends early, as one broken by hand would ("writes the whole\nsite to the output folder").
    @Test(arguments: [[], ["build"], ["check"], ["serve"], ["new"], ["new", "review"], ["new", "site"], ["templates"], ["templates", "copy"]])
    func helpIsWrappedByTheParser(command: [String]) throws {
        let run = try marquee(command + ["--help"], output: true)
        #expect(run.status == 0)
        let text = run.standardOutput
        let body = text.components(separatedBy: "\nUSAGE:")[0]
        for paragraph in body.components(separatedBy: "\n\n").dropFirst() where !paragraph.hasPrefix("Example") {
            let lines = paragraph.split(separator: "\n").map(String.init)
            for (line, next) in zip(lines, lines.dropFirst()) {
                let word = next.split(separator: " ").first.map(String.init) ?? ""
                #expect(line.count < 80)
                #expect(line.count + 1 + word.count >= 80, "'\(line)' is broken by hand before '\(word)'")
            }
        }
    }

    @Test func newSiteSaysWhatIsLeftToDoForItsHost() throws {
        let parent = Paths.temporaryFolder("new-site-cli")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let run = try marquee(["new", "site", "blog", "--host", "cloudflare"], in: parent, output: true)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("  wrangler.toml\n  marquee-build.sh\n"))
        #expect(run.standardOutput.contains("\nCloudflare Pages: connect the repository, set the build command to \"sh marquee-build.sh\", the output folder to public and the variable BASE_URL to the site's address (wrangler.toml names the output folder).\n"))
        #expect(run.standardOutput.hasSuffix("Next: cd blog && marquee serve\n"))
        // A scaffolded site checks clean.
        let check = try marquee(["check", "--strict"], in: parent.appendingPathComponent("blog"), output: true)
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput.hasSuffix(": 0 errors, 0 warnings\n"))
        let wrong = try marquee(["new", "site", "other", "--host", "pages"], in: parent)
        #expect(wrong.status == 2)
        #expect(wrong.standardError.contains("Please provide one of 'github', 'netlify' or 'cloudflare'"))
    }
}
