import Testing
@testable import MarqueeTemplates

/// Loading: what a template author gets wrong is found before anything renders, with where.
@Suite struct TemplateLibraryTests {
    static func load(_ templates: KeyValuePairs<String, String>) -> (TemplateLibrary?, [TemplateProblem]) {
        TemplateLibrary.load(templates.map { TemplateSource(name: $0.key, path: "templates/\($0.key).mustache", text: $0.value) })
    }

    static func render(_ library: TemplateLibrary?, _ name: String, _ value: TemplateValue) throws -> String {
        let library = try #require(library)
        return String(decoding: try library.render(name, with: value), as: UTF8.self)
    }

    @Test func syntaxErrorsSayWhereAndWhat() {
        let (library, problems) = Self.load([
            "a": "line one\n  {{#items}}\n{{/item}}",
            "b": "é {{name",
            "c": "{{#open}} never closed",
            "d": "{{/stray}}",
            "e": "{{= a =}}",
            "f": "{{}}",
        ])
        #expect(library == nil)
        let described = problems.map { problem -> String in
            guard case .syntax(let message, let fix) = problem.kind else { return "\(problem)" }
            return "\(problem.path):\(problem.line):\(problem.column): \(message) — \(fix)"
        }
        #expect(described == [
            "templates/a.mustache:3:1: 'items' is closed by {{/item}} — close it with {{/items}}",
            "templates/b.mustache:1:3: a tag is not closed — end it with }}",
            "templates/c.mustache:1:1: 'open' is never closed — add {{/open}} where it ends",
            "templates/d.mustache:1:1: {{/stray}} closes nothing: no section of that name is open — remove it, or open the section with {{#stray}}",
            "templates/e.mustache:1:1: a set-delimiter tag must hold two delimiters — write it like {{=<% %>=}}",
            "templates/f.mustache:1:1: a tag has no name — write a name between the braces, or remove the tag",
        ])
    }

    @Test func aMissingPartialOrParentIsAnError() {
        let (_, problems) = Self.load(["page": "x\n{{> credit}}\n{{< bse}}{{/bse}}"])
        #expect(problems.map(\.kind) == [.missingTemplate("credit", isParent: false), .missingTemplate("bse", isParent: true)])
        #expect(problems.map(\.line) == [2, 3])
    }

    @Test func cyclesNoSectionEndsAreErrorsNamingTheChain() {
        let (_, problems) = Self.load([
            "credits": "{{>credits}}",
            "a": "{{>b}}",
            "b": "x {{>a}}",
            "base": "{{<base}}{{/base}}",
        ])
        #expect(problems.map(\.kind) == [.cycle(["a", "b", "a"]), .cycle(["base", "base"]), .cycle(["credits", "credits"])])
    }

    @Test func aGuardedRecursionRendersAndAnEndlessOneStopsWithAnError() throws {
        let (library, problems) = Self.load(["node": "<{{name}}{{#children}}{{>node}}{{/children}}>"])
        #expect(problems == [])
        let leaf = TemplateValue.object(TemplateObject(["name": "b", "children": .list([])]))
        let tree = TemplateValue.object(TemplateObject(["name": "a", "children": .list([leaf])]))
        #expect(try Self.render(library, "node", tree) == "<a<b>>")

        // `children` is looked up in the enclosing context too: a child without the key recurses for ever.
        let endless = TemplateValue.object(TemplateObject(["name": "a", "children": .list([.object(TemplateObject(["name": "b"]))])]))
        #expect(throws: TemplateProblem.self) { try Self.render(library, "node", endless) }
        do {
            _ = try Self.render(library, "node", endless)
        } catch let problem as TemplateProblem {
            guard case .tooDeep(let chain) = problem.kind else { Issue.record("\(problem)"); return }
            #expect(chain.allSatisfy { $0 == "node" } && chain.count == 4)
        }
    }

    @Test func nestingIsBoundedAndHugeTemplatesParse() throws {
        let deep = String(repeating: "{{#a}}", count: 300) + String(repeating: "{{/a}}", count: 300)
        let (_, problems) = Self.load(["deep": deep])
        #expect(problems.map(\.kind) == [.syntax("sections are nested more than 200 deep", fix: "nest fewer sections, or move some into a partial")])

        // Ten megabytes on one line, half tags: parsing reads it about once (no timing here; `make bench` has the figure).
        let line = String(repeating: "{{name}} {{#flag}}x{{/flag}} ", count: 10_000_000 / 30)
        let (library, none) = Self.load(["big": line])
        #expect(none == [])
        let output = try Self.render(library, "big", .object(TemplateObject(["name": "n", "flag": true])))
        #expect(output.count == 10_000_000 / 30 * 4)
    }

    @Test func escapingCoversTextAndAttributes() throws {
        let (library, _) = Self.load(["t": "{{v}}|{{{v}}}|{{&v}}"])
        #expect(try Self.render(library, "t", .object(TemplateObject(["v": "<a href=\"x\">'&'</a>"])))
                == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;|<a href=\"x\">'&'</a>|<a href=\"x\">'&'</a>")
    }

    @Test func anAbsentValueStopsTheLookup() throws {
        let (library, _) = Self.load(["t": "{{#director}}{{name}}: {{url}}{{/director}}"])
        let page = TemplateValue.object(TemplateObject(["url": "/page/", "director": .object(TemplateObject(["name": "Ozu", "url": .absent]))]))
        #expect(try Self.render(library, "t", page) == "Ozu: ")
    }

    @Test func reachableFollowsFixedNames() {
        let (library, _) = Self.load(["review": "{{<base}}{{$content}}{{>credits}}{{/content}}{{/base}}", "base": "{{$content}}{{/content}}", "credits": "", "unused": ""])
        #expect(library?.reachable(from: ["review"]) == ["review", "base", "credits"])
    }

    /// Templates that each include the next twice: 2^30 includes, with no cycle and nothing deep.
    /// Rendering stops at the library's limit with an error rather than running for hours.
    @Test func templatesThatMultiplyEachOtherStopAtTheLimit() throws {
        var sources: [TemplateSource] = (0..<30).map { TemplateSource(name: "t\($0)", path: "t\($0)", text: "{{>t\($0 + 1)}}{{>t\($0 + 1)}}") }
        sources.append(TemplateSource(name: "t30", path: "t30", text: "x"))
        var library = try #require(TemplateLibrary.load(sources).0)
        library.expansionLimit = 1_000
        do {
            _ = try library.render("t0", with: .object(TemplateObject([:])))
            Issue.record("it rendered")
        } catch {
            guard case .tooMany(let chain, let limit) = error.kind else { Issue.record("\(error)"); return }
            #expect(chain.count == 4 && chain.allSatisfy { $0.hasPrefix("t") } && limit == 1_000)
        }
        let small = try #require(TemplateLibrary.load(Array(sources[20...])).0)
        #expect(try Self.render(small, "t20", .object(TemplateObject([:]))) == String(repeating: "x", count: 1_024))
    }
}

/// Marked values: where they went, for the build cache.
@Suite struct TemplateMarkTests {
    @Test func marksSayWhereEachMarkedValueWentAndHowItWasWritten() throws {
        let (loaded, _) = TemplateLibrary.load([
            TemplateSource(name: "page", path: "page.mustache", text: "<p>{{#item}}{{title}}{{/item}}</p>{{{body}}}{{>partial}}"),
            TemplateSource(name: "partial", path: "partial.mustache", text: "[{{title}}]"),
        ])
        let library = try #require(loaded)
        let value = TemplateValue.object(TemplateObject([
            "item": .marked(.object(TemplateObject(["x": 1])), id: 9),
            "title": .marked(.text("a<b"), id: 1),
            "body": .marked(.html("<em>hi</em>"), id: 2),
        ]))
        var output: [UInt8] = []
        var marks: [TemplateMark] = []
        try library.render("page", with: value, into: &output, marks: &marks)
        let text = String(decoding: output, as: UTF8.self)
        #expect(text == "<p>a&lt;b</p><em>hi</em>[a&lt;b]")
        #expect(marks == [
            TemplateMark(id: 1, offset: 3, length: 6, isEscaped: true),
            TemplateMark(id: 2, offset: 13, length: 11, isEscaped: false),
            TemplateMark(id: 1, offset: 25, length: 6, isEscaped: true),
        ])
        // Without asking, the same bytes.
        #expect(try library.render("page", with: value) == output)
    }
}

extension TemplateMarkTests {
    @Test func aSectionOverAMarkedValueKeepsTheMarkForTheImplicitIterator() throws {
        let (loaded, _) = TemplateLibrary.load([TemplateSource(name: "t", path: "t.mustache", text: "{{#d}}<meta content=\"{{.}}\">{{/d}}{{#o}}{{x}}{{/o}}")])
        let library = try #require(loaded)
        var output: [UInt8] = []
        var marks: [TemplateMark] = []
        try library.render("t", with: .object(TemplateObject(["d": .marked(.text("a&b"), id: 4), "o": .marked(.object(TemplateObject(["x": "y"])), id: 5)])),
                           into: &output, marks: &marks)
        #expect(String(decoding: output, as: UTF8.self) == "<meta content=\"a&amp;b\">y")
        #expect(marks == [TemplateMark(id: 4, offset: 15, length: 7, isEscaped: true)])
    }
}
