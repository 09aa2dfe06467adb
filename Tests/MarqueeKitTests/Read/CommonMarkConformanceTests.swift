import Foundation
import Testing
@testable import MarqueeKit

/// The CommonMark 0.30 spec examples (../shared/spec/commonmark-0.30.json, see its README)
/// rendered through the site's Markdown reader.
@Suite struct CommonMarkConformanceTests {
    struct Example: Decodable, Sendable {
        let markdown: String
        let html: String
        let section: String
        let example: Int
    }

    static let exampleCount = 652

    /// With `--unsafe --smart`, cmark 0.30.2 differs from the spec (which has no smart punctuation) here.
    static let smartPunctuationFailures: Set<Int> = [
        14, 46, 55, 87, 91, 106, 197, 209, 210, 343, 352, 358, 362, 379, 384, 394, 507,
        589, 618, 619, 621, 623, 625, 626, 632, 650,
    ]

    /// In safe mode (no `CMARK_OPT_UNSAFE`) raw HTML becomes `<!-- raw HTML omitted -->` here.
    static let safeModeFailures: Set<Int> = Set(
        [21, 31] + Array(148...191) + [201, 308, 309, 344] + Array(474...476)
            + [490, 493, 523, 535] + Array(612...616) + [622, 624] + Array(627...631) + [642, 643]
    )

    /// `<package root>/../shared/spec/commonmark-0.30.json`, found from this file's path
    /// (Tests/MarqueeKitTests/Read/ → package root).
    static func specURL(filePath: String = #filePath) -> URL {
        var root = URL(fileURLWithPath: filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        return root.appendingPathComponent("../shared/spec/commonmark-0.30.json").standardizedFileURL
    }

    /// The examples, or nil after recording an issue (so the test fails rather than skips).
    static func loadExamples() -> [Example]? {
        let url = specURL()
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("CommonMark spec data is missing: no file at \(url.path) (expected the shared spec directory next to the package, see shared/spec/README.md)")
            return nil
        }
        do {
            let examples = try JSONDecoder().decode([Example].self, from: data)
            guard examples.count == exampleCount else {
                Issue.record("\(url.path) has \(examples.count) examples, expected \(exampleCount)")
                return nil
            }
            return examples
        } catch {
            Issue.record("cannot decode \(url.path): \(error)")
            return nil
        }
    }

    struct Failure {
        let example: Example
        let actual: String
    }

    /// The examples whose rendering differs from the spec after normalising both sides.
    static func failures(of examples: [Example], options: MarkdownOptions) -> [Failure] {
        let renderer = MarkdownRenderer(options: options, basePath: "/")
        return examples.compactMap { example in
            // Headings get ids from Marquee (`HeadingIDs`, tested on their own): the spec's HTML has none.
            let rendered = renderer.render(example.markdown)
            var actual = rendered.html
            for heading in rendered.headings {
                actual = actual.replacingOccurrences(of: "<h\(heading.level) id=\"\(heading.id)\">", with: "<h\(heading.level)>")
            }
            if actual == example.html { return nil }
            if HTMLNormalizer.normalize(actual) == HTMLNormalizer.normalize(example.html) { return nil }
            return Failure(example: example, actual: actual)
        }
    }

    static func describe(_ failures: [Failure], limit: Int = 5) -> String {
        failures.prefix(limit).map { failure in
            """

            --- example \(failure.example.example) (\(failure.example.section))
            markdown: \(String(reflecting: failure.example.markdown))
            expected: \(String(reflecting: failure.example.html))
            actual:   \(String(reflecting: failure.actual))
            """
        }.joined()
    }

    static func numbers(_ set: Set<Int>) -> String {
        set.sorted().map(String.init).joined(separator: ", ")
    }

    @Test func everyExamplePassesWithRawHTML() {
        guard let examples = Self.loadExamples() else { return }
        let failures = Self.failures(of: examples, options: MarkdownOptions(smartPunctuation: false, rawHTML: true))
        let passed = examples.count - failures.count
        print("CommonMark 0.30: \(passed)/\(Self.exampleCount) examples pass")
        let failed = failures.map(\.example.example)
        #expect(
            failed.isEmpty,
            "CommonMark 0.30: \(passed)/\(Self.exampleCount) pass; failing examples: \(Self.numbers(Set(failed)))\(Self.describe(failures))"
        )
    }

    @Test func smartPunctuationChangesExactlyTheKnownExamples() {
        guard let examples = Self.loadExamples() else { return }
        let failures = Self.failures(of: examples, options: MarkdownOptions(smartPunctuation: true, rawHTML: true))
        let failed = Set(failures.map(\.example.example))
        print("CommonMark 0.30 with smart punctuation: \(examples.count - failures.count)/\(Self.exampleCount) examples pass")
        let unexpected = failed.subtracting(Self.smartPunctuationFailures)
        let nowPassing = Self.smartPunctuationFailures.subtracting(failed)
        #expect(unexpected.isEmpty, "new failures with smart punctuation: \(Self.numbers(unexpected))\(Self.describe(failures.filter { unexpected.contains($0.example.example) }))")
        #expect(nowPassing.isEmpty, "known smart-punctuation failures that now pass (update the list): \(Self.numbers(nowPassing))")
    }

    @Test func safeModeChangesExactlyTheRawHTMLExamples() {
        guard let examples = Self.loadExamples() else { return }
        let failures = Self.failures(of: examples, options: MarkdownOptions(smartPunctuation: false, rawHTML: false))
        let failed = Set(failures.map(\.example.example))
        print("CommonMark 0.30 without raw HTML: \(examples.count - failures.count)/\(Self.exampleCount) examples pass")
        #expect(Self.safeModeFailures.count == 71)
        let unexpected = failed.subtracting(Self.safeModeFailures)
        let nowPassing = Self.safeModeFailures.subtracting(failed)
        #expect(unexpected.isEmpty, "new failures without raw HTML: \(Self.numbers(unexpected))\(Self.describe(failures.filter { unexpected.contains($0.example.example) }))")
        #expect(nowPassing.isEmpty, "raw-HTML examples that no longer differ in safe mode: \(Self.numbers(nowPassing))")
        // What safe mode does differently is drop raw HTML, nothing else.
        let notOmitted = failures.filter { !$0.actual.contains("<!-- raw HTML omitted -->") }.map(\.example.example)
        #expect(notOmitted.isEmpty, "safe-mode differences that are not omitted raw HTML: \(notOmitted)")
    }

    @Test func normalizerFollowsTheSpecRules() {
        #expect(HTMLNormalizer.normalize("<p>a  \n b</p>\n") == "<p>a b</p>")
        #expect(HTMLNormalizer.normalize("<pre><code>a  \n b\n</code></pre>") == "<pre><code>a  \n b\n</code></pre>")
        #expect(HTMLNormalizer.normalize("<p>a<br />\nb</p>") == "<p>a<br>b</p>")
        #expect(HTMLNormalizer.normalize("<img title='t' src=\"x\" alt=a />") == "<img alt=\"a\" src=\"x\" title=\"t\">")
        #expect(HTMLNormalizer.normalize("<p>&#169; &copy; &#x41; &amp; &lt;</p>") == "<p>© © A &amp; &lt;</p>")
        #expect(HTMLNormalizer.normalize("<ul>\n<li>x</li>\n</ul>") == "<ul><li>x</li></ul>")
        #expect(HTMLNormalizer.normalize("<p>“a”</p>") != HTMLNormalizer.normalize("<p>&quot;a&quot;</p>"))
    }
}

/// A small take on the spec repository's `test/normalize.py`, applied to both sides before comparing:
/// outside `<pre>` whitespace runs become one space, whitespace next to block tags and a newline after
/// `<br>` are dropped, `<x />` becomes `<x>`, attributes are sorted, and character references become
/// characters except `< > & "`, which stay as entities. Comments and declarations pass through.
enum HTMLNormalizer {
    static let blockTags: Set<String> = [
        "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map",
        "button", "object", "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd",
        "progress", "div", "section", "dl", "table", "td", "dt", "tbody", "embed", "textarea",
        "fieldset", "tfoot", "figcaption", "th", "figure", "thead", "footer", "tr", "form", "ul",
        "h1", "h2", "h3", "h4", "h5", "h6", "video", "script", "style",
    ]

    static func normalize(_ html: String) -> String {
        var output = ""
        var inPre = 0
        var stripLeading = false
        var afterBR = false
        let chars = Array(html)
        var i = 0
        var text = ""

        func flushText() {
            guard !text.isEmpty else { return }
            var chunk = decodeReferences(text)
            text = ""
            if inPre > 0 {
                output += chunk
                stripLeading = false
                afterBR = false
                return
            }
            if afterBR, chunk.first == "\n" { chunk.removeFirst() }
            chunk = collapseWhitespace(chunk)
            if stripLeading { chunk = String(chunk.drop { $0 == " " }) }
            if !chunk.isEmpty {
                output += chunk
                stripLeading = false
                afterBR = false
            }
        }

        while i < chars.count {
            if chars[i] == "<", let (token, end) = markup(in: chars, at: i) {
                flushText()
                switch token {
                case .other(let raw):
                    output += raw
                    stripLeading = false
                    afterBR = false
                case .tag(let name, let isEnd, let attributes):
                    let isBlock = blockTags.contains(name)
                    if isBlock, inPre == 0 {
                        while output.last == " " { output.removeLast() }
                    }
                    if isEnd {
                        output += "</\(name)>"
                        if name == "pre", inPre > 0 { inPre -= 1 }
                    } else {
                        let attrs = attributes.sorted { $0.name < $1.name }.map { attribute in
                            attribute.value.map { " \(attribute.name)=\"\(decodeReferences($0))\"" } ?? " \(attribute.name)"
                        }.joined()
                        output += "<\(name)\(attrs)>"
                        if name == "pre" { inPre += 1 }
                    }
                    stripLeading = isBlock
                    afterBR = name == "br" && !isEnd
                }
                i = end
            } else {
                text.append(chars[i])
                i += 1
            }
        }
        flushText()
        if inPre == 0 {
            while output.last == " " { output.removeLast() }
        }
        return output
    }

    enum Token {
        case tag(name: String, isEnd: Bool, attributes: [(name: String, value: String?)])
        case other(String)
    }

    /// The tag, comment or declaration starting at `start` and the index after it, or nil if `<` is text.
    static func markup(in chars: [Character], at start: Int) -> (Token, Int)? {
        func find(_ terminator: String, from: Int) -> Int? {
            let t = Array(terminator)
            var j = from
            while j + t.count <= chars.count {
                if Array(chars[j..<(j + t.count)]) == t { return j + t.count }
                j += 1
            }
            return nil
        }
        let rest = String(chars[start..<min(chars.count, start + 9)])
        if rest.hasPrefix("<!--") {
            guard let end = find("-->", from: start + 4) else { return nil }
            return (.other(String(chars[start..<end])), end)
        }
        if rest.hasPrefix("<![CDATA[") {
            guard let end = find("]]>", from: start + 9) else { return nil }
            return (.other(String(chars[start..<end])), end)
        }
        if rest.hasPrefix("<?") {
            guard let end = find("?>", from: start + 2) else { return nil }
            return (.other(String(chars[start..<end])), end)
        }
        if rest.hasPrefix("<!") {
            guard let end = find(">", from: start + 2) else { return nil }
            return (.other(String(chars[start..<end])), end)
        }

        var i = start + 1
        var isEnd = false
        if i < chars.count, chars[i] == "/" { isEnd = true; i += 1 }
        guard i < chars.count, chars[i].isASCII, chars[i].isLetter else { return nil }
        var name = ""
        while i < chars.count, chars[i].isASCII, chars[i].isLetter || chars[i].isNumber || chars[i] == "-" {
            name.append(chars[i]); i += 1
        }
        var attributes: [(name: String, value: String?)] = []
        while true {
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            guard i < chars.count else { return nil }
            if chars[i] == ">" { i += 1; break }
            if chars[i] == "/", i + 1 < chars.count, chars[i + 1] == ">" { i += 2; break }
            var attrName = ""
            while i < chars.count, !chars[i].isWhitespace, !"=>\"'<".contains(chars[i]), !(chars[i] == "/" && i + 1 < chars.count && chars[i + 1] == ">") {
                attrName.append(chars[i]); i += 1
            }
            guard !attrName.isEmpty else { return nil }
            var j = i
            while j < chars.count, chars[j].isWhitespace { j += 1 }
            var value: String?
            if j < chars.count, chars[j] == "=" {
                j += 1
                while j < chars.count, chars[j].isWhitespace { j += 1 }
                guard j < chars.count else { return nil }
                var v = ""
                if chars[j] == "\"" || chars[j] == "'" {
                    let quote = chars[j]
                    j += 1
                    while j < chars.count, chars[j] != quote { v.append(chars[j]); j += 1 }
                    guard j < chars.count else { return nil }
                    j += 1
                } else {
                    while j < chars.count, !chars[j].isWhitespace, chars[j] != ">" { v.append(chars[j]); j += 1 }
                }
                value = v
                i = j
            }
            attributes.append((attrName.lowercased(), value))
        }
        return (.tag(name: name.lowercased(), isEnd: isEnd, attributes: attributes), i)
    }

    static func collapseWhitespace(_ s: String) -> String {
        var result = ""
        var inSpace = false
        for c in s {
            if c.isWhitespace {
                if !inSpace { result.append(" ") }
                inSpace = true
            } else {
                result.append(c)
                inSpace = false
            }
        }
        return result
    }

    static func escape(_ s: String) -> String {
        var result = ""
        for c in s {
            switch c {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(c)
            }
        }
        return result
    }

    /// Named references beyond these are left as written; cmark never emits them.
    static let namedReferences: [String: String] = [
        "nbsp": "\u{A0}", "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—",
        "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "apos": "'",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "eacute": "é", "frac34": "¾", "AElig": "Æ",
        "Dcaron": "Ď", "HilbertSpace": "ℋ", "DifferentialD": "ⅆ", "ClockwiseContourIntegral": "∲",
        "ngE": "≧̸",
    ]

    /// Character references to characters, except that `< > & "` are (re-)escaped as entities.
    static func decodeReferences(_ s: String) -> String {
        guard s.contains("&") else { return escapeSpecials(s) }
        var result = ""
        let chars = Array(s)
        var i = 0
        while i < chars.count {
            if chars[i] == "&", let semicolon = chars[(i + 1)...].prefix(40).firstIndex(of: ";") {
                let body = String(chars[(i + 1)..<semicolon])
                var decoded: String?
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(scalarString)
                } else if body.hasPrefix("#") {
                    decoded = UInt32(body.dropFirst(), radix: 10).flatMap(scalarString)
                } else if ["amp", "lt", "gt", "quot"].contains(body) {
                    decoded = ["amp": "&", "lt": "<", "gt": ">", "quot": "\""][body]
                } else {
                    decoded = namedReferences[body]
                }
                if let decoded {
                    result += escapeSpecials(decoded)
                    i = semicolon + 1
                    continue
                }
            }
            result += escapeSpecials(String(chars[i]))
            i += 1
        }
        return result
    }

    static func scalarString(_ value: UInt32) -> String? {
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return String(Character(scalar))
    }

    static func escapeSpecials(_ s: String) -> String { escape(s) }
}
