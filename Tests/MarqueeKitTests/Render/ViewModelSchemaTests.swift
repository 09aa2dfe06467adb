import Foundation
import MarqueeTemplates
import Testing
@testable import MarqueeKit

/// Every value a template is rendered with matches the schema its page kind declares: no field
/// missing, none left out of the schema, each of the declared kind (text, HTML, flag, number, list,
/// object). A field added to a view model but not to its schema (or the other way round) fails here.
@Suite struct ViewModelSchemaTests {
    /// A site using every feature a view model shows.
    static let site = TestSite([
        "content/reviews/baran.md": TestSite.review(title: "Baran", date: "2020-01-07", rating: "4.5", extra: """
            director: Majid Majidi
            writer: [Majid Majidi, Someone Else]
            year: 2001
            categories: [Iranian, Drama]
            tags: [rain, work]
            country: Iran
            image: /img/baran.jpg
            image_alt: Rain on a building site
            recommend: [children, {title: Close-Up, url: "https://example.org/close-up"}]
            original_title: باران
            original_language: fa
            awards: [Montreal, {name: Fajr, year: 2001}]
            runtime: 94
            score: 8.5
            restored: true
            toc: true
            """, body: "First paragraph of the review.\n\n<!--more-->\n\n## The story\n\n### The rain\n\nThe rest."),
        "content/reviews/children.md": TestSite.review(title: "Children of Heaven", date: "2020-01-06", rating: "5", extra: """
            director: Majid Majidi
            year: 1997
            categories: [Iranian]
            tags: [rain]
            country: Iran
            """),
        "content/reviews/colour.md": TestSite.review(title: "The Colour of Paradise", date: "2019-05-01", rating: "4", extra: """
            director: Majid Majidi
            year: 1999
            categories: [Iranian]
            tags: [work]
            """),
        "content/reviews/draft.md": TestSite.review(title: "A draft", date: "2019-04-01", rating: "3", extra: "draft: true\ndirector: Someone Else"),
        "content/reviews/later.md": TestSite.review(title: "Scheduled", date: "2031-01-01", rating: "2.5", extra: "category: Drama"),
        "content/reviews/plain.md": TestSite.review(title: "Plain", date: "2018-01-01", rating: "0", extra: "language: fa"),
        "content/reviews/baran.comments.yml": """
            - id: 1
              author: Mina
              url: https://mina.example/
              date: 2020-02-01
              text: The ending.
            - id: 2
              parent: 1
              author: Tester
              text: Thanks.
            """,
        "content/posts/rain.comments.yml": "- id: 1\n  author: Mina\n  url: https://mina.example/\n  date: 2020-02-01\n  text: Wet.\n- id: 2\n  parent: 1\n  author: Ana\n  text: Very.\n",
        "content/pages/about.md": """
            ---
            title: About
            summary: About this site.
            contact: {email: me@example.org}
            ---
            Who writes here.
            """,
        "content/pages/notes.md": "---\ntitle: Notes\ndraft: true\n---\nDraft notes.\n",
        "content/posts/rain.md": """
            ---
            title: Rain in Iranian films
            date: 2020-01-08
            updated: 2020-02-01
            reviewer: ana
            categories: [Iranian]
            tags: [rain]
            country: Iran
            image: /img/baran.jpg
            toc: true
            mood: wet
            ---
            Rain falls in [Baran](/reviews/baran/).

            ## Roofs

            ### Tin

            More.
            """,
        "content/posts/soon.md": "---\ntitle: Soon\ndate: 2031-02-01\ntags: [work]\n---\nLater.\n",
        "content/posts/draft-post.md": "---\ntitle: Draft post\ndate: 2019-06-01\ndraft: true\n---\nA draft.\n",
        "static/img/baran.jpg": "not really a JPEG",
    ], siteYML: """
        title: Test Reviews
        description: Films, reviewed.
        base_url: https://example.org/blog/
        author:
          name: Tester
          bio: Watches films.
          url: https://example.org/me
        paginate: 2
        authors:
          ana: {name: Ana, bio: Writes essays., url: "https://example.org/ana"}
        taxonomies:
          countries: {key: country, title: Countries, singular: Country}
        comments: {provider: giscus, repo: tester/comments, repo_id: R_1, category: Comments, category_id: DIC_1}
        """)

    /// The plan of the test site, with drafts and scheduled reviews.
    static func plan() throws -> RenderPlan {
        var diagnostics = Diagnostics()
        var files = InMemoryFileSystem(site.files)
        files.files["static/img/baran.jpg"] = TestImages.jpeg
        let prepared = Build.prepare(files, baseURLOverride: nil, publishing: PublishingOptions(includeDrafts: true, includeFuture: true, now: TestSite.fixedNow),
                                     cache: nil, &diagnostics)
        let (_, _, plan) = try #require(prepared, "\(diagnostics.all.map(\.description))")
        return plan
    }

    /// Every page value and every fragment value the plan renders, with its kind.
    static func renderedValues(_ plan: RenderPlan) -> [(kind: PageKind, origin: String, value: TemplateValue)] {
        var values: [(kind: PageKind, origin: String, value: TemplateValue)] = []
        for job in plan.jobs {
            if let kind = job.kind, let value = job.value { values.append((kind, job.path, value(plan.context))) }
        }
        for (kind, value) in plan.context.models.fragmentValues() { values.append((kind, kind.template, value)) }
        return values
    }

    @Test func everyValueMatchesItsPageKindsSchema() throws {
        let values = Self.renderedValues(try Self.plan())
        for (kind, origin, value) in values {
            let problems = TemplateType.object(kind.schema).problems(with: Self.closingFreeForm(value, as: .object(kind.schema)))
            #expect(problems == [], "\(kind) (\(origin))")
        }
        // Every kind is rendered at least once by the test site.
        #expect(Set(values.map(\.kind)) == Set(PageKind.allCases))
    }

    /// The test site gives every field of every kind a value somewhere (lists with entries, optionals
    /// set), so the check above saw each field's kind on a real value, not only `.absent`.
    @Test func theTestSiteGivesEveryFieldAValue() throws {
        let values = Self.renderedValues(try Self.plan())
        // `site` and `page` are the same on every page kind, and some of `page` only has a value on
        // review pages (`image`, `jsonLD`): those count across all pages.
        var seenOnPages = Set<String>()
        for (kind, _, value) in values where !kind.isFragment { Self.collectPresent(value, at: "", into: &seenOnPages) }
        for kind in PageKind.allCases {
            var seen = Set<String>()
            for (other, _, value) in values where other == kind { Self.collectPresent(value, at: "", into: &seen) }
            let unseen = Self.paths(of: .object(kind.schema), at: "").filter { path in
                !seen.contains(path) && !(!kind.isFragment && (path.hasPrefix("page.") || path.hasPrefix("site.")) && seenOnPages.contains(path))
            }
            #expect(unseen == [], "\(kind)")
        }
    }

    @Test func everyFieldIsDocumentedOnceAndNamed() {
        var checked = Set<String>()
        func check(_ type: TemplateObjectType) {
            guard checked.insert(type.name + "\(type.fields.map(\.name))").inserted else { return }
            #expect(!type.name.isEmpty)
            #expect(Set(type.fields.map(\.name)).count == type.fields.count, "\(type.name) names a field twice")
            for field in type.fields {
                #expect(!field.documentation.isEmpty && !field.documentation.contains("\n"), "\(type.name).\(field.name)")
                var inner = field.type
                while case .list(let element) = inner { inner = element }
                if case .object(let object) = inner { check(object) }
            }
        }
        for kind in PageKind.allCases {
            check(kind.schema)
            #expect(!kind.summary.isEmpty)
            #expect(DefaultTheme.templates[kind.template] != nil, "\(kind) has no template in the default theme")
        }
    }

    /// The view of every page kind has `site` and `page`; fragments have neither `page` nor the
    /// rendered header and footer.
    @Test func pagesHaveSiteAndPageAndFragmentsDoNot() {
        for kind in PageKind.allCases {
            let names = kind.schema.fields.map(\.name)
            if kind.isFragment {
                #expect(!names.contains("page"), "\(kind)")
                if case .object(let site)? = kind.schema.field("site")?.type {
                    #expect(site.field("headerHTML") == nil && site.field("footerHTML") == nil && site.field("currentNav") == nil)
                }
            } else {
                #expect(Array(names.prefix(2)) == ["site", "page"], "\(kind)")
            }
        }
    }

    @Test func aFieldMissingFromTheSchemaIsReported() {
        var object = PaginationView(current: 1, total: 2, position: "Page 1 of 2", previous: nil, next: "/page/2/", first: "/", last: "/page/2/").templateObject
        object["extra"] = .text("not declared")
        #expect(TemplateType.object(PaginationView.schema).problems(with: .object(object)) == ["extra: not in the schema of pagination"])
    }

    @Test func valuesOfKnownKindsAreTypedAsTheirSchemaSays() throws {
        let plan = try Self.plan()
        let index = try #require(plan.context.site.reviews.firstIndex { $0.slug == "baran" })
        let review = plan.context.models.reviewView(at: index).templateObject
        guard case .html = review["body"], case .html = review["excerpt"], case .html = review["html"],
              case .text = review["title"], case .object(let params) = review["params"] else {
            Issue.record("review: \(review)")
            return
        }
        #expect(params["original_title"] == .text("باران"))
        #expect(params["runtime"] == .int(94))
        #expect(params["score"] == .double(8.5))
        #expect(params["restored"] == .flag(true))
        #expect(params["awards"] == .list([.text("Montreal"), .object(TemplateObject(["name": .text("Fajr"), "year": .int(2001)]))]))
        // A review without a year has `.absent` there, not `false`.
        let plain = try #require(plan.context.site.reviews.firstIndex { $0.slug == "plain" })
        #expect(plan.context.models.entries[plain].templateObject["year"] == .absent)
    }

    // MARK: - Helpers

    /// `value` with the contents of free-form objects (`params`, declared with no fields) taken out.
    static func closingFreeForm(_ value: TemplateValue, as type: TemplateType) -> TemplateValue {
        switch (type, value) {
        case (.list(let element), .list(let items)):
            return .list(items.map { closingFreeForm($0, as: element) })
        case (.object(let schema), .object(let object)):
            if schema.fields.isEmpty { return .object(TemplateObject()) }
            var result = object
            for field in schema.fields {
                if let inner = object[field.name] { result[field.name] = closingFreeForm(inner, as: field.type) }
            }
            return .object(result)
        default:
            return value
        }
    }

    /// Paths (`review.directors[].name`) of every field under `type`, free-form objects as a whole.
    static func paths(of type: TemplateType, at path: String) -> [String] {
        switch type {
        case .list(let element): return [path] + paths(of: element, at: path + "[]").filter { $0 != path + "[]" }
        case .object(let object):
            return object.fields.flatMap { field in
                let fieldPath = path.isEmpty ? field.name : "\(path).\(field.name)"
                return [fieldPath] + paths(of: field.type, at: fieldPath).filter { $0 != fieldPath }
            }
        default: return [path]
        }
    }

    /// Paths that hold a value other than `.absent` (lists: with at least one entry).
    static func collectPresent(_ value: TemplateValue, at path: String, into seen: inout Set<String>) {
        switch value {
        case .absent: return
        case .list(let items):
            guard !items.isEmpty else { return }
            seen.insert(path)
            for item in items { collectPresent(item, at: path + "[]", into: &seen) }
        case .object(let object):
            if !path.isEmpty { seen.insert(path) }
            for (name, inner) in object.fields { collectPresent(inner, at: path.isEmpty ? name : "\(path).\(name)", into: &seen) }
        default:
            seen.insert(path)
        }
    }
}
