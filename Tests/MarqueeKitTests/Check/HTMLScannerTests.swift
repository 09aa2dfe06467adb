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
}
