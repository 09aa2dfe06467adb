import Foundation
import Testing
@testable import MarqueeKit

/// The theme embedded in the binary is generated from templates/ and static/style.css (`make theme`).
@Suite struct DefaultThemeTests {
    @Test func embeddedThemeMatchesTheFilesInTheRepository() throws {
        let folder = Paths.packageRoot.appendingPathComponent("templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(Set(names.map { String($0.dropLast(".mustache".count)) }) == Set(DefaultTheme.templates.keys), "run `make theme`")
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(DefaultTheme.templates[String(name.dropLast(".mustache".count))] == text, "\(name) differs from the embedded copy: run `make theme`")
        }
        let css = try String(contentsOf: Paths.packageRoot.appendingPathComponent("static/style.css"), encoding: .utf8)
        #expect(DefaultTheme.assets["style.css"] == css, "static/style.css differs from the embedded copy: run `make theme`")
    }

    @Test func aSiteWithoutTemplatesOrStaticStillBuildsWithTheTheme() throws {
        let pages = try TestSite(["content/reviews/a.md": TestSite.review()]).pages()
        #expect(pages["style.css"] == DefaultTheme.assets["style.css"])
        #expect(pages["reviews/a/index.html"]?.contains("class=\"rating\"") == true)
    }
}
