import Testing
@testable import MarqueeKit

@Suite struct HTMLScannerTests {
    @Test func findsLinksAndIdsAsABrowserReadsThem() {
        let html = """
            <a href="/a/">A</a> <img src='/i.png' alt="x=1"> <h2 id="top">T</h2>
            <a data-href="/not/" HREF="/b/?x=1&amp;y=2">B</a><p title="a = b">=</p><div class="x"id="glued"></div>
            <span\tid="tabbed"></span> <a href="/unterminated
            """
        let result = HTMLScanner.scan(Array(html.utf8))
        #expect(result.links == ["/a/", "/i.png", "/b/?x=1&y=2", "/unterminated"])
        #expect(result.ids == ["top", "tabbed"])
    }

    @Test func emptyAndTinyInputs() {
        #expect(HTMLScanner.scan([]).links.isEmpty)
        #expect(HTMLScanner.scan(Array("=".utf8)).links.isEmpty)
        #expect(HTMLScanner.scan(Array("href=\"".utf8)).links == [""])
    }

    /// Links in the direct set are left out, by their bytes; the others (and every id) are kept,
    /// an entity-encoded one decoded first, as without the set.
    @Test func skipsTheDirectLinksOnly() {
        let html = """
            <a href="/a/">A</a> <a href="/b/?x=1&amp;y=2">B</a> <img src="/i.png"> <a href="/a">x</a>
            <h2 id="/a/">T</h2> <a href="">e</a> <a href="/c/">C</a> <a href="/a/
            """
        let direct = DirectLinks(["/a/", "/b/?x=1&y=2", "/i.png", ""])
        let all = HTMLScanner.scan(Array(html.utf8))
        let kept = Array(html.utf8).withUnsafeBytes { HTMLScanner.scan($0, skipping: direct) }
        #expect(all.links == ["/a/", "/b/?x=1&y=2", "/i.png", "/a", "", "/c/", "/a/"])
        // The encoded one is kept: the link check looks its decoded form up again.
        #expect(kept.links == ["/b/?x=1&y=2", "/a", "/c/"])
        #expect(kept.ids == all.ids)
    }

    /// The byte table answers as a `Set<String>` of the same links would.
    @Test func directLinksMatchASetOfStrings() {
        var links: [String] = []
        for n in 0..<3000 { links.append("/blog/reviews/r\(n)/") }
        links += ["", "/", "/é/", "/blog/tags/a b/"]
        let table = DirectLinks(links + links.prefix(10)) // repeats are one entry
        let set = Set(links)
        #expect(table.count == set.count)
        for probe in links + ["/blog/reviews/r3000/", "/blog/reviews/r1", "/blog/reviews/r1//", "/e/", "x"] {
            #expect(table.contains(probe) == set.contains(probe), "\(probe)")
        }
        #expect(!DirectLinks([]).contains("") && DirectLinks([]).isEmpty)
        var grown = DirectLinks(capacity: 0) // past its room, the table grows
        for var link in links { link.withUTF8 { grown.insert(UnsafeRawBufferPointer($0)) } }
        #expect(grown.count == set.count && links.allSatisfy(grown.contains) && !grown.contains("/blog/reviews/r3000/"))
    }
}
