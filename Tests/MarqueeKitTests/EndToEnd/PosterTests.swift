import Foundation
import Testing
@testable import MarqueeKit

/// A site with posters built on disk: the variants written, the pages' `<picture>`, the social
/// card, the second build's cache, and every broken image an error at its `image:` line that
/// leaves the previous output as it was.
@Suite struct PosterTests {
    static func site(_ images: [String: Data], reviews: [String: String]) throws -> URL {
        let site = try TestSite(reviews).writeToDisk()
        for (path, data) in images {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return site
    }

    static let twoPosters = [
        "content/reviews/baran/index.md": TestSite.review(title: "Baran", extra: "image: poster.jpg\nimage_alt: \"Rain & a <girl>\""),
        "content/reviews/court.md": TestSite.review(title: "Court", date: "2020-02-01", extra: "image: /posters/court.png"),
    ]

    static func build(_ site: URL, useCache: Bool = true) throws -> BuildReport {
        var options = BuildOptions(sourceDirectory: site)
        options.now = TestSite.fixedNow
        options.useCache = useCache
        switch Build.run(options) {
        case .success(let report): return report
        case .failure(let failure): throw failure
        }
    }

    @Test func postersAreResizedIntoTheOutputWithSrcsetAndASocialCard() throws {
        let site = try Self.site(["content/reviews/baran/poster.jpg": TestImages.jpeg, "static/posters/court.png": TestImages.smallPNG], reviews: Self.twoPosters)
        let report = try Self.build(site)
        #expect(report.imagesProcessed == 2 && report.imagesReused == 0)
        let output = site.appendingPathComponent("public")
        let files = Paths.snapshot(output)
        let images = files.keys.filter { $0.hasPrefix("images/") }.sorted()
        // Baran: 3 widths × (JPEG, WebP) + card; Court: 1 width × (PNG, WebP) + card.
        #expect(images.count == 10)
        let page = String(decoding: try #require(files["reviews/baran/index.html"]), as: UTF8.self)
        let key = ImageProcessor().key(of: TestImages.jpeg)
        #expect(page.contains("<source type=\"image/webp\" srcset=\"/images/\(key)-320.webp 320w, /images/\(key)-640.webp 640w, /images/\(key)-700.webp 700w\""))
        #expect(page.contains("<img src=\"/images/\(key)-700.jpg\" srcset=\"/images/\(key)-320.jpg 320w, /images/\(key)-640.jpg 640w, /images/\(key)-700.jpg 700w\""))
        #expect(page.contains("width=\"700\" height=\"1050\" alt=\"Rain &amp; a &lt;girl&gt;\" decoding=\"async\" fetchpriority=\"high\""))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://example.org/images/\(key)-social.jpg\">"))
        #expect(page.contains("<meta name=\"twitter:image\" content=\"https://example.org/images/\(key)-social.jpg\">"))
        let card = try #require(files["images/\(key)-social.jpg"])
        #expect(Vips.format(of: card).format == .jpeg)
        // Cards: the thumbnail, lazy; the alt text falls back to the work's name.
        let home = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(home.contains("sizes=\"8rem\"") && home.contains("loading=\"lazy\""))
        #expect(home.contains("alt=\"Court\""))
        // Every srcset entry is a file of the output.
        for match in home.matches(of: #/\/images\/[0-9a-f]{16}-[a-z0-9]+\.(jpg|png|webp)/#) {
            #expect(files[String(match.output.0.dropFirst())] != nil)
        }
    }

    @Test func theArchiveAndTheRatingsPageShowThumbnails() throws {
        let site = try Self.site(["content/reviews/baran/poster.jpg": TestImages.jpeg, "static/posters/court.png": TestImages.smallPNG], reviews: Self.twoPosters)
        _ = try Self.build(site)
        let files = Paths.snapshot(site.appendingPathComponent("public"))
        let key = ImageProcessor().key(of: TestImages.jpeg)
        let thumbnail = "<picture class=\"poster\"><source type=\"image/webp\" srcset=\"/images/\(key)-320.webp 320w, /images/\(key)-640.webp 640w, /images/\(key)-700.webp 700w\" sizes=\"8rem\">"
            + "<img src=\"/images/\(key)-700.jpg\" srcset=\"/images/\(key)-320.jpg 320w, /images/\(key)-640.jpg 640w, /images/\(key)-700.jpg 700w\" sizes=\"8rem\" width=\"700\" height=\"1050\" alt=\"Rain &amp; a &lt;girl&gt;\" decoding=\"async\" loading=\"lazy\"></picture>"
        let archive = String(decoding: try #require(files["reviews/index.html"]), as: UTF8.self)
        #expect(archive.contains("<li class=\"archive-item\">\n\(thumbnail)\n      <span class=\"archive-body\">"), "\(archive)")
        let ratings = String(decoding: try #require(files["ratings/index.html"]), as: UTF8.self)
        #expect(ratings.contains("<tr><td>\(thumbnail)\n<a href=\"/reviews/baran/\"><cite>Baran</cite></a></td>"), "\(ratings)")
        #expect(ratings.contains("alt=\"Court\" decoding=\"async\" loading=\"lazy\"></picture>\n<a href=\"/reviews/court/\">"))
    }

    @Test func aSecondBuildDoesNoImageWorkAndIsByteIdentical() throws {
        let site = try Self.site(["content/reviews/baran/poster.jpg": TestImages.jpeg, "static/posters/court.png": TestImages.smallPNG], reviews: Self.twoPosters)
        _ = try Self.build(site)
        let first = Paths.snapshot(site.appendingPathComponent("public"))
        // Without the build cache's record the build is a full one, which takes the images from the store.
        try FileManager.default.removeItem(at: BuildCache.location(for: BuildOptions(sourceDirectory: site)))
        let second = try Self.build(site)
        #expect(second.imagesProcessed == 0 && second.imagesReused == 2)
        #expect(Paths.snapshot(site.appendingPathComponent("public")) == first)
    }

    @Test func anSVGOrAHotlinkedPosterIsUsedAsItIsAndNoSVGIsTheSocialCard() throws {
        let svg = Data("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"3\"/>\n".utf8)
        let site = try Self.site(["content/reviews/baran/poster.svg": svg], reviews: [
            "content/reviews/baran/index.md": TestSite.review(title: "Baran", extra: "image: poster.svg", body: "![](poster.svg) and ![The poster](poster.svg)"),
            "content/reviews/court.md": TestSite.review(title: "Court", date: "2020-02-01", extra: "image: https://images.example.com/court.jpg"),
        ])
        let report = try Self.build(site)
        #expect(report.imagesProcessed == 0)
        let files = Paths.snapshot(site.appendingPathComponent("public"))
        let baran = String(decoding: try #require(files["reviews/baran/index.html"]), as: UTF8.self)
        #expect(baran.contains("<img src=\"/reviews/baran/poster.svg\" alt=\"Baran\" decoding=\"async\""))
        #expect(!baran.contains("og:image"))
        let court = String(decoding: try #require(files["reviews/court/index.html"]), as: UTF8.self)
        #expect(court.contains("<img src=\"https://images.example.com/court.jpg\""))
        #expect(court.contains("<meta property=\"og:image\" content=\"https://images.example.com/court.jpg\">"))
        // marquee check tells of both.
        guard case .success(let checked) = Build.check(BuildOptions(sourceDirectory: site)) else {
            Issue.record("check failed")
            return
        }
        let warnings = checked.warnings.map(\.description)
        #expect(warnings.contains("content/reviews/court.md:5:8: warning: image 'https://images.example.com/court.jpg' is an address elsewhere, used as it is: no smaller variants, no social card, and it breaks if that site moves it — save the poster beside the review (a folder review) or under static/, and write its path"))
        #expect(warnings.contains("content/reviews/baran/index.md:8:1: warning: the image '/reviews/baran/poster.svg' in the body has no alt text — write what it shows between the brackets: ![Ali and Zahra running](still.jpg)"))
        #expect(warnings.filter { $0.contains("in the body has no alt text") }.count == 1)
        #expect(warnings.contains("content/reviews/baran/index.md:5:8: warning: 'baran' has no image_alt: its poster's alt text is the work's name, 'Baran' — add image_alt: with what the poster shows, for readers who cannot see it"))
    }

    static let broken: [(name: String, data: Data, written: String, expected: String)] = [
        ("truncated", TestImages.truncatedJPEG, "poster.jpg", "content/reviews/baran/index.md:5:8: error: image 'poster.jpg' is damaged or truncated: "),
        ("bomb", TestImages.bombPNG, "poster.png",
         "content/reviews/baran/index.md:5:8: error: image 'poster.png' is 30000 × 30000 pixels, more than the 100 megapixels Marquee decodes — scale it down (a poster needs no more than 2000 pixels wide); a tiny file this large is a decompression bomb"),
        ("mislabelled", TestImages.smallPNG, "poster.jpg",
         "content/reviews/baran/index.md:5:8: error: image 'poster.jpg' is a PNG file, not the JPEG its extension says — rename it to end in .png, or export it as JPEG"),
        ("not an image", Data("GIF? no: text\n".utf8), "poster.webp",
         "content/reviews/baran/index.md:5:8: error: image 'poster.webp' is not an image Marquee can read — export it again as JPEG, PNG or WebP"),
    ]

    @Test(arguments: broken.map(\.name))
    func aBrokenImageIsAnErrorAtItsLineAndLeavesTheOutputUntouched(name: String) throws {
        let broken = try #require(Self.broken.first { $0.name == name })
        let site = try Self.site(["content/reviews/baran/\(broken.written)": broken.data], reviews: [
            "content/reviews/baran/index.md": TestSite.review(title: "Baran", extra: "image: \(broken.written)"),
        ])
        let output = try PreviousOutput.make(in: site)
        let actual = try PreviousOutput.buildExpectingFailure(site: site, output: output)
        #expect(actual.hasPrefix(broken.expected), "\(actual)")
        #expect(!actual.contains("\n"), "one error: \(actual)")
        try PreviousOutput.expectUntouched(output)
    }
}
