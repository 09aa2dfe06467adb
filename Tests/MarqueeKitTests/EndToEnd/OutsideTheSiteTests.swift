import Foundation
import Testing
@testable import MarqueeKit

/// Nothing outside the site folder is read, whichever component of a path is the link, and a
/// refused file is never opened: its contents appear in no diagnostic.
@Suite struct OutsideTheSiteTests {
    let secret = "TOP-SECRET-LINE=1\n"

    func siteAndOutside() throws -> (site: URL, outside: URL) {
        let site = try TestSite(["content/reviews/fine.md": TestSite.review(title: "Fine")]).writeToDisk()
        let outside = Paths.temporaryFolder("outside")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("reviews"), withIntermediateDirectories: true)
        try Data(secret.utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try Data(TestSite.review(title: "Elsewhere").utf8).write(to: outside.appendingPathComponent("reviews/elsewhere.md"))
        return (site, outside)
    }

    func link(_ site: URL, _ path: String, to target: String) throws {
        let url = site.appendingPathComponent(path)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    @Test func siteYMLLinkedOutsideIsRefusedUnread() throws {
        let (site, outside) = try siteAndOutside()
        defer { try? FileManager.default.removeItem(at: site); try? FileManager.default.removeItem(at: outside) }
        try link(site, "site.yml", to: outside.appendingPathComponent("secret.txt").path)
        let printed = try PreviousOutput.buildExpectingFailure(site: site, output: PreviousOutput.make(in: site))
        #expect(printed.hasPrefix("site.yml:1:1: error: refusing to follow a symbolic link: it points outside the site folder"))
        #expect(!printed.contains("TOP-SECRET"))
    }

    @Test func aTopLevelFolderLinkedOutsideIsRefused() throws {
        let (site, outside) = try siteAndOutside()
        defer { try? FileManager.default.removeItem(at: site); try? FileManager.default.removeItem(at: outside) }
        try link(site, "content/reviews", to: outside.appendingPathComponent("reviews").path)
        try link(site, "static", to: outside.path)
        let output = try PreviousOutput.make(in: site)
        let printed = try PreviousOutput.buildExpectingFailure(site: site, output: output)
        #expect(printed.contains("content/reviews:1:1: error: refusing to follow a symbolic link: it points outside the site folder"))
        #expect(printed.contains("static:1:1: error: refusing to follow a symbolic link: it points outside the site folder"))
        try PreviousOutput.expectUntouched(output)
    }

    @Test func theDiagnosticExcerptNeverOpensARefusedFile() throws {
        let (site, outside) = try siteAndOutside()
        defer { try? FileManager.default.removeItem(at: site); try? FileManager.default.removeItem(at: outside) }
        try link(site, "content/reviews/env.md", to: outside.appendingPathComponent("secret.txt").path)
        let files = DiskFileSystem(root: site)
        #expect(throws: OutsideSiteRefusal.self) { try files.contents(of: "content/reviews/env.md") }
        #expect(throws: OutsideSiteRefusal.self) { try files.entries(in: "content/reviews/env.md") }
        // What the console's excerpt reads through: nothing of the file.
        #expect((try? files.contents(of: "content/reviews/env.md")).flatMap { DiagnosticPrinter.line(1, of: $0) } == nil)
    }

    @Test func binaryFilesHaveNoExcerpt() {
        #expect(DiagnosticPrinter.line(1, of: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])) == nil)
        #expect(DiagnosticPrinter.line(2, of: Data("a\nb\n".utf8)) == "b")
    }
}
