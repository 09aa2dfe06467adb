import MarqueeTemplates

/// A review's `image:` as templates show it: for a resized image, its variants as `srcset` (its
/// own format, and WebP for a `<picture>` source) with its size, so the page does not shift as it
/// loads; for an SVG, another unresized file or an address elsewhere, the link alone.
struct PosterView: TemplateView {
    var src: String
    var srcset = ""
    var webpSrcset = ""
    var sizes = ""
    var width: Int?
    var height: Int?
    var alt: String
    /// Below the first screen (cards): `loading="lazy"`.
    var lazy: Bool

    /// How wide the default theme shows a poster: beside the title on wide screens (20 rem at
    /// most), the column's width on phones; a card's thumbnail is 8 rem.
    static let pageSizes = "(min-width: 40rem) 20rem, 100vw"
    static let thumbnailSizes = "8rem"

    /// `sizes` tells the browser how wide the image is shown, so it picks the variant to fetch.
    init(_ image: String, of review: Review, site: Site, link: String, sizes: String, lazy: Bool) {
        self.init(image, source: review.source, alt: review.imageAlt ?? review.movie, site: site, link: link, sizes: sizes, lazy: lazy)
    }

    /// The `image:` of the post read from `source` (a review's or an article's).
    init(_ image: String, source: String, alt: String, site: Site, link: String, sizes: String, lazy: Bool) {
        self.alt = alt
        self.lazy = lazy
        src = link
        guard case .local(let path) = ImageReference(image, postSource: source), let processed = site.images.images[path],
              let fallback = processed.fallback else { return }
        let links = site.permalinks
        src = links.link(fallback.path)
        func set(_ variants: [ImageVariant]) -> String {
            variants.map { "\(links.link($0.path)) \($0.width)w" }.joined(separator: ", ")
        }
        srcset = set(processed.own.isEmpty ? processed.webp : processed.own)
        webpSrcset = processed.own.isEmpty ? "" : set(processed.webp)
        self.sizes = sizes
        width = fallback.width
        height = fallback.height
    }

    var templateObject: TemplateObject {
        TemplateObject([
            "src": .text(src),
            "srcset": .text(orAbsent: srcset.isEmpty ? nil : srcset),
            "webpSrcset": .text(orAbsent: webpSrcset.isEmpty ? nil : webpSrcset),
            "sizes": .text(sizes),
            "width": width.map { .int($0) } ?? .absent,
            "height": height.map { .int($0) } ?? .absent,
            "hasSize": .flag(width != nil),
            "alt": .text(alt),
            "lazy": .flag(lazy),
        ])
    }

    static let schema = TemplateObjectType("poster", [
        TemplateField("src", .text, "the largest variant in the image's own format (or the image as written when it is not resized: SVG, GIF, an address elsewhere), with the base path"),
        TemplateField("srcset", .text, "the variants in the image's own format, `…-320.jpg 320w, …-640.jpg 640w`; empty when not resized"),
        TemplateField("webpSrcset", .text, "the WebP variants, for `<source type=\"image/webp\">`; empty when not resized or already WebP"),
        TemplateField("sizes", .text, "how wide the theme shows it, for `sizes`"),
        TemplateField("width", .number, "the width of `src` in pixels; empty when not resized"),
        TemplateField("height", .number, "the height of `src` in pixels; empty when not resized"),
        TemplateField("hasSize", .flag, "whether `width` and `height` are known"),
        TemplateField("alt", .text, "its alt text: front matter `image_alt`, else the work's name (an article's title)"),
        TemplateField("lazy", .flag, "whether it is below the first screen (`loading=\"lazy\"`): on cards, not on the review's own page"),
    ])
}
