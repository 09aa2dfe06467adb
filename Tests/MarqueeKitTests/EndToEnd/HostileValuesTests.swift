import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import MarqueeKit

/// Values built to break out of every context a front matter value reaches: HTML text, attributes,
/// URLs, JSON-LD, Atom and the sitemap. The same site is built with hostile and with plain values;
/// every page must have exactly the same tag structure, and the JSON and XML must parse back to the values.
@Suite struct HostileValuesTests {
    static let hostile = [
        #"<script>alert(1)</script>"#,
        #"" onmouseover="alert(1)"#,
        #"' onfocus='alert(1)"#,
        "Tom & Jerry &amp; &lt;b&gt;",
        "]]><x>",
        "</script><script>alert(2)</script>",
        "{{site.title}} {{{page.jsonLD}}}",
        "line\u{2028}separator\u{2029}end",
        "bell\u{07}null\u{0}esc\u{1B}",
        String(repeating: "long ", count: 2_000),
        "--><!-- <!DOCTYPE x>",
        "javascript:alert(1)",
    ]

    func yaml(_ text: String) -> String {
        // A YAML double-quoted string, with the escapes YAML needs.
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 { out += String(format: "\\u%04X", scalar.value) }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    func site(_ value: (Int) -> String) -> TestSite {
        var files: [String: String] = [:]
        for index in Self.hostile.indices {
            let v = yaml(value(index))
            // A term becomes a folder name, which file systems cap at 255 bytes (a longer one is an
            // error at its line: FileNameTooLongTests): terms get the value's first 120 characters.
            let term = yaml(String(value(index).prefix(120)))
            files["content/reviews/r\(index).md"] = """
            ---
            title: \(v)
            movie: \(v)
            date: 2020-01-\(String(index + 1).leftPadded(2))
            rating: 4
            director: [\(term)]
            writer: \(term)
            category: \(term)
            tags: [\(term)]
            summary: \(v)
            original_title: \(v)
            recommend: [{title: \(v), url: "https://example.org/?q=%3Cx%3E&a=1"}]
            ---
            Body with a value in it.
            """
        }
        let siteYML = """
        title: \(yaml(value(0)))
        description: \(yaml(value(1)))
        base_url: https://example.org/blog/
        author:
          name: \(yaml(value(2)))
          bio: \(yaml(value(5)))
        """
        return TestSite(files, siteYML: siteYML)
    }

    @Test func noValueBreaksOutOfItsContext() throws {
        let hostile = try site { Self.hostile[$0] }.pages()
        // Plain values, one distinct word each so terms stay distinct as with the hostile ones.
        let plain = try site { "plain\($0)" }.pages()
        let hostilePages = hostile.keys.filter { $0.hasSuffix(".html") && !$0.contains("/r") && !$0.hasPrefix("categories/") && !$0.hasPrefix("directors/") && !$0.hasPrefix("writers/") && !$0.hasPrefix("tags/") }
        #expect(hostile.keys.filter { $0.hasSuffix(".html") }.count == plain.keys.filter { $0.hasSuffix(".html") }.count)
        for path in hostilePages.sorted() {
            let a = try #require(hostile[path]), b = try #require(plain[path], "\(path) only in the hostile build")
            #expect(HTMLStructure.difference(a, b) == nil, "tag structure differs on \(path)")
        }
        for index in Self.hostile.indices {
            let path = "reviews/r\(index)/index.html"
            let a = try #require(hostile[path]), b = try #require(plain[path])
            #expect(HTMLStructure.difference(a, b) == nil, "tag structure differs on \(path)")
            // JSON-LD parses back to the exact value (control characters aside, which are removed).
            let json = try #require(JSONLD.objects(in: a).first)
            let expected = MappingReader.removingControlCharacters(Self.hostile[index])
            #expect((json["itemReviewed"] as? [String: Any])?["name"] as? String == expected)
            #expect(json["name"] as? String == expected)
        }
        // Term pages: the same number of each kind.
        for taxonomy in ["categories/", "directors/", "writers/", "tags/"] {
            #expect(hostile.keys.filter { $0.hasPrefix(taxonomy) }.count == plain.keys.filter { $0.hasPrefix(taxonomy) }.count)
        }
    }

    @Test func feedAndSitemapParseBackToTheValues() throws {
        let pages = try site { Self.hostile[$0] }.pages()
        let entries = try FeedReader.entries(Data(try #require(pages["feed.xml"]).utf8))
        #expect(Set(entries.map(\.title)) == Set(Self.hostile.map(MappingReader.removingControlCharacters)))
        let parser = XMLParser(data: Data(try #require(pages["sitemap.xml"]).utf8))
        #expect(parser.parse())
    }
}

/// The sequence of tags of an HTML page (names and attribute names), ignoring text and attribute
/// values: if a value escaped its context, this sequence changes.
enum HTMLStructure {
    /// The first place where two pages' tag sequences differ, or nil.
    static func difference(_ a: String, _ b: String) -> String? {
        let (x, y) = (tags(a), tags(b))
        guard x != y else { return nil }
        let index = zip(x, y).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(x.count, y.count)
        return "at tag \(index): \(x[max(0, index - 2)..<min(x.count, index + 3)]) vs \(y[max(0, index - 2)..<min(y.count, index + 3)])"
    }

    static func tags(_ html: String) -> [String] {
        var result: [String] = []
        let scalars = Array(html.unicodeScalars)
        var i = 0
        var inRawText: String?
        while i < scalars.count {
            guard scalars[i] == "<" else { i += 1; continue }
            if let raw = inRawText {
                let closing = "</\(raw)"
                if String(String.UnicodeScalarView(scalars[i..<min(scalars.count, i + closing.unicodeScalars.count)])).lowercased() != closing { i += 1; continue }
            }
            if i + 3 < scalars.count, scalars[i + 1] == "!", scalars[i + 2] == "-", scalars[i + 3] == "-" {
                result.append("<!--")
                var j = i + 4
                while j + 2 < scalars.count, !(scalars[j] == "-" && scalars[j + 1] == "-" && scalars[j + 2] == ">") { j += 1 }
                i = j + 3
                continue
            }
            var j = i + 1
            var tag = ""
            var quote: Unicode.Scalar?
            var attributeNames: [String] = []
            var current = ""
            var readingName = true
            while j < scalars.count {
                let c = scalars[j]
                if let q = quote { if c == q { quote = nil }; j += 1; continue }
                if c == "\"" || c == "'" { quote = c; j += 1; continue }
                if c == ">" { break }
                if c == " " || c == "\n" || c == "\t" || c == "=" || c == "/" {
                    if !current.isEmpty { if readingName { tag = current; readingName = false } else if c != "=" || true { attributeNames.append(current) } }
                    current = ""
                    j += 1
                    continue
                }
                current.unicodeScalars.append(c)
                j += 1
            }
            if !current.isEmpty { if readingName { tag = current } else { attributeNames.append(current) } }
            let name = tag.lowercased()
            result.append(name + "(" + attributeNames.joined(separator: ",") + ")")
            if name == "script" || name == "style" { inRawText = name } else if name == "/script" || name == "/style" { inRawText = nil }
            i = j + 1
        }
        return result
    }
}
