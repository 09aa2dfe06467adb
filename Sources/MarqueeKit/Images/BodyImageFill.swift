/// After the image stage: each body image's placeholder (`BodyImage`) becomes the `<picture>` of
/// its variants, in the body, the excerpt and the first paragraph of every review and article.
/// The variants' names carry the hash of the image's bytes, so a still replaced under the same
/// name changes the body's HTML, and every page that shows it is written again.
enum BodyImageFill {
    /// How wide the default theme shows a body image: the column (44 rem less its padding).
    static let sizes = "(min-width: 44rem) 42rem, 100vw"

    static func apply(to site: inout Site) {
        let catalog = site.images, links = site.permalinks
        for index in site.reviews.indices where !site.reviews[index].body.images.isEmpty {
            // Both parts out and back: a review's fields are properties of its box (`Review`),
            // which two `inout`s at once may not share.
            var body = site.reviews[index].body, excerpt = site.reviews[index].excerpt
            fill(&body, &excerpt, catalog, links)
            site.reviews[index].body = body
            site.reviews[index].excerpt = excerpt
        }
        for index in site.articles.indices where !site.articles[index].body.images.isEmpty {
            var article = site.articles[index]
            fill(&article.body, &article.excerpt, catalog, links)
            site.articles[index] = article
        }
    }

    static func fill(_ body: inout RenderedMarkdown, _ excerpt: inout Excerpt, _ catalog: ImageCatalog, _ links: Permalinks) {
        for image in body.images {
            let html = catalog.images[image.source].map { markup(image, $0, links) } ?? image.fallback
            func put(_ text: inout String) {
                if text.contains(image.placeholder) { text = text.replacingOccurrences(of: image.placeholder, with: html) }
            }
            put(&body.html)
            put(&excerpt.html)
            if body.moreExcerptHTML != nil { put(&body.moreExcerptHTML!) }
            if body.firstParagraphHTML != nil { put(&body.firstParagraphHTML!) }
        }
    }

    /// As the default theme's poster (templates/poster.mustache), lazy: a body image is below the
    /// title and the poster.
    static func markup(_ image: BodyImage, _ processed: ProcessedImage, _ links: Permalinks) -> String {
        guard let fallback = processed.fallback else { return image.fallback }
        func set(_ variants: [ImageVariant]) -> String {
            variants.map { "\(links.link($0.path)) \($0.width)w" }.joined(separator: ", ")
        }
        var html = "<picture>"
        if !processed.own.isEmpty {
            html += "<source type=\"image/webp\" srcset=\"\(HTMLText.escape(set(processed.webp)))\" sizes=\"\(sizes)\">"
        }
        html += "<img src=\"\(HTMLText.escape(links.link(fallback.path)))\" srcset=\"\(HTMLText.escape(set(processed.own.isEmpty ? processed.webp : processed.own)))\""
        html += " sizes=\"\(sizes)\" width=\"\(fallback.width)\" height=\"\(fallback.height)\" alt=\"\(HTMLText.escape(image.alt))\""
        if let title = image.title { html += " title=\"\(HTMLText.escape(title))\"" }
        return html + " loading=\"lazy\" decoding=\"async\"></picture>"
    }
}
