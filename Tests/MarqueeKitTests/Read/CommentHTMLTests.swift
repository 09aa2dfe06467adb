import Testing
@testable import MarqueeKit

/// The allow-list of comment HTML (`CommentHTML`): what is kept, what becomes text, what goes.
@Suite struct CommentHTMLTests {
    func html(_ text: String) -> String { CommentHTML.sanitise(text).html }

    @Test func plainTextBecomesParagraphsAndLineBreaks() {
        #expect(html("First line\nsecond line\n\nA new paragraph.") == "<p>First line<br>\nsecond line</p>\n<p>A new paragraph.</p>")
        #expect(CommentHTML.sanitise("One\n\n\n  \nTwo").text == "One\n\nTwo")
        #expect(html("  \n\n  ") == "")
    }

    @Test func allowedElementsStayWithoutTheirAttributes() {
        #expect(html(#"<p class="x" style="color:red" onclick="alert(1)">Hi <em id="e">there</em>, <strong>really</strong> <b>b</b> <i>i</i> <code>c</code></p>"#)
            == "<p>Hi <em>there</em>, <strong>really</strong> <b>b</b> <i>i</i> <code>c</code></p>")
        #expect(html("<blockquote>Quoted\n\nTwo</blockquote>\nReply") == "<blockquote>\n<p>Quoted</p>\n<p>Two</p>\n</blockquote>\n<p>Reply</p>")
        #expect(html("<pre>a\n\n  b &lt;c&gt;</pre>") == "<pre>a\n\n  b &lt;c&gt;</pre>")
    }

    @Test func linksKeepOnlyAnHTTPAddress() {
        #expect(html(#"<a href="https://example.org/?a=1&amp;b=2" title="t" target="_blank">site</a>"#)
            == #"<p><a href="https://example.org/?a=1&amp;b=2" rel="nofollow ugc">site</a></p>"#)
        for hostile in [#"javascript:alert(1)"#, "JAVASCRIPT:alert(1)", "&#106;avascript:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)",
                        "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x", "/relative", "//evil.example/x", "&#x6A;avascript&colon;alert(1)"] {
            let out = html("<a href=\"\(hostile)\">click</a>")
            #expect(out == "<p>click</p>", "\(hostile)")
        }
        #expect(html(#"<a href="https://a.example/">one <a href="https://b.example/">two</a></a>"#).components(separatedBy: "<a ").count - 1 <= 2)
        #expect(!html(#"<a href="https://a.example/"><em><a href="https://b.example/">x</a></em></a>"#).contains("<a href=\"https://a.example/\"><em><a"))
    }

    @Test func everythingElseIsTextOrNothing() {
        #expect(html("<script>alert(1)</script>Hello") == "<p>Hello</p>")
        #expect(html("<style>body{display:none}</style>Hi") == "<p>Hi</p>")
        #expect(html(#"<img src=x onerror="alert(1)">after"#) == "<p>after</p>")
        #expect(html(#"<iframe src="https://evil.example/"></iframe>x"#) == "<p>x</p>")
        #expect(html("</textarea><script>alert(1)</script>") == "")
        #expect(html("<textarea>keep</textarea>") == "<p>keep</p>")
        #expect(html(#"<div onmouseover="x"><span>in a span</span></div>"#) == "<p>in a span</p>")
        #expect(html("5 &lt; 6 &amp; <unknown>tag</unknown>") == "<p>5 &lt; 6 &amp; tag</p>")
        #expect(html("<!-- a comment -->text") == "<p>text</p>")
        #expect(html("<svg><script>alert(1)</script></svg>ok") == "<p>ok</p>")
        #expect(html(#"<p>"quoted" & 'single'</p>"#) == "<p>&quot;quoted&quot; &amp; &#39;single&#39;</p>")
    }

    @Test func otherBlocksKeepTheirTextApart() {
        #expect(html("<h2>Title</h2><ul><li>one</li><li>two</li></ul>") == "<p>Title</p>\n<p>one<br>\ntwo</p>")
        #expect(html("<address>1 Infinite Loop</address><h3>Anchor</h3>") == "<p>1 Infinite Loop</p>\n<p>Anchor</p>")
        // (libxml2 closes the <p> at the <div>, as browsers do.)
        #expect(html("<p>a <span>b</span><div>c</div> d</p>") == "<p>a b</p>\n<p>c</p>\n<p>d</p>")
        #expect(html("<em>in <blockquote>a quote</blockquote> here</em>") == "<p><em>in <br>\na quote<br>\n here</em></p>")
        #expect(html("<table><tr><td>a</td><td>b</td></tr></table><hr>") == "<p>a<br>\nb</p>")
    }

    @Test func deepNestingIsBounded() {
        let deep = String(repeating: "<b>", count: 5_000) + "deep" + String(repeating: "</b>", count: 5_000)
        // (libxml2 gives up on the deepest part: no crash, and never more nesting than the limit.)
        #expect(html(deep).components(separatedBy: "<b>").count - 1 <= CommentHTML.maximumDepth)
        let nested = String(repeating: "<b>", count: 100) + "deep" + String(repeating: "</b>", count: 100)
        #expect(html(nested).contains("deep"))
        #expect(html(nested).components(separatedBy: "<b>").count - 1 <= CommentHTML.maximumDepth)
    }
}

/// The allow-list holds whatever the input: made-up comments from pieces of HTML, hostile and
/// ordinary, in a fixed pseudo-random order (the same on every run).
@Suite struct CommentHTMLPropertyTests {
    static let pieces = [
        "<p>", "</p>", "<br>", "<br/>", "\n", "\n\n", "  ", "text", "5 < 6", "&amp;", "&#106;", "&lt;b&gt;", "<em>", "</em>", "<strong>",
        "</strong>", "<i>", "</i>", "<b>", "</b>", "<code>", "</code>", "<pre>", "</pre>", "<blockquote>", "</blockquote>",
        "<a href=\"https://ok.example/a?b=1&c=2\">", "<a href=\"javascript:alert(1)\">", "<a href='JAVASCRIPT:x'>", "<a href=\" java\tscript:x\">",
        "<a href=\"data:text/html,x\">", "<a>", "</a>", "<script>", "</script>", "alert(1)", "<style>", "</style>", "<img src=x onerror=alert(1)>",
        "<iframe src=x>", "</iframe>", "</textarea>", "<textarea>", "<div onclick=x>", "</div>", "<span style=x>", "</span>", "<!--", "-->",
        "<![CDATA[", "]]>", "<svg onload=x>", "</svg>", "<math>", "<table><tr><td>", "</td></tr></table>", "<ul><li>", "</li></ul>",
        "<p class=\"x\" id=\"y\">", "\"", "'", "<", ">", "=", "<a href=https://b.example/>", "<h1>", "</h1>", "<body>", "</html>", "<head>",
    ]

    static let allowed: Set<String> = ["p", "br", "em", "strong", "i", "b", "code", "pre", "blockquote", "a"]

    @Test func everyOutputHoldsOnlyTheAllowList() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let tag = try Regex(#"<(/?)([a-zA-Z0-9]+)([^>]*)>"#)
        for _ in 0..<5_000 {
            let input = (0..<(next() % 24)).map { _ in Self.pieces[next() % Self.pieces.count] }.joined()
            let (html, _) = CommentHTML.sanitise(input)
            var open: [String] = []
            for match in html.matches(of: tag) {
                let name = String(match.output[2].substring ?? "")
                #expect(Self.allowed.contains(name), "<\(name)> from \(input)")
                let attributes = String(match.output[3].substring ?? "")
                if name == "a", match.output[1].substring != "/" {
                    #expect(attributes.hasPrefix(" href=\"https://") && attributes.hasSuffix("\" rel=\"nofollow ugc\""), "\(attributes) from \(input)")
                    #expect(!open.contains("a"), "a link in a link from \(input)")
                } else {
                    #expect(attributes.isEmpty, "\(attributes) from \(input)")
                }
                // Tags nest: each end tag closes the last open element.
                if match.output[1].substring == "/" {
                    #expect(open.popLast() == name, "</\(name)> from \(input)")
                } else if name != "br" {
                    open.append(name)
                }
            }
            #expect(open.isEmpty, "unclosed \(open) from \(input)")
            #expect(!html.replacing(tag, with: "").contains("<"), "a bare < from \(input)")
            // Cleaning what was cleaned changes nothing.
            #expect(CommentHTML.sanitise(html).html == html, "not stable: \(input)")
        }
    }
}
