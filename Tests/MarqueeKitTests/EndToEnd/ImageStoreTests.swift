import Foundation
import Testing
@testable import MarqueeKit

/// `.marquee/images`: `--no-cache` neither reads nor writes it, and each build removes what its
/// images no longer need, so the store does not grow with every poster ever replaced.
@Suite struct ImageStoreTests {
    static func storeFiles(_ site: URL) -> [String: Data] {
        Paths.snapshot(site.appendingPathComponent(ImageStore.folder))
    }

    @Test func noCacheResizesEveryImageAndLeavesTheStoreAlone() throws {
        let site = try PosterTests.site(["content/reviews/baran/poster.jpg": TestImages.jpeg, "static/posters/court.png": TestImages.smallPNG],
                                        reviews: PosterTests.twoPosters)
        _ = try PosterTests.build(site)
        let before = Self.storeFiles(site)
        #expect(before.count == 10 + 2 + 2) // variants, one list and one stamp an image
        let first = Paths.snapshot(site.appendingPathComponent("public"))
        // A stray file: --no-cache does not prune either.
        try Data("x".utf8).write(to: site.appendingPathComponent("\(ImageStore.folder)/0000000000000000.variants"))
        let report = try PosterTests.build(site, useCache: false)
        #expect(report.imagesProcessed == 2 && report.imagesReused == 0)
        #expect(Self.storeFiles(site).count == before.count + 1)
        #expect(Paths.snapshot(site.appendingPathComponent("public")) == first)
    }

    @Test func aBuildPrunesTheVariantsOfImagesNoLongerUsed() throws {
        let site = try PosterTests.site(["content/reviews/baran/poster.jpg": TestImages.jpeg, "static/posters/court.png": TestImages.smallPNG],
                                        reviews: PosterTests.twoPosters)
        _ = try PosterTests.build(site)
        try Data("left by a stopped build".utf8).write(to: site.appendingPathComponent("\(ImageStore.folder)/abc.variants.1234.tmp"))
        // Court's poster goes; Baran's is replaced by other bytes.
        try FileManager.default.removeItem(at: site.appendingPathComponent("static/posters/court.png"))
        try Data(TestSite.review(title: "Court", date: "2020-02-01").utf8).write(to: site.appendingPathComponent("content/reviews/court.md"))
        try TestImages.smallPNG.write(to: site.appendingPathComponent("content/reviews/baran/poster.png"))
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/reviews/baran/poster.jpg"))
        try Data(TestSite.review(title: "Baran", extra: "image: poster.png\nimage_alt: Rain").utf8)
            .write(to: site.appendingPathComponent("content/reviews/baran/index.md"))
        let report = try PosterTests.build(site)
        #expect(report.imagesProcessed == 0 && report.imagesReused == 1) // the same PNG bytes as Court's
        let key = ImageProcessor().key(of: TestImages.smallPNG)
        let names = Self.storeFiles(site).keys.sorted()
        #expect(names.filter { !$0.hasSuffix(".source") } == ["\(key)-200.png", "\(key)-200.webp", "\(key)-social.jpg", "\(key).variants"])
        // Only the stamp of a file still there: Court's PNG is gone, Baran's is a new file.
        #expect(names.filter { $0.hasSuffix(".source") }.count == 1)
    }

    /// Two builds of one site at once (`serve` with drafts, `build` without): neither removes the
    /// variants the other may still be copying. A store held by another build is pruned later.
    @Test func aBuildDoesNotPruneAStoreAnotherBuildHolds() throws {
        let site = try PosterTests.site(["content/reviews/baran/poster.jpg": TestImages.jpeg, "static/posters/court.png": TestImages.smallPNG],
                                        reviews: PosterTests.twoPosters)
        _ = try PosterTests.build(site)
        let before = Self.storeFiles(site)
        try FileManager.default.removeItem(at: site.appendingPathComponent("static/posters/court.png"))
        try Data(TestSite.review(title: "Court", date: "2020-02-01").utf8).write(to: site.appendingPathComponent("content/reviews/court.md"))
        var other = ImageStoreHold(storeDirectory: site.appendingPathComponent(ImageStore.folder).path)
        #expect(other != nil)
        _ = try PosterTests.build(site)
        #expect(Set(Self.storeFiles(site).keys) == Set(before.keys), "pruned while another build held the store")
        other = nil
        // A change the build cache cannot patch, so that the next build is a whole one (which prunes).
        try Data(TestSite.review(title: "Court", date: "2020-02-02").utf8).write(to: site.appendingPathComponent("content/reviews/court.md"))
        _ = try PosterTests.build(site)
        let key = ImageProcessor().key(of: TestImages.smallPNG)
        #expect(!Self.storeFiles(site).keys.contains { $0.hasPrefix(key) })
        #expect(Self.storeFiles(site).count < before.count)
        withExtendedLifetime(other) {}
    }

    /// The variants in the output are links to the store's files (no bytes read and written again),
    /// the same bytes a copy would have; a store file that is a symbolic link is made again, never linked.
    @Test func theOutputLinksTheStoresVariantsButNeverASymbolicLink() throws {
        let site = try PosterTests.site(["content/reviews/baran/poster.jpg": TestImages.jpeg, "static/posters/court.png": TestImages.smallPNG],
                                        reviews: PosterTests.twoPosters)
        _ = try PosterTests.build(site)
        let store = site.appendingPathComponent(ImageStore.folder).path
        let output = site.appendingPathComponent("public").path
        let variants = try FileManager.default.contentsOfDirectory(atPath: output + "/images").sorted()
        #expect(variants.count == 10)
        for name in variants {
            #expect(Paths.inode("\(output)/images/\(name)") == Paths.inode("\(store)/\(name)"), "\(name) is not the store's file")
        }
        // A store file swapped for a link to another file of the site: the next build makes the image again.
        let name = try #require(variants.first)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(store)/\(name)"))
        try bytes.write(to: site.appendingPathComponent("elsewhere.bin"))
        try FileManager.default.removeItem(atPath: "\(store)/\(name)")
        try FileManager.default.createSymbolicLink(atPath: "\(store)/\(name)", withDestinationPath: site.appendingPathComponent("elsewhere.bin").path)
        try Data(TestSite.review(title: "Court", date: "2020-02-02", extra: "image: /posters/court.png\nimage_alt: Court").utf8)
            .write(to: site.appendingPathComponent("content/reviews/court.md"))
        let report = try PosterTests.build(site)
        #expect(report.imagesProcessed == 1 && report.imagesReused == 1)
        var info = stat()
        #expect(lstat("\(output)/images/\(name)", &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(output)/images/\(name)")) == bytes)
    }
}
