import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import MarqueeKit

/// Comment text, names and addresses are strangers' input: whatever they hold, the page keeps the
/// structure the theme gives it, every link is http(s), and the JSON-LD and the feed parse back.
@Suite struct CommentsHostileTests {
    static let texts = [
        "<script>alert(1)</script>Hi",
        "</script><script>alert(2)</script>",
        "</textarea><img src=x onerror=alert(3)>",
        #"<img src="x" onerror="alert(4)">"#,
        #"<iframe src="https://evil.example/"></iframe>framed"#,
        #"<a href="https://a.example/">one <a href="https://b.example/">two</a></a>"#,
        #"<a href="&#106;avascript:alert(5)">entity</a>"#,
        #"<a href="&#x6A;avascript&#x3A;alert(6)">hex entity</a>"#,
        #"<A HREF="JAVASCRIPT:alert(7)">upper</A>"#,
        "<a href=\"java\tscript:alert(8)\">tab</a>",
        "<a href=\" javascript:alert(9)\">space</a>",
        #"<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=">data</a>"#,
        #"<a href="https://ok.example/" onclick="alert(11)" style="x">ok</a>"#,
        #"<p onmouseover="alert(12)">hover</p><svg onload="alert(13)"></svg>"#,
        "<style>body{display:none}</style><!-- --><![CDATA[x]]>",
        "{{site.title}} {{{page.jsonLD}}} ]]> --> <!--",
        "<div><blockquote><p>quote <em>deep <strong>deeper</strong></em></p></blockquote></div>",
        "<em><blockquote>a block in a phrase</blockquote></em>",
        "<form action=\"https://evil.example/\"><input name=x><button>go</button></form>",
        "<base href=\"https://evil.example/\"><meta http-equiv=refresh content=0><link rel=stylesheet href=x>",
        "<math><mi xlink:href=\"javascript:alert(14)\">m</mi></math>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(15)>\"></noscript>",
    ]

    static let authors = ["<script>alert(1)</script>", #"" onmouseover="alert(2)"#, "</script><b>x</b>", "Tom & Jerry &amp;"]
    static let urls = ["javascript:alert(1)", #"https://x.example/" onmouseover="alert(2)"#, "data:text/html,<b>x</b>", "JAVASCRIPT:alert(3)",
                       " javascript:alert(4)", "&#106;avascript:alert(5)", "//evil.example/", "https://ok.example/?a=1&b=2"]

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func site() -> TestSite {
        var comments = ""
        for (index, text) in texts.enumerated() {
            comments += "- id: \(index + 1)\n  author: \(quoted(authors[index % authors.count]))\n"
            comments += "  url: \(quoted(urls[index % urls.count]))\n  date: 2020-02-01\n  text: \(quoted(text))\n"
        }
        return TestSite([
            "content/reviews/baran.md": TestSite.review(title: "Baran"),
            "content/reviews/baran.comments.yml": comments,
        ])
    }

    static let allowedTags: Set<String> = ["section", "h2", "ol", "li", "article", "footer", "span", "a", "time", "div", "p", "br",
                                           "em", "strong", "i", "b", "code", "pre", "blockquote"]
    static let allowedAttributes: Set<String> = ["class", "id", "href", "rel", "datetime", "aria-labelledby"]

    @Test func commentsKeepThePagesStructure() throws {
        let pages = try Self.site().pages()
        let page = try #require(pages["reviews/baran/index.html"])
        let start = try #require(page.range(of: "<section class=\"comments\"")).lowerBound
        let end = try #require(page.range(of: "</section>", range: start..<page.endIndex)).upperBound
        let section = String(page[start..<end])
        // Every tag is one the theme or the allow-list writes, with their attributes only.
        let tag = try Regex(#"<(/?)([a-zA-Z0-9]+)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*/?>"#)
        let attribute = try Regex(#"([^\s=]+)(?:="([^"]*)")?"#)
        var opened: [String: Int] = [:], closed: [String: Int] = [:]
        for match in section.matches(of: tag) {
            let name = String(match.output[2].substring ?? "").lowercased()
            #expect(Self.allowedTags.contains(name), "<\(name)> in the comments")
            if match.output[1].substring == "/" { closed[name, default: 0] += 1 } else if name != "br" { opened[name, default: 0] += 1 }
            for found in String(match.output[3].substring ?? "").matches(of: attribute) {
                let key = String(found.output[1].substring ?? "")
                #expect(Self.allowedAttributes.contains(key), "\(key)= on <\(name)>")
                if key == "href" {
                    let value = String(found.output[2].substring ?? "")
                    #expect(value.hasPrefix("https://") || value.hasPrefix("http://"), "href=\(value)")
                }
            }
        }
        #expect(opened == closed)
        // Whatever could only be markup is text: no `<` is left unescaped outside the tags above.
        #expect(section.replacing(tag, with: "").contains("<") == false)
        for hostile in ["alert(1)</script>", "onerror=", "onmouseover=\"", "javascript:", "JAVASCRIPT:", "<iframe", "<img", "<svg", "<form", "<base"] {
            #expect(!section.contains(hostile), "\(hostile)")
        }
        // The page has the JSON-LD's script and no other.
        #expect(page.components(separatedBy: "<script").count - 1 == 1)
        #expect(page.components(separatedBy: "</script>").count - 1 == 1)
        // What the writer's comments said is still there, as text.
        #expect(section.contains("<p>framed</p>"))
        // (An unclosed `<!--` is a comment to the HTML parser, to the end: gone.)
        #expect(section.contains("<p>{{site.title}} {{{page.jsonLD}}} ]]&gt; --&gt;</p>"))
        #expect(section.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(section.contains("Tom &amp; Jerry &amp;amp;"))
        #expect(section.contains(#"<a href="https://ok.example/" rel="nofollow ugc">ok</a>"#))
        #expect(section.contains("<p>a block in a phrase</p>") || section.contains("<em>a block in a phrase</em>"))
    }

    @Test func theJSONLDAndTheFeedParseBackToTheValues() throws {
        let pages = try Self.site().pages()
        let page = try #require(pages["reviews/baran/index.html"])
        let json = try #require(CommentsTests.jsonLD(page))
        let comments = try #require(json["comment"] as? [[String: Any]])
        #expect(comments.count == Self.texts.count)
        for (index, comment) in comments.enumerated() {
            #expect((comment["author"] as? [String: Any])?["name"] as? String == Self.authors[index % Self.authors.count])
            let url = (comment["author"] as? [String: Any])?["url"] as? String
            #expect(url == nil || url?.hasPrefix("https://") == true)
        }
        #expect(comments[1]["text"] as? String == "")
        #expect(comments[15]["text"] as? String == "{{site.title}} {{{page.jsonLD}}} ]]> -->")
        let feed = try #require(pages["feed.xml"])
        #expect(XMLParser(data: Data(feed.utf8)).parse())
        #expect(feed.contains(#"thr:count="\#(Self.texts.count)""#))
    }

    @Test func badAuthorAddressesAreWarningsAndNoLinks() throws {
        guard case .success(let result) = Self.site().render() else { Issue.record("the build failed"); return }
        let warnings = result.warnings.map(\.description).filter { $0.contains("is not an http(s) address") }
        // Every address but the last of `urls` (a real one), once per comment that has it.
        let bad = Self.texts.indices.filter { $0 % Self.urls.count != Self.urls.count - 1 }.count
        #expect(warnings.count == bad, "\(warnings)")
        #expect(warnings.first == "content/reviews/baran.comments.yml:3:8: warning: the url 'javascript:alert(1)' is not an http(s) address; the author's name is shown without a link — give a full address such as https://example.org/, or remove url:")
    }
}
