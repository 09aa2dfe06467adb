import Foundation
import Testing
@testable import MarqueeKit

/// `marquee templates copy`: the default theme's templates into a site, never over a writer's own.
@Suite struct ThemeCopyTests {
    @Test func copiesTheNamedTemplatesAndRefusesToOverwrite() throws {
        let site = Paths.temporaryFolder("theme-copy")
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try "title: T\n".write(to: site.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)

        let written = try ThemeCopy.copy(["review", "credits"], into: site).get()
        #expect(written == ["templates/review.mustache", "templates/credits.mustache"])
        let copied = try String(contentsOf: site.appendingPathComponent("templates/review.mustache"), encoding: .utf8)
        #expect(copied == DefaultTheme.templates["review"])

        try "mine".write(to: site.appendingPathComponent("templates/review.mustache"), atomically: true, encoding: .utf8)
        guard case .failure(let refusal) = ThemeCopy.copy(["review"], into: site) else { Issue.record("overwrote the writer's template"); return }
        #expect(refusal.description == "templates/review.mustache:1:1: error: templates/review.mustache already exists; nothing was written — edit it, or pass --force to replace it with the default theme's")
        #expect(try String(contentsOf: site.appendingPathComponent("templates/review.mustache"), encoding: .utf8) == "mine")
        _ = try ThemeCopy.copy(["review"], into: site, force: true).get()
        #expect(try String(contentsOf: site.appendingPathComponent("templates/review.mustache"), encoding: .utf8) == DefaultTheme.templates["review"])
    }

    @Test func anUnknownNameIsRefusedWithTheClosestOne() {
        let site = Paths.temporaryFolder("theme-copy-unknown")
        guard case .failure(let refusal) = ThemeCopy.copy(["reveiw"], into: site) else { Issue.record("copied an unknown template"); return }
        #expect(refusal.description == "templates/reveiw.mustache:1:1: error: the default theme has no template 'reveiw' — did you mean 'review'?")
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }

    /// Outside a site (no site.yml) the templates would do nothing: nothing is written.
    @Test func aFolderWithoutSiteYmlIsRefused() throws {
        let folder = Paths.temporaryFolder("theme-copy-no-site")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard case .failure(let refusal) = ThemeCopy.copy(["review"], into: folder) else { Issue.record("copied into a folder that is no site"); return }
        #expect(refusal.description == "site.yml:1:1: error: no site.yml in the site folder; nothing was written — run this in the folder that holds site.yml, or pass --source DIR")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func aTemplatesLinkOutOfTheSiteIsRefused() throws {
        let site = Paths.temporaryFolder("theme-copy-link")
        let outside = Paths.temporaryFolder("theme-copy-outside")
        defer { for folder in [site, outside] { try? FileManager.default.removeItem(at: folder) } }
        for folder in [site, outside] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try "title: T\n".write(to: site.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("templates"), withDestinationURL: outside)
        guard case .failure = ThemeCopy.copy(["review"], into: site) else { Issue.record("wrote through a link out of the site"); return }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path) == [])
    }
}
