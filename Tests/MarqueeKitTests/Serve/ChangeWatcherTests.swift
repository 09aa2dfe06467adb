import Testing
@testable import MarqueeServer
import MarqueeKit

@Suite struct ChangeWatcherTests {
    typealias Stamp = SourceStamp

    /// The files saved, added or removed; a folder only when it appears or goes (its time changes
    /// with every file saved in it, and those files are reported themselves).
    @Test func reportsChangedFilesAndOnlyNewOrRemovedFolders() {
        let old: [String: Stamp] = [
            "content/": Stamp(modified: 1, size: 0),
            "content/reviews/": Stamp(modified: 1, size: 0),
            "content/reviews/a.md": Stamp(modified: 1, size: 10, inode: 7),
            "content/reviews/b.md": Stamp(modified: 1, size: 10, inode: 8),
            "content/reviews/c.md": Stamp(modified: 1, size: 10, inode: 9),
            "static/old/": Stamp(modified: 1, size: 0),
        ]
        var new = old
        new["content/reviews/"] = Stamp(modified: 2, size: 0)                       // touched by the saves: not reported
        new["content/reviews/a.md"] = Stamp(modified: 2, size: 10, inode: 7)          // saved in place
        new["content/reviews/b.md"] = Stamp(modified: 1, size: 10, inode: 99)         // replaced by a rename, same time and size
        new["content/reviews/d.md"] = Stamp(modified: 2, size: 3, inode: 10)          // added
        new["static/old/"] = nil                                                       // removed
        new["static/new/"] = Stamp(modified: 2, size: 0)                               // added
        #expect(ChangeWatcher.difference(old, new) == ["content/reviews/a.md", "content/reviews/b.md", "content/reviews/d.md", "static/old/", "static/new/"])
        #expect(ChangeWatcher.difference(old, old).isEmpty)
    }
}
