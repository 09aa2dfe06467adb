import Testing
@testable import MarqueeKit

/// YAML anchors and aliases are refused in every YAML document Marquee reads, each where it was typed.
@Suite struct YAMLAliasesTests {
    func problems(_ yaml: String, firstLine: Int = 1) -> [String] {
        switch YAMLDocument.parse(yaml, path: "f.yml", firstLine: firstLine) {
        case .success(let document): return document.problems.map(\.description)
        case .failure(let diagnostic): return ["failed: " + diagnostic.description]
        }
    }

    let aliasHint = " — write the value out in full (Marquee reads no YAML anchors or aliases)"
    let anchorHint = " — remove it, and write out in full each value that uses it"

    @Test func aFileWithoutAnchorsHasNoProblem() {
        #expect(problems("title: Baran\ntags: [a, b]\nnote: \"*not an alias* &nor an anchor\"\nbody: |\n  *bold* & more\n").isEmpty)
    }

    @Test func eachAnchorAndAliasIsReportedAtItsLineAndColumn() {
        let yaml = "base: &b hello\nother: *b\nlist: [*b, x, *b]\nmap: {k: *b}\n"
        #expect(problems(yaml, firstLine: 2) == [
            "f.yml:2:7: error: the YAML anchor '&b' is not supported" + anchorHint,
            "f.yml:3:8: error: the YAML alias '*b' is not supported" + aliasHint,
            "f.yml:4:8: error: the YAML alias '*b' is not supported" + aliasHint,
            "f.yml:4:15: error: the YAML alias '*b' is not supported" + aliasHint,
            "f.yml:5:10: error: the YAML alias '*b' is not supported" + aliasHint,
        ])
    }

    @Test func anAnchorAfterATagAndAnAliasAsAKey() {
        #expect(problems("a: !!str &x one\n*x : two\n") == [
            "f.yml:1:10: error: the YAML anchor '&x' is not supported" + anchorHint,
            "f.yml:2:1: error: the YAML alias '*x' is not supported" + aliasHint,
        ])
    }

    @Test func anAnchorOnAMappingWithNestedAliases() {
        #expect(problems("defaults: &d\n  rating: 4\nreview:\n  <<: *d\n") == [
            "f.yml:1:11: error: the YAML anchor '&d' is not supported" + anchorHint,
            "f.yml:4:7: error: the YAML alias '*d' is not supported" + aliasHint,
        ])
    }

    /// An alias with no anchor is refused the same way, not as a syntax error.
    @Test func anUndefinedAlias() {
        #expect(problems("title: *nothing\n") == ["failed: f.yml:1:8: error: the YAML alias '*nothing' is not supported" + aliasHint])
    }

    /// Billions of values from a few lines: found at once (the tree is not walked through each alias),
    /// and no more than `maximumReported` aliases are listed.
    @Test func anAliasBombIsRefusedQuickly() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...30 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let found = problems(yaml)
        #expect(found.filter { $0.contains("YAML anchor '") }.count == 31)
        #expect(found.filter { $0.contains("YAML alias '") }.count == YAMLAliases.maximumReported)
    }

    /// The readers report them: front matter and site.yml alike.
    @Test func theReadersReportThem() {
        let (config, diagnostics) = SiteConfigReader.read(text: "title: &t T\nbase_url: https://example.org/\ndescription: *t\n", baseURLOverride: nil)
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == [
            "site.yml:1:8: error: the YAML anchor '&t' is not supported" + anchorHint,
            "site.yml:3:14: error: the YAML alias '*t' is not supported" + aliasHint,
        ])
        let errors = TestSite(["content/pages/about.md": "---\ntitle: &t About\nsubtitle: *t\n---\nText.\n"]).errors()
        #expect(errors == [
            "content/pages/about.md:2:8: error: the YAML anchor '&t' is not supported" + anchorHint,
            "content/pages/about.md:3:11: error: the YAML alias '*t' is not supported" + aliasHint,
        ])
    }
}
