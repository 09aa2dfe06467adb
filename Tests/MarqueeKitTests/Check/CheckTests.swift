import Foundation
import Testing
@testable import MarqueeKit

@Suite struct CheckTests {
    func check(_ site: TestSite) throws -> Result<RenderedSite, BuildFailure> {
        var options = BuildOptions(sourceDirectory: try site.writeToDisk())
        options.now = TestSite.fixedNow
        return Build.check(options)
    }

    @Test func brokenLinksAreErrorsInCheckEvenWhenTheBuildOnlyWarns() throws {
        let site = TestSite(["content/reviews/a.md": TestSite.review(body: "See [this](/nowhere/) and [that](#nothing).")],
                            siteYML: TestSite.siteYML + "\nbroken_links: warning")
        let built = try site.render().get()
        #expect(built.warnings.count == 2)
        guard case .failure(let failure) = try check(site) else { Issue.record("check passed"); return }
        #expect(failure.diagnostics.filter { $0.severity == .error }.map(\.location.line) == [8, 8])
    }

    @Test func adviceNamesReviewsWithoutRecommendationsAndUnusedImages() throws {
        let site = TestSite([
            "content/reviews/a.md": TestSite.review(body: "![used](/img/used.gif)"),
            "static/img/used.gif": "png",
            "static/img/unused.png": "png",
            "static/css/extra.css": "body { background: url(../img/bg.png) }",
            "static/img/bg.png": "png",
        ])
        let warnings = try check(site).get().warnings.map(\.description)
        #expect(warnings == [
            "content/reviews/a.md:1:1: warning: 'a' has no \"You'll love\" link: no similar review is rated 4 or more — add recommend: with the slug of a review, or tags it shares with reviews you rated highly",
            "static/img/unused.png:1:1: warning: static/img/unused.png is not used by any page — link to it, or delete it to keep the site small",
        ])
    }
}
