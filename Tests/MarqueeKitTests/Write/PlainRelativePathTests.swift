import Testing
@testable import MarqueeKit

@Suite struct PlainRelativePathTests {
    /// The byte scan answers as splitting on "/" does: no leading "/", no empty or ".." segment, no NUL.
    @Test func matchesTheSegmentRule() {
        let samples = ["index.html", "reviews/a/index.html", "/etc/passwd", "a/../b", "..", "../a", "a/..", "a//b", "a/", "",
                       "...", "a/.../b", ".a/..b/b..", "a/./b", ".", "a\u{0}b", "ré/..é", "a/.", "../", "..a", "a..", "x/y/z/.."]
        for path in samples {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            let expected = !(path.hasPrefix("/") || parts.contains("..") || parts.contains("") || path.utf8.contains(0))
            #expect(OutputWriter.isPlainRelative(path) == expected, "\(path.debugDescription)")
        }
    }
}
