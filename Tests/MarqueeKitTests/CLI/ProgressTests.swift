import Foundation
import Testing
@testable import MarqueeKit

/// The progress line of `marquee build` and `check`: on a terminal (a pseudo-terminal made by
/// python3's pty module), never in a pipe or under CI, and only for a build that takes a while.
@Suite struct ProgressTests {
    /// A site of 800 reviews (about 1,300 pages): long enough that several ticks of the line fall
    /// in the rendering, with MARQUEE_PROGRESS_AFTER=0 instead of the second a writer waits.
    static let site: Result<URL, any Error> = Result {
        var files: [String: String] = [:]
        for index in 1...800 {
            files["content/reviews/film-\(index).md"] = TestSite.review(title: "Film \(index)", extra: "tags: [t\(index % 40)]\nrecommend: [film-\(index % 800 + 1)]")
        }
        return try TestSite(files).writeToDisk()
    }

    /// What the command wrote to the terminal (standard output and error together), as bytes read.
    func onTerminal(_ arguments: [String], in folder: URL, environment extra: [String: String]) throws -> String {
        let binary = try #require(Paths.marqueeBinary, "the marquee executable was not built next to the tests")
        let python = try #require(Shell.which("python3"), "python3 runs the pseudo-terminal")
        let script = """
        import os, pty, sys
        out = bytearray()
        def read(fd):
            data = os.read(fd, 65536)
            out.extend(data)
            return data
        status = pty.spawn(sys.argv[1:], read)
        sys.stdout.write(out.decode("utf-8", "replace"))
        sys.exit(os.waitstatus_to_exitcode(status))
        """
        var environment = ProcessInfo.processInfo.environment.filter { $0.key != "CI" && $0.key != "MARQUEE_PROGRESS_AFTER" }
        environment["NO_COLOR"] = "1"
        environment["TERM"] = "xterm"
        environment.merge(extra) { $1 }
        let run = try Shell.run(python, ["-c", script, binary.path] + arguments, in: folder, environment: environment)
        #expect(run.status == 0, "\(run.output)")
        return run.output
    }

    /// Every text the line showed, in order (what follows each \r, up to the erase).
    func shownLines(_ output: String) -> [String] {
        output.components(separatedBy: "\r").dropFirst().compactMap { part in
            part.range(of: "\u{1B}[K").map { String(part[..<$0.lowerBound]) }
        }
    }

    @Test func aLongBuildShowsItsStageAndCountOnOneLine() throws {
        let site = try Self.site.get()
        let output = try onTerminal(["build", "--verbose", "--no-cache", "--output", Paths.temporaryFolder("progress").path], in: site,
                                    environment: ["MARQUEE_PROGRESS_AFTER": "0"])
        let summary = try #require(output.firstMatch(of: #/Built (\d{1,3}(,\d{3})+) pages \(([\d,]+) files\) into \S+ in [\d.]+ s \(read [\d.]+ s, assemble [\d.]+ s, render [\d.]+ s, check [\d.]+ s, write [\d.]+ s\)/#), "\(output.debugDescription)")
        let pages = String(summary.output.1)
        let shown = shownLines(output)
        let counts = shown.filter { $0.hasPrefix("Rendering ") }
        #expect(!counts.isEmpty, "\(output.debugDescription)")
        for line in shown where !line.isEmpty {
            let known = ["Reading the site", "Assembling reviews, taxonomies and recommendations", "Checking links", "Writing the output folder"].contains(line)
                || (line.wholeMatch(of: #/Rendering \d{1,3}(,\d{3})* \/ [\d,]+ pages/#) != nil && line.hasSuffix(" / \(pages) pages"))
            #expect(known, "\(line.debugDescription)")
        }
        // Cleared before the summary, which starts a line of its own.
        #expect(output.contains("\u{1B}[KBuilt \(pages) pages"))
        #expect(output.components(separatedBy: "\u{1B}[K").last?.hasPrefix("Built ") == true)
    }

    @Test func noProgressUnderCIOrInAPipe() throws {
        let site = try Self.site.get()
        let ci = try onTerminal(["check"], in: site, environment: ["MARQUEE_PROGRESS_AFTER": "0", "CI": "true"])
        #expect(!ci.contains("\u{1B}[K") && !ci.contains("Rendering"), "\(ci.debugDescription)")
        #expect(ci.contains("Checked 1,"))
        var environment = ProcessInfo.processInfo.environment.filter { $0.key != "CI" }
        environment["MARQUEE_PROGRESS_AFTER"] = "0"
        let binary = try #require(Paths.marqueeBinary)
        let piped = try Shell.run(binary.path, ["build", "--no-cache", "--output", Paths.temporaryFolder("piped").path], in: site, environment: environment)
        #expect(piped.status == 0)
        #expect(!piped.output.contains("\r") && !piped.output.contains("Rendering") && !piped.output.contains("Preview:"), "\(piped.output.debugDescription)")
        #expect(!ci.contains("Preview:"))
        #expect(piped.output.contains("Built 1,"))
    }

    /// A quick build, on a terminal, with the second's delay: the summary alone.
    @Test func aQuickBuildShowsNoProgress() throws {
        let site = Paths.temporaryFolder("quick")
        _ = try NewSite.create(at: site).get()
        let output = try onTerminal(["build"], in: site, environment: [:])
        let seconds = try #require(output.firstMatch(of: #/ in ([\d.]+) s/#).flatMap { Double($0.output.1) }, "\(output)")
        if seconds < 0.9 { #expect(!output.contains("\u{1B}[K"), "\(output.debugDescription)") }
        #expect(output.contains("Built "))
    }

    /// On a terminal a build ends with how to preview the site, and why opening its files does not
    /// work; the line names the site's own base path and the `--source` given.
    @Test func aBuildOnATerminalSaysHowToPreview() throws {
        let site = Paths.temporaryFolder("preview")
        _ = try NewSite.create(at: site).get()
        let output = try onTerminal(["build"], in: site, environment: [:])
        let lines = output.components(separatedBy: "\r\n")
        #expect(lines.contains("Preview: marquee serve — the pages link to /… addresses, which a browser opening public/index.html from disk cannot follow"), "\(output.debugDescription)")
        let under = try onTerminal(["build", "--source", site.lastPathComponent, "--base-url", "https://example.org/blog/", "--output", site.appendingPathComponent("out").path],
                                   in: site.deletingLastPathComponent(), environment: [:])
        #expect(under.components(separatedBy: "\r\n").contains(
            "Preview: marquee serve --source \(site.lastPathComponent) — the pages link to /blog/… addresses, which a browser opening \(site.lastPathComponent)/out/index.html from disk cannot follow"), "\(under.debugDescription)")
    }
}
