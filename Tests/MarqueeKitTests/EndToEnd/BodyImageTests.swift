import Foundation
import Testing
@testable import MarqueeKit

/// Images in review and article bodies (`![A still](still.jpg)`): resized like posters into a
/// `<picture>`, an edited still writing the page again, every broken one an error at its place in
/// the Markdown, addresses elsewhere left as they are.
@Suite struct BodyImageTests {
    static let stillKey = ImageProcessor().key(of: TestImages.jpeg)
    static let pngKey = ImageProcessor().key(of: TestImages.smallPNG)

    /// The body starts on line 8 (no `extra`): the still is at 8:10, the PNG at 10:3.
    static let body = "Opening: ![Ali & Zahra](still.jpg \"On the roof\")\n\nA ![](/stills/rain.png) and ![far](https://img.example.com/x.jpg)."

    static func build(_ site: URL, useCache: Bool = true) throws -> BuildReport {
        try PosterTests.build(site, useCache: useCache)
    }

    static func page(_ site: URL, _ path: String) throws -> String {
        String(decoding: try Data(contentsOf: site.appendingPathComponent("public/\(path)")), as: UTF8.self)
    }

    @Test func aBodyImageBecomesAPictureOfItsVariantsAndARemoteOneStaysAsItIs() throws {
        let site = try PosterTests.site(["content/reviews/baran/still.jpg": TestImages.jpeg, "static/stills/rain.png": TestImages.smallPNG], reviews: [
            "content/reviews/baran/index.md": TestSite.review(title: "Baran", body: Self.body),
        ])
        let report = try Self.build(site)
        #expect(report.imagesProcessed == 2)
        let page = try Self.page(site, "reviews/baran/index.html")
        let key = Self.stillKey
        let sizes = "(min-width: 44rem) 42rem, 100vw"
        #expect(page.contains("<p>Opening: <picture><source type=\"image/webp\" srcset=\"/images/\(key)-320.webp 320w, /images/\(key)-640.webp 640w, /images/\(key)-700.webp 700w\" sizes=\"\(sizes)\">"
            + "<img src=\"/images/\(key)-700.jpg\" srcset=\"/images/\(key)-320.jpg 320w, /images/\(key)-640.jpg 640w, /images/\(key)-700.jpg 700w\" sizes=\"\(sizes)\" width=\"700\" height=\"1050\" alt=\"Ali &amp; Zahra\" title=\"On the roof\" loading=\"lazy\" decoding=\"async\"></picture></p>"), "\(page)")
        #expect(page.contains("<img src=\"/images/\(Self.pngKey)-200.png\" srcset=\"/images/\(Self.pngKey)-200.png 200w\" sizes=\"\(sizes)\" width=\"200\" height=\"300\" alt=\"\" loading=\"lazy\""))
        #expect(page.contains("<img src=\"https://img.example.com/x.jpg\" alt=\"far\" />"))
        #expect(!page.contains("marquee-image") && !page.contains("still.jpg"))
        // The excerpt (the first paragraph) on the home page shows it too, and every variant is written.
        let home = try Self.page(site, "index.html")
        #expect(home.contains("<img src=\"/images/\(key)-700.jpg\""))
        for match in (page + home).matches(of: #/\/images\/[0-9a-f]{16}-[a-z0-9]+\.(jpg|png|webp)/#) {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public" + match.output.0).path), "\(match.output.0)")
        }
        // marquee check: the image without alt text, at its place.
        guard case .success(let checked) = Build.check(BuildOptions(sourceDirectory: site)) else {
            Issue.record("check failed")
            return
        }
        let warnings = checked.warnings.map(\.description)
        #expect(warnings.contains("content/reviews/baran/index.md:10:3: warning: the image '/stills/rain.png' in the body has no alt text — write what it shows between the brackets: ![Ali and Zahra running](still.jpg)"), "\(warnings)")
        #expect(warnings.filter { $0.contains("in the body has no alt text") }.count == 1)
        #expect(!warnings.contains { $0.contains("static/stills/rain.png is not used") })
    }

    @Test func aBodyImageUnderASubPathBaseURLHasItsPath() throws {
        let site = try PosterTests.site(["content/reviews/baran/still.jpg": TestImages.jpeg], reviews: [
            "content/reviews/baran/index.md": TestSite.review(title: "Baran", body: "![A still](still.jpg)"),
        ])
        var options = BuildOptions(sourceDirectory: site)
        options.now = TestSite.fixedNow
        options.baseURLOverride = "https://example.org/blog/"
        guard case .success = Build.run(options) else {
            Issue.record("build failed")
            return
        }
        let page = try Self.page(site, "reviews/baran/index.html")
        #expect(page.contains("<img src=\"/blog/images/\(Self.stillKey)-700.jpg\" srcset=\"/blog/images/\(Self.stillKey)-320.jpg 320w"))
    }

    @Test func aStillReplacedUnderTheSameNameWritesThePageAgain() throws {
        let site = try PosterTests.site(["content/reviews/baran/still.jpg": TestImages.jpeg], reviews: [
            "content/reviews/baran/index.md": TestSite.review(title: "Baran", body: "![A still](still.jpg)"),
        ])
        _ = try Self.build(site)
        #expect(try Self.page(site, "reviews/baran/index.html").contains("/images/\(Self.stillKey)-700.jpg"))
        // Another JPEG, 320 pixels wide, under the same name.
        guard case .success(let (_, files)) = ImageProcessor().process(TestImages.jpeg, declared: .jpeg) else {
            Issue.record("no variants")
            return
        }
        let other = Data(try #require(files["\(Self.stillKey)-320.jpg"]))
        try other.write(to: site.appendingPathComponent("content/reviews/baran/still.jpg"))
        let second = try Self.build(site)
        #expect(second.imagesProcessed == 1)
        let page = try Self.page(site, "reviews/baran/index.html")
        let newKey = ImageProcessor().key(of: other)
        #expect(page.contains("<img src=\"/images/\(newKey)-320.jpg\" srcset=\"/images/\(newKey)-320.jpg 320w\""), "\(page)")
        #expect(!page.contains(Self.stillKey))
    }

    @Test func aBodyEditThatAddsAnImageIsNotPatchedButBuilt() throws {
        let site = try PosterTests.site(["content/reviews/baran/still.jpg": TestImages.jpeg], reviews: [
            "content/reviews/baran/index.md": TestSite.review(title: "Baran", body: "No image yet."),
        ])
        _ = try Self.build(site)
        try Data(TestSite.review(title: "Baran", body: "Now: ![A still](still.jpg)").utf8).write(to: site.appendingPathComponent("content/reviews/baran/index.md"))
        let second = try Self.build(site)
        #expect(!second.reusedCache)
        #expect(try Self.page(site, "reviews/baran/index.html").contains("<img src=\"/images/\(Self.stillKey)-700.jpg\""))
        // And an edit that keeps the image: built again too, with the same picture.
        try Data(TestSite.review(title: "Baran", body: "Still now: ![A still](still.jpg)").utf8).write(to: site.appendingPathComponent("content/reviews/baran/index.md"))
        let third = try Self.build(site)
        #expect(!third.reusedCache && third.imagesReused == 1)
        let page = try Self.page(site, "reviews/baran/index.html")
        #expect(page.contains("<p>Still now: <picture>") && !page.contains("marquee-image"))
    }

    static let broken: [(name: String, data: Data?, written: String, expected: String)] = [
        ("truncated", TestImages.truncatedJPEG, "still.jpg", "content/reviews/baran/index.md:9:6: error: image 'still.jpg' is damaged or truncated: "),
        ("bomb", TestImages.bombPNG, "still.png",
         "content/reviews/baran/index.md:9:6: error: image 'still.png' is 30000 × 30000 pixels, more than the 100 megapixels Marquee decodes — scale it down (a poster needs no more than 2000 pixels wide); a tiny file this large is a decompression bomb"),
        ("mislabelled", TestImages.smallPNG, "still.jpg",
         "content/reviews/baran/index.md:9:6: error: image 'still.jpg' is a PNG file, not the JPEG its extension says — rename it to end in .png, or export it as JPEG"),
        ("missing", nil, "stills/gone.jpg",
         "content/reviews/baran/index.md:9:6: error: image 'stills/gone.jpg' is not a file of the folder 'content/reviews/baran' — put the image beside index.md, or fix its name (names are case-sensitive)"),
    ]

    @Test(arguments: broken.map(\.name))
    func aBrokenBodyImageIsAnErrorAtItsPlaceAndLeavesTheOutputUntouched(name: String) throws {
        let broken = try #require(Self.broken.first { $0.name == name })
        let site = try PosterTests.site(broken.data.map { ["content/reviews/baran/\(broken.written)": $0] } ?? [:], reviews: [
            "content/reviews/baran/index.md": TestSite.review(title: "Baran", body: "First line.\nText ![A still](\(broken.written)) more."),
        ])
        let output = try PreviousOutput.make(in: site)
        let actual = try PreviousOutput.buildExpectingFailure(site: site, output: output)
        #expect(actual.hasPrefix(broken.expected), "\(actual)")
        #expect(!actual.contains("\n"), "one error: \(actual)")
        try PreviousOutput.expectUntouched(output)
    }

    @Test func anArticlesImageAndBodyImagesAreResizedAsAReviews() throws {
        let site = try PosterTests.site(["content/posts/news/banner.jpg": TestImages.jpeg, "static/stills/rain.png": TestImages.smallPNG], reviews: [
            "content/reviews/baran.md": TestSite.review(title: "Baran"),
            "content/posts/news/index.md": "---\ntitle: Site news\ndate: 2020-01-05\nimage: banner.jpg\nimage_alt: A banner of rain\n---\nThe news: ![Rain](/stills/rain.png) and ![](banner.jpg).\n",
            "content/posts/essay.md": "---\ntitle: Essay\ndate: 2020-01-06\nimage: /stills/rain.png\n---\nText.\n",
        ])
        _ = try Self.build(site)
        let page = try Self.page(site, "posts/news/index.html")
        let key = Self.stillKey
        #expect(page.contains("<picture class=\"poster\"><source type=\"image/webp\" srcset=\"/images/\(key)-320.webp 320w"), "\(page)")
        #expect(page.contains("width=\"700\" height=\"1050\" alt=\"A banner of rain\" decoding=\"async\" fetchpriority=\"high\""))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://example.org/images/\(key)-social.jpg\">"))
        #expect(page.contains("<p>The news: <picture><img src=\"/images/\(Self.pngKey)-200.png\"") == false) // a PNG has a WebP source too
        #expect(page.contains("<p>The news: <picture><source type=\"image/webp\" srcset=\"/images/\(Self.pngKey)-200.webp 200w\""))
        #expect(page.contains("alt=\"\" loading=\"lazy\" decoding=\"async\"></picture>.</p>"))
        let essay = try Self.page(site, "posts/essay/index.html")
        #expect(essay.contains("alt=\"Essay\" decoding=\"async\" fetchpriority=\"high\""))
        guard case .success(let checked) = Build.check(BuildOptions(sourceDirectory: site)) else {
            Issue.record("check failed")
            return
        }
        let warnings = checked.warnings.map(\.description)
        #expect(warnings.contains("content/posts/essay.md:4:8: warning: 'essay' has no image_alt: its image's alt text is the article's title, 'Essay' — add image_alt: with what the poster shows, for readers who cannot see it"), "\(warnings)")
        #expect(warnings.contains("content/posts/news/index.md:7:41: warning: the image 'banner.jpg' in the body has no alt text — write what it shows between the brackets: ![Ali and Zahra running](still.jpg)"))
    }
}
