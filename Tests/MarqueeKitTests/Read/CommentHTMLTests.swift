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

    @Test func deepNestingIsBounded() {
        let deep = String(repeating: "<b>", count: 5_000) + "deep" + String(repeating: "</b>", count: 5_000)
        // (libxml2 gives up on the deepest part: no crash, and never more nesting than the limit.)
        #expect(html(deep).components(separatedBy: "<b>").count - 1 <= CommentHTML.maximumDepth)
        let nested = String(repeating: "<b>", count: 100) + "deep" + String(repeating: "</b>", count: 100)
        #expect(html(nested).contains("deep"))
        #expect(html(nested).components(separatedBy: "<b>").count - 1 <= CommentHTML.maximumDepth)
    }
}
