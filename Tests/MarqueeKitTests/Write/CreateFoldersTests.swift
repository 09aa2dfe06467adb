import Foundation
import Testing
@testable import MarqueeKit

@Suite struct CreateFoldersTests {
    /// Every folder the files need exists afterwards, parents before children, and nothing else is made.
    @Test func makesExactlyTheFoldersTheFilesNeed() throws {
        let manager = FileManager.default
        let root = Paths.temporaryFolder("folders")
        defer { try? manager.removeItem(at: root) }
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        var paths = ["index.html", "feed.xml", "reviews/a/index.html", "reviews/b/index.html", "tags/x/page/2/index.html",
                     "tags/x/index.html", "tags/y/page/2/index.html", "a/b/c/d/e/index.html"]
        // Enough folders at one level for every core to take part.
        paths += (0..<500).map { "reviews/r\($0)/index.html" }

        try OutputWriter.createFolders(for: paths, in: root.path)

        var made: [String] = []
        let walker = manager.enumerator(atPath: root.path)
        while let entry = walker?.nextObject() as? String { made.append(entry) }
        var expected = Set(["reviews", "reviews/a", "reviews/b", "tags", "tags/x", "tags/x/page", "tags/x/page/2",
                            "tags/y", "tags/y/page", "tags/y/page/2", "a", "a/b", "a/b/c", "a/b/c/d", "a/b/c/d/e"])
        expected.formUnion((0..<500).map { "reviews/r\($0)" })
        #expect(Set(made) == expected)
        #expect(made.count == expected.count)
        for folder in made {
            var isFolder: ObjCBool = false
            #expect(manager.fileExists(atPath: root.appendingPathComponent(folder).path, isDirectory: &isFolder) && isFolder.boolValue)
        }
    }

    /// A file where a folder must go is an error that names the path, not a crash or a silent skip.
    @Test func aFileInTheWayIsAnError() throws {
        let manager = FileManager.default
        let root = Paths.temporaryFolder("folders")
        defer { try? manager.removeItem(at: root) }
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("reviews"))

        #expect(throws: (any Error).self) { try OutputWriter.createFolders(for: ["reviews/a/index.html"], in: root.path) }
        do {
            try OutputWriter.createFolders(for: ["reviews/a/index.html"], in: root.path)
        } catch {
            #expect((error as NSError).userInfo[NSFilePathErrorKey] as? String == root.path + "/reviews/a")
        }
    }
}
