import Testing
import MarqueeTemplates
@testable import MarqueeKit

/// The engine's problems as the writer reads them.
@Suite struct TemplateDiagnosticsTests {
    /// Rendering that stopped at the library's limit of includes names the limit that applied and
    /// the chain where it stopped.
    @Test func tooManyIncludesSaysTheLimitAndTheChain() {
        func text(limit: Int) -> String {
            let problem = TemplateProblem(.tooMany(["t1", "t2", "t3", "t4"], limit: limit), template: "t3", path: "templates/t3.mustache", line: 1, column: 9)
            return TemplateDiagnostics.diagnostic(problem, templateNames: ["t1", "t2", "t3", "t4"], pages: { _ in "pages" }).description
        }
        #expect(text(limit: 20_000_000) == "templates/t3.mustache:1:9: error: one page took more than 20 million partials and parents to render (… t1 → t2 → t3 → t4) — templates that each include the next more than once multiply: include {{>t4}} once, or inside a section over data")
        #expect(text(limit: 1_000).contains("more than 1000 partials"))
    }
}
