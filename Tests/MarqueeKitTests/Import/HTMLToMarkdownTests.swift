import Foundation
import Testing
@testable import MarqueeKit

/// Bodies from WordPress's HTML to Markdown, and what cmark makes of the result.
@Suite struct HTMLToMarkdownTests {
    func markdown(_ html: String, classic: Bool = true, rewrite: @escaping (String) -> String = { $0 }) -> String {
        var converter = HTMLToMarkdown(classic: classic, rewrite: rewrite)
        return MarkdownBlock.join(converter.convert(HTMLTree.parse(html)))
    }

    func html(_ markdown: String) -> String {
        MarkdownRenderer(options: MarkdownOptions(smartPunctuation: false)).html(markdown)
    }

    @Test func classicBodiesGetWordPressParagraphsAndLineBreaks() {
        #expect(markdown("One line\nand the next.\n\nA new paragraph.") == "One line\\\nand the next.\n\nA new paragraph.")
        // A newline after <br> is not a second break; newlines around blocks are none.
        #expect(markdown("a<br />\nb\n<ul>\n<li>x</li>\n</ul>\nc") == "a\\\nb\n\n- x\n\nc")
    }

    @Test func blockEditorBodiesAreHTMLAsShown() {
        let body = "<!-- wp:paragraph -->\n<p>One\nparagraph</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:heading -->\n<h2>Title</h2>\n<!-- /wp:heading -->"
        #expect(markdown(body, classic: false) == "One paragraph\n\n## Title")
    }

    @Test func emphasisLinksImagesAndCode() {
        #expect(markdown(#"<em>a</em> <strong>bold words</strong> <a href="https://x.org/a b" title='T "q" \'>link</a> <img src="/i.png" alt="A [b]"> <code>x`y</code>"#)
            == #"*a* **bold words** [link](https://x.org/a%20b "T \"q\" \\") ![A \[b\]](/i.png) ``x`y``"#)
        // Emphasis whose text starts or ends with punctuation keeps its tag: `*` might not close there.
        #expect(markdown("a<strong>“quoted”</strong>b <em> spaced </em>") == "a<strong>“quoted”</strong>b  *spaced*")
        // Punctuation at its edge with a space or the paragraph's end beside it: `*` still opens and closes.
        #expect(markdown("Blocks: <em>Paragraph, image.</em>") == "Blocks: *Paragraph, image.*")
        #expect(markdown("<strong>“Quoted”</strong>, he said") == "**“Quoted”**, he said")
        #expect(html(markdown("Blocks: <em>Paragraph, image.</em> <strong>“Quoted”</strong>, he said")) == "<p>Blocks: <em>Paragraph, image.</em> <strong>“Quoted”</strong>, he said</p>\n")
    }

    @Test func textThatLooksLikeMarkdownIsEscaped() {
        #expect(markdown("# not a heading\n1. not a list\n*stars* and [brackets] &amp;copy; snake_case _x_") ==
            "\\# not a heading\\\n1\\. not a list\\\n\\*stars\\* and \\[brackets\\] \\&copy; snake_case \\_x\\_")
        #expect(html(markdown("# not a heading\n1. not a list\n*stars* &amp;copy; _x_")) ==
            "<p># not a heading<br />\n1. not a list<br />\n*stars* &amp;copy; _x_</p>\n")
    }

    @Test func listsQuotesAndHeadings() {
        #expect(markdown("<ol start=\"3\"><li>three<ul><li>nested</li></ul></li><li>four</li></ol>") == "3. three\n   - nested\n4. four")
        #expect(markdown("<blockquote>Quoted\n\nTwo</blockquote>") == "> Quoted\n>\n> Two")
        #expect(markdown("<h3>A <em>heading</em></h3>") == "### A *heading*")
    }

    @Test func moreMovesToALineOfItsOwn() {
        #expect(markdown("Before the cut.<!--more--> After it.") == "Before the cut.\n\n<!--more-->\n\nAfter it.")
        #expect(markdown("<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->\n<p>x</p>", classic: false) == "<!--more-->\n\nx")
    }

    @Test func aPreWithBlankLinesSurvivesCmarkIntact() {
        let pre = "<pre>line one\n\n\tindented &lt;tag&gt;\n\nend</pre>"
        let converted = markdown("Text\n\n" + pre + "\n\nAfter")
        #expect(converted == "Text\n\n" + pre + "\n\nAfter")
        #expect(html(converted) == "<p>Text</p>\n" + pre + "\n<p>After</p>\n")
    }

    @Test func tablesAndFiguresStayHTMLWithoutBlankLines() {
        let table = "<table>\n\n<tr><td>a\n\n</td></tr>\n\n</table>"
        let converted = markdown(table)
        #expect(!converted.contains("\n\n"))
        #expect(html(converted).contains("<td>a\n</td>"))
        // A <pre> inside a table keeps its blank lines as &#10;, which the browser reads as newlines.
        #expect(markdown("<figure><pre>a\n\nb</pre><figcaption>c</figcaption></figure>") == "<figure><pre>a&#10;&#10;b</pre><figcaption>c</figcaption></figure>")
        // A figure with only an image is the image.
        #expect(markdown("<figure class=\"wp-block-image\"><img src=\"a.jpg\" alt=\"A\"/></figure>", classic: false) == "![A](a.jpg)")
        // An element CommonMark does not start a block with is wrapped in a <div>.
        #expect(markdown("<video controls src=\"v.mp4\"></video>") == "<div>\n<video controls=\"\" src=\"v.mp4\"></video>\n</div>")
    }

    @Test func anEmptyCaptionGoesAndAWordyCiteIsLeftOut() {
        #expect(markdown(#"<dl id="attachment_612" class="wp-caption"><dt class="wp-caption-dt"></dt></dl>&nbsp;"#) == "") // (a paragraph of one no-break space, a spacer, goes too)
        var converter = HTMLToMarkdown(classic: true)
        #expect(MarkdownBlock.join(converter.convert(HTMLTree.parse(#"<del cite="deleted it">old</del> <q cite="https://x.org/">q</q>"#)))
            == #"<del>old</del> <q cite="https://x.org/">q</q>"#)
        #expect(converter.modernised == [#"cite="deleted it""#])
    }

    @Test func obsoleteElementsBecomeTheirHTML5Equivalents() {
        var converter = HTMLToMarkdown(classic: true)
        let converted = MarkdownBlock.join(converter.convert(HTMLTree.parse("<tt>code</tt> <acronym title=\"x\">X</acronym> <big>B</big> <strike>s</strike>")))
        #expect(converted == "`code` <abbr title=\"x\">X</abbr> <span style=\"font-size: larger\">B</span> <s>s</s>")
        #expect(converter.modernised == ["acronym", "big", "strike", "tt"])
    }

    @Test func linksAreRewrittenInMarkdownAndRawHTML() {
        let converted = markdown("<a href=\"old\">x</a><table><tr><td><a href=\"old\">y</a></td></tr></table>", rewrite: { $0 == "old" ? "/new/" : $0 })
        #expect(converted == "[x](/new/)\n\n<table><tbody><tr><td><a href=\"/new/\">y</a></td></tr></tbody></table>" || converted == "[x](/new/)\n\n<table><tr><td><a href=\"/new/\">y</a></td></tr></table>")
    }

    @Test func javascriptLinksLoseTheirAddress() {
        #expect(markdown("<a href=\"javascript:alert(1)\">click</a>") == "click")
    }
}
