import Foundation
import Testing
@testable import MarqueeKit

/// A writer's own files (static/, a folder post's files) are copied into the output inside the
/// kernel where it can be (`marquee_copy_file`), never linked: an edit of the output's copy leaves
/// the writer's file as it was. A link that leads outside the site is still refused.
@Suite struct StaticCopyTests {
    @Test func aStaticFileIsCopiedWholeAndNeverShared() throws {
        // Bigger than one copy_file_range or pipe buffer, and not a multiple of a page.
        let big = Data((0..<(3 * 1_048_576 + 17)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) })
        let folder = try TestSite(["content/reviews/fine.md": TestSite.review(title: "Fine"), "static/style.css": "body{}", "static/empty.txt": ""]).writeToDisk()
        defer { try? FileManager.default.removeItem(at: folder) }
        try big.write(to: folder.appendingPathComponent("static/big.bin"))
        var options = BuildOptions(sourceDirectory: folder)
        options.now = TestSite.fixedNow
        if case .failure(let failure) = Build.run(options) { throw failure }
        let output = folder.appendingPathComponent("public")
        #expect(try Data(contentsOf: output.appendingPathComponent("big.bin")) == big)
        #expect(try Data(contentsOf: output.appendingPathComponent("empty.txt")).isEmpty)
        #expect(try Data(contentsOf: output.appendingPathComponent("style.css")) == Data("body{}".utf8))
        let copy = output.appendingPathComponent("style.css").path
        #expect(Paths.inode(copy) != Paths.inode(folder.appendingPathComponent("static/style.css").path))
        try Data("changed".utf8).write(to: URL(fileURLWithPath: copy))
        #expect(try String(contentsOf: folder.appendingPathComponent("static/style.css"), encoding: .utf8) == "body{}")
    }

    @Test func aStaticLinkOutOfTheSiteIsStillRefused() throws {
        let folder = try TestSite(["content/reviews/fine.md": TestSite.review(title: "Fine")]).writeToDisk()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("static"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("static/passwd").path, withDestinationPath: "/etc/passwd")
        var options = BuildOptions(sourceDirectory: folder)
        options.now = TestSite.fixedNow
        guard case .failure(let failure) = Build.run(options) else { Issue.record("a link to /etc/passwd was copied"); return }
        #expect(failure.description.contains("static/passwd"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("public/passwd").path))
    }
}
