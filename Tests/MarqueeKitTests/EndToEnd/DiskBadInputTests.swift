import Foundation
import Testing
@testable import MarqueeKit

/// Bad inputs that a text case file cannot hold: bytes that are not UTF-8, huge files, links.
@Suite struct DiskBadInputTests {
    let okReview = TestSite.review(title: "Fine")

    func site(_ files: [String: String] = [:]) throws -> URL {
        try TestSite(["content/reviews/fine.md": okReview].merging(files) { $1 }).writeToDisk()
    }

    func expectFailure(_ site: URL, _ expected: [String], options: (inout BuildOptions) -> Void = { _ in }) throws {
        let output = try PreviousOutput.make(in: site)
        let actual = try PreviousOutput.buildExpectingFailure(site: site, output: output, options: options)
        #expect(actual == expected.joined(separator: "\n"))
        try PreviousOutput.expectUntouched(output)
    }

    @Test func aFileThatIsNotUTF8() throws {
        let folder = try site()
        var bytes = Data("---\ntitle: Caf".utf8)
        bytes.append(0xE9) // Latin-1 é
        bytes.append(contentsOf: Data("\ndate: 2020-01-01\nrating: 4\n---\n".utf8))
        try bytes.write(to: folder.appendingPathComponent("content/reviews/latin1.md"))
        try expectFailure(folder, ["content/reviews/latin1.md:2:11: error: the file is not valid UTF-8 — save it as UTF-8 in your editor"])
    }

    @Test func aTwentyMegabyteFile() throws {
        let folder = try site()
        let big = TestSite.review(body: String(repeating: "word ", count: 4_200_000))
        try Data(big.utf8).write(to: folder.appendingPathComponent("content/reviews/big.md"))
        try expectFailure(folder, ["content/reviews/big.md:1:1: error: the file is 20 MB, more than the 10 MB a content file may have — split it, or move large media to static/"])
    }

    @Test func aSiteWithoutSiteYML() throws {
        let folder = try site()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("site.yml"))
        try expectFailure(folder, ["site.yml:1:1: error: no site.yml in the site folder — create site.yml with at least 'title' and 'base_url' (or run 'marquee new site DIR')"])
    }

    @Test func aSiteYMLThatIsNotUTF8() throws {
        let folder = try site()
        var bytes = Data("title: Caf".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Data("\nbase_url: https://example.org/\n".utf8))
        try bytes.write(to: folder.appendingPathComponent("site.yml"))
        try expectFailure(folder, ["site.yml:1:11: error: site.yml is not valid UTF-8 — save it as UTF-8 in your editor"])
    }

    @Test func aSymlinkLoop() throws {
        let folder = try site()
        let link = folder.appendingPathComponent("content/reviews/loop")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "loop")
        try expectFailure(folder, ["content/reviews/loop:1:1: error: refusing to follow a symbolic link: it cannot be resolved (a loop, or its target is missing) — replace the link with the file itself"])
    }

    @Test func aSymlinkOutOfTheSite() throws {
        let folder = try site(["static/style.css": "body{}"])
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("static/passwd").path, withDestinationPath: "/etc/passwd")
        let result = try PreviousOutput.buildExpectingFailure(site: folder, output: PreviousOutput.make(in: folder))
        #expect(result.hasPrefix("static/passwd:1:1: error: refusing to follow a symbolic link: it points outside the site folder"))
    }

    @Test func aDirectoryLinkInsideTheSiteIsWalkedOnce() throws {
        let folder = try site(["static/css/a.css": "a{}"])
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("static/css/again").path, withDestinationPath: "..")
        var options = BuildOptions(sourceDirectory: folder)
        options.now = TestSite.fixedNow
        guard case .success = Build.run(options) else { Issue.record("build failed"); return }
    }

    @Test func anUnreadableFile() throws {
        guard getuid() != 0 else { return } // root reads everything: nothing to test
        let folder = try site()
        let path = folder.appendingPathComponent("content/reviews/secret.md")
        try Data(okReview.utf8).write(to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path.path)
        let result = try PreviousOutput.buildExpectingFailure(site: folder, output: PreviousOutput.make(in: folder))
        #expect(result.hasPrefix("content/reviews/secret.md:1:1: error: cannot read the file"))
    }

    @Test func outputPointingAtTheSiteFolder() throws {
        let folder = try site()
        var options = BuildOptions(sourceDirectory: folder, outputDirectory: folder)
        options.now = TestSite.fixedNow
        guard case .failure(let failure) = Build.run(options) else { Issue.record("build succeeded"); return }
        #expect(failure.diagnostics.map(\.description) == ["--output:1:1: error: the output folder \(folder.standardizedFileURL.path) is the site folder or contains it; the build would replace your sources — write to a separate folder such as public/"])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site.yml").path))
    }

    @Test func outputHoldingASite() throws {
        let folder = try site()
        let other = try TestSite(["content/reviews/x.md": okReview]).writeToDisk()
        var options = BuildOptions(sourceDirectory: folder, outputDirectory: other)
        options.now = TestSite.fixedNow
        guard case .failure(let failure) = Build.run(options) else { Issue.record("build succeeded"); return }
        #expect(failure.diagnostics.first?.message.contains("holds site.yml: it looks like a site, not a build") == true)
        #expect(FileManager.default.fileExists(atPath: other.appendingPathComponent("content/reviews/x.md").path))
    }

    @Test func outputNotCreatedByMarqueeNeedsForce() throws {
        let folder = try site()
        let output = Paths.temporaryFolder("foreign")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: output.appendingPathComponent("notes.txt"))
        var options = BuildOptions(sourceDirectory: folder, outputDirectory: output)
        options.now = TestSite.fixedNow
        guard case .failure(let failure) = Build.run(options) else { Issue.record("build succeeded"); return }
        #expect(failure.diagnostics.first?.message.contains("was not created by Marquee") == true)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("notes.txt").path))
        options.force = true
        guard case .success = Build.run(options) else { Issue.record("forced build failed"); return }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("notes.txt").path))
    }

    @Test func aSuccessfulBuildReplacesTheWholeOutput() throws {
        let folder = try site()
        let output = try PreviousOutput.make(in: folder)
        var options = BuildOptions(sourceDirectory: folder, outputDirectory: output)
        options.now = TestSite.fixedNow
        guard case .success = Build.run(options) else { Issue.record("build failed"); return }
        let files = Paths.snapshot(output)
        #expect(files["reviews/old/index.html"] == nil) // stale pages do not survive
        #expect(files["reviews/fine/index.html"] != nil)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("marquee-") }
        #expect(siblings == [])
    }
}
