import Foundation
import Testing
@testable import MarqueeKit

@Suite struct RemoveTreeTests {
    /// The previous build's folder goes, whole; a symbolic link in it is removed, never followed.
    @Test func removesEverythingButNeverFollowsALink() throws {
        let manager = FileManager.default
        let root = Paths.temporaryFolder("remove")
        let outside = root.appendingPathComponent("outside")
        let tree = root.appendingPathComponent("old-build")
        defer { try? manager.removeItem(at: root) }
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("keep\n".utf8).write(to: outside.appendingPathComponent("keep.txt"))
        for path in ["index.html", "reviews/a/index.html", "reviews/b/index.html", "tags/x/page/2/index.html", "style.css"] {
            let url = tree.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        try manager.createSymbolicLink(at: tree.appendingPathComponent("linked"), withDestinationURL: outside)
        try manager.createSymbolicLink(at: tree.appendingPathComponent("reviews/linked"), withDestinationURL: outside)

        OutputWriter.removeTree(at: tree)

        #expect(!manager.fileExists(atPath: tree.path))
        #expect(manager.fileExists(atPath: outside.appendingPathComponent("keep.txt").path))
    }
}
