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
    /// A minimal export around `item` (bytes, so that they need not be UTF-8), with `declaration`.
    static func exportBytes(declaration: String = #"<?xml version="1.0" encoding="UTF-8"?>"#, _ item: [UInt8]) -> Data {
        Data(Array("\(declaration)\n<rss xmlns:wp=\"http://wordpress.org/export/1.2/\" xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\"><channel><wp:wxr_version>1.2</wp:wxr_version>\n".utf8)
             + item + Array("\n</channel></rss>\n".utf8))
    }

    /// Foundation's XMLParser stops the process on a comment or a name whose bytes are not UTF-8
    /// (found by fuzzing the import): such bytes are replaced before it sees them, and their
    /// places (line, column in characters) kept for the report.
    @Test func bytesThatAreNotUTF8AreReplacedAndTheirPlacesKept() throws {
        let item = Array("<!-- a comment \u{E9}".utf8) + [0xFF] + Array(" -->\n<item><title>Caf".utf8) + [0xE9]
            + Array("</title><wp:post_type>post</wp:post_type><excerpt:encoded>cut \u{2014}".utf8) + [0xE2, 0x80]
            + Array("</excerpt:encoded><wp:status>publish</wp:status></item>".utf8)
        let export = try WXRReader.read(Self.exportBytes(item), path: "blog.xml").get()
        #expect(export.items.map(\.title) == ["Caf\u{FFFD}"])
        #expect(export.notUTF8.map(\.description) == ["blog.xml:3:17", "blog.xml:4:17", "blog.xml:4:81"])
        #expect(export.items.first?.excerpt == "cut \u{2014}\u{FFFD}")
    }

    /// A declared encoding libxml2 knows is left to it; an unknown one is read as UTF-8 (libxml2
    /// would pass the bytes on unconverted), and a broken declaration is an error, not a crash.
    @Test func declaredEncodings() throws {
        let latin1 = Self.exportBytes(declaration: #"<?xml version="1.0" encoding="ISO-8859-1"?>"#,
                                      Array("<item><title>Caf".utf8) + [0xE9] + Array("</title></item>".utf8))
        let read = try WXRReader.read(latin1, path: "blog.xml").get()
        #expect(read.items.map(\.title) == ["Caf\u{E9}"] && read.notUTF8.isEmpty)
        #expect(NotUTF8Bytes.convertedByLibXML2(Data([0xFF, 0xFE, 0x3C, 0x00])) && !NotUTF8Bytes.convertedByLibXML2(Data("<rss/>".utf8)))
        let broken = Data(Array(#"<?xml version="1.0" encoding="UTFnt="http://purl.org/rss/1.0/modules/content/""#.utf8) + Array("\n<channel>\n<dc:c".utf8) + [0xD9] + Array("eator".utf8))
        guard case .failure(let diagnostic) = WXRReader.read(broken, path: "blog.xml") else { Issue.record("it was read"); return }
        #expect(diagnostic.description.hasPrefix("blog.xml:1:36: error: the export is not well-formed XML: a quoted value is not opened or not closed"))
    }

    @Test func aBrokenExportWithBytesThatAreNotUTF8SaysWhereTheFirstIs() {
        let item = Array("<item><dc:c".utf8) + [0xD9] + Array("eator>x</dc:creator></item>".utf8)
        guard case .failure(let diagnostic) = WXRReader.read(Self.exportBytes(item), path: "blog.xml") else { Issue.record("it was read"); return }
        #expect(diagnostic.message.hasSuffix("(the file also has bytes that are not UTF-8, first at line 3, column 12: convert it to UTF-8 first)"))
    }

    @Test func theImportWarnsAtEachPlaceAndSumsUpTheRest() {
        let places = (1...23).map { SourceLocation(path: "blog.xml", line: $0, column: 2) }
        let warnings = WordPressImport.notUTF8Warnings(places)
        #expect(warnings.count == 21)
        #expect(warnings.first?.description == "blog.xml:1:2: warning: bytes that are not UTF-8 here were read as U+FFFD (\u{FFFD}) — the export says it is UTF-8; correct the character in the imported file (WordPress can cut an excerpt inside a character, and an old database can hold Latin-1 text)")
        #expect(warnings.last?.description == "blog.xml:21:2: warning: and 3 more places after this one with bytes that are not UTF-8, read as U+FFFD (\u{FFFD}) too — convert the export to UTF-8 before importing it, or correct the imported files")
    }
}

