import Foundation
import Testing
@testable import MarqueeKit

@Suite struct WXRReaderTests {
    /// ../shared/fixtures/wordpress beside the package (see shared/README.md).
    static let fixtures = Paths.packageRoot.appendingPathComponent("../shared/fixtures/wordpress").standardizedFileURL
    static let filmBlog = Paths.packageRoot.appendingPathComponent("Tests/MarqueeKitTests/Fixtures/import/film-blog.xml")

    static func export(_ url: URL) throws -> WXRExport {
        let data = try Data(contentsOf: url)
        return try WXRReader.read(data, path: url.lastPathComponent).get()
    }

    @Test func wxr11AuthorsCategoriesAndItems() throws {
        let export = try Self.export(Self.fixtures.appendingPathComponent("small-export.xml"))
        #expect(export.wxrVersion == "1.1" && export.baseBlogURL == "http://localhost/")
        #expect(export.authors.map(\.login) == ["admin", "editor", "author"])
        #expect(export.authors[1].name == "editor" && export.categories.count == 33)
        #expect(export.categories.first { $0.nicename == "foo-bar" }?.parent == "bar")
        #expect(export.items.count == 11 && export.items.filter { $0.postType == "post" }.count == 6)
        let hello = try #require(export.items.first { $0.postName == "hello-world" })
        #expect(hello.comments.count == 1 && hello.comments[0].approved == "1")
        #expect(hello.terms.contains(WXRTerm(domain: "category", nicename: "uncategorized", name: "Uncategorized")))
    }

    @Test func wxr12WithHTTPSNamespacesCommentsAndMeta() throws {
        let export = try Self.export(Self.fixtures.appendingPathComponent("theme-unit-test-data.xml"))
        #expect(export.wxrVersion == "1.2" && export.items.count == 186)
        let comments = export.items.flatMap(\.comments)
        #expect(comments.count == 33 && comments.filter { $0.type == "pingback" }.count == 2 && comments.filter { $0.approved == "0" }.count == 3)
        #expect(export.items.filter { $0.metaValue("_thumbnail_id") != nil }.count >= 6)
    }

    @Test func theFilmBlogNeverKeepsAnEmailAddress() throws {
        let export = try Self.export(Self.filmBlog)
        #expect(!String(describing: export).contains("secret.example") && !String(describing: export).contains("private.example"))
        #expect(!String(describing: export).contains("192.0.2.7"))
    }

    @Test func aBadExportIsOneErrorAtTheParsersLineAndColumn() {
        let xml = """
            <?xml version="1.0"?>
            <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>
            <item><title>Fine</title></item>
            <item><title>Broken</item>
            </channel></rss>
            """
        guard case .failure(let diagnostic) = WXRReader.read(Data(xml.utf8), path: "blog.xml") else { Issue.record("it was read"); return }
        #expect(diagnostic.description == "blog.xml:4:27: error: the export is not well-formed XML: a closing tag does not match the element it closes — export the site again (WordPress: Tools → Export → All content); an export cut short or edited by hand cannot be read")
    }

    @Test func anXMLFileThatIsNotAnExport() {
        guard case .failure(let diagnostic) = WXRReader.read(Data("<rss><channel><title>x</title></channel></rss>".utf8), path: "feed.xml") else {
            Issue.record("it was read"); return
        }
        #expect(diagnostic.description == "feed.xml:1:1: error: this is not a WordPress export: no <channel> with WordPress's wp: elements — give the file WordPress writes with Tools → Export (WXR 1.0 to 1.2)")
    }
}
