import Testing
@testable import MarqueeKit

/// The `<key>.variants` list of `.marquee/images`: what `encode` writes reads back the same, and
/// anything else (a damaged or hand-edited list) is no list, so the image is made again.
@Suite struct ImageStoreListTests {
    static let image = ProcessedImage(
        width: 1000, height: 1500, format: .jpeg,
        own: [ImageVariant(path: "images/3fa2c1d0e9b87a65-320.jpg", width: 320, height: 480, format: .jpeg),
              ImageVariant(path: "images/3fa2c1d0e9b87a65-640.jpg", width: 640, height: 960, format: .jpeg)],
        webp: [ImageVariant(path: "images/3fa2c1d0e9b87a65-320.webp", width: 320, height: 480, format: .webp)],
        social: ImageVariant(path: "images/3fa2c1d0e9b87a65-social.jpg", width: 1200, height: 630, format: .jpeg))

    @Test func aListReadsBackAsTheImageItDescribes() {
        #expect(ImageStore.decode(ImageStore.encode(Self.image)) == Self.image)
        var plain = Self.image
        plain.social = nil
        plain.webp = []
        #expect(ImageStore.decode(ImageStore.encode(plain)) == plain)
    }

    @Test(arguments: [
        ("", "empty"),
        ("marquee-image-variants 2\n1000 1500 jpeg\n", "another version"),
        ("marquee-image-variants 1\n1000 1500\n", "a size without format"),
        ("marquee-image-variants 1\n1000 15x0 jpeg\n", "a size that is no number"),
        ("marquee-image-variants 1\n1000 1500 gif\n", "an unknown format"),
        ("marquee-image-variants 1\n1000 1500 jpeg\nown jpeg 320 480\n", "four fields"),
        ("marquee-image-variants 1\n1000 1500 jpeg\nown jpeg 320 480 posters/a.jpg\n", "a path outside images/"),
        ("marquee-image-variants 1\n1000 1500 jpeg\nown jpeg 320 480 images/../../etc/passwd\n", "a path with '..'"),
        ("marquee-image-variants 1\n1000 1500 jpeg\nthumb jpeg 320 480 images/a-320.jpg\n", "an unknown kind"),
        ("marquee-image-variants 1\n1000 1500 jpeg\nown jpeg -320 480 images/a-320.jpg\n", "a negative width"),
        ("marquee-image-variants 1\n1000 1500 jpeg\nown jpeg 99999999999 480 images/a-320.jpg\n", "a width past any image"),
        ("marquee-image-variants 1\n1000 1500 jpeg\nown jpeg  320 480 images/a-320.jpg\n", "an empty field"),
    ])
    func anythingElseIsNoList(text: String, what: String) {
        #expect(ImageStore.decode(text) == nil, "\(what) was read as a list")
    }
}
