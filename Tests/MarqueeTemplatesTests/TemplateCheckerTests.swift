import Testing
@testable import MarqueeTemplates

/// Checking templates against a schema: every tag resolved as rendering would resolve it.
@Suite struct TemplateCheckerTests {
    static let name = TemplateObjectType("name link", [
        TemplateField("name", .text, "The name."),
        TemplateField("url", .text, "Its page."),
    ])
    static let review = TemplateObjectType("review", [
        TemplateField("title", .text, "The title."),
        TemplateField("body", .html, "The body."),
        TemplateField("rating", .object(TemplateObjectType("rating", [TemplateField("text", .text, "4.5/5")])), "The rating."),
        TemplateField("directors", .list(.object(name)), "Directors."),
        TemplateField("params", .object(.freeForm("params")), "Front matter Marquee does not know."),
    ])
    static let page = TemplateObjectType("review page", [
        TemplateField("review", .object(review), "The review."),
        TemplateField("url", .text, "The page's link."),
    ])

    static func check(_ templates: KeyValuePairs<String, String>) -> [TemplateProblem] {
        let (library, problems) = TemplateLibrary.load(templates.map { TemplateSource(name: $0.key, path: "templates/\($0.key).mustache", text: $0.value) })
        guard let library else { return problems }
        return library.check([("review", page)])
    }

    @Test func theDefaultKindOfTemplatePasses() {
        let problems = Self.check(["review": """
            <h1>{{review.title}}</h1>{{{review.body}}} {{review.rating.text}}
            {{#review.directors}}<a href="{{url}}">{{name}}</a> on {{review.title}}{{/review.directors}}
            {{^review.directors}}{{url}}{{/review.directors}}{{review.params.country}}{{#review.params.x}}{{y}}{{/review.params.x}}
            """])
        #expect(problems == [])
    }

    @Test func aMisspeltNameIsFoundWithWhatIsOffered() throws {
        let problems = Self.check(["review": "\n  {{review.ratng.text}} {{#review.directors}}{{nam}}{{/review.directors}}"])
        #expect(problems.map { "\($0.line):\($0.column)" } == ["2:3", "2:46"])
        guard case .unknownName("review.ratng", let offered) = problems.first?.kind else { Issue.record("\(problems)"); return }
        #expect(offered.contains("review.rating"))
        guard case .unknownName("nam", let inner)? = problems.last?.kind else { Issue.record("\(problems)"); return }
        #expect(inner.prefix(2) == ["name", "url"])
        #expect(problems.first?.renderedAs == "review page")
    }

    @Test func valuesUsedAsTheyCannotBeAreErrors() {
        let problems = Self.check(["review": "{{{review.title}}} {{review.directors}} {{review.title.text}} {{{review.params.x}}}"])
        #expect(problems.map(\.kind) == [
            .unescapedText("review.title", type: .text),
            .notShowable("review.directors", type: .list(.object(Self.name))),
            .notAnObject("review.title", field: "text", type: .text),
            .unescapedText("review.params.x", type: .text),
        ])
    }

    @Test func partialsAndBlocksAreCheckedWhereTheyAreWritten() {
        let problems = Self.check([
            "review": "{{<base}}{{$content}}\n{{review.titel}}{{/content}}{{/base}}",
            "base": "{{>credits}}{{$content}}{{/content}}",
            "credits": "{{#review.directors}}{{nme}}{{/review.directors}}",
        ])
        #expect(problems.map(\.path) == ["templates/credits.mustache", "templates/review.mustache"])
        #expect(problems.last?.line == 2)
    }
    /// A partial that renders, through a block the page supplies, the partial that renders it,
    /// twice (found by fuzzing the theme's templates: the check took longer than a minute, as it
    /// followed every path to the depth limit, two ways at each step). It ends at once, still
    /// finding a mistake inside the loop; rendering then stops at the depth limit with an error.
    @Test func aPartialThatReachesItselfThroughABlockEndsTheCheck() {
        let problems = Self.check([
            "review": "{{<base}}{{$content}}{{#review.directors}}{{>loop}}{{/review.directors}}{{/content}}{{/base}}",
            "base": "<main>{{$content}}{{/content}}</main>",
            "loop": "{{#review.directors}}{{>other}}{{nmae}}{{>other}}{{/review.directors}}",
            "other": "{{<base}}{{/base}}",
        ])
        #expect(problems.map(\.kind) == [.unknownName("nmae", offered: ["name", "url", "review"])])
    }

    @Test func shadowedFramesAreLeftOutOfTheStack() {
        typealias Frame = TemplateChecker.Resolved
        let (page, name): (Frame, Frame) = (.type(.object(Self.page)), .type(.object(Self.name)))
        #expect(TemplateChecker.shadowed([page, name, .type(.text), name, .freeForm, page, .freeForm]) == [.type(.text), name, page, .freeForm])
    }
}

