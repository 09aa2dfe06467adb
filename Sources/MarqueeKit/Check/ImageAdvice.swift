/// `marquee check`'s warnings about posters: an image with no alt text of its own, and one taken
/// from elsewhere, which Marquee cannot resize.
enum ImageAdvice {
    static func warnings(site: Site) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        let posters = site.reviews.map { ($0.image, $0.imageAlt, $0.location(of: "image"), $0.slug, "its poster's alt text is the work's name", $0.movie) }
            + site.articles.map { ($0.image, $0.imageAlt, $0.location(of: "image"), $0.slug, "its image's alt text is the article's title", $0.title) }
        for (image, imageAlt, location, slug, fallback, name) in posters {
            guard let image else { continue }
            if ImageReference.isRemote(image) {
                diagnostics.warning(location, "image '\(Slug.printable(image))' is an address elsewhere, used as it is: no smaller variants, no social card, and it breaks if that site moves it",
                                    hint: "save the poster beside the review (a folder review) or under static/, and write its path", stage: .check)
            }
            if imageAlt == nil {
                diagnostics.warning(location, "'\(slug)' has no image_alt: \(fallback), '\(Slug.printable(name))'",
                                    hint: "add image_alt: with what the poster shows, for readers who cannot see it", stage: .check)
            }
        }
        for review in site.reviews { bodyImagesWithoutAlt(review.body, source: review.source, &diagnostics) }
        for article in site.articles { bodyImagesWithoutAlt(article.body, source: article.source, &diagnostics) }
        return diagnostics.all
    }

    /// `![](still.jpg)`: cmark writes `alt=""`, which tells screen readers to skip the image. Reported
    /// at the image, for one Marquee resizes (`body.images`), else at the line of the image (found
    /// among the body's links by its address).
    static func bodyImagesWithoutAlt(_ body: RenderedMarkdown, source: String, _ diagnostics: inout Diagnostics) {
        for image in body.images where image.alt.allSatisfy(\.isWhitespace) {
            diagnostics.warning(SourceLocation(path: source, line: image.line, column: image.column), "the image '\(Slug.printable(image.written))' in the body has no alt text",
                                hint: "write what it shows between the brackets: ![Ali and Zahra running](still.jpg)", stage: .check)
        }
        let html = body.html
        guard html.contains("alt=\"\"") else { return }
        var reported = Set<Int>()
        for match in html.matches(of: #/<img src="([^"]*)" alt="" ?\/?>/#) {
            let url = String(match.output.1).replacingOccurrences(of: "&amp;", with: "&")
            let line = body.links.first { $0.url == url && !reported.contains($0.line) }?.line ?? body.firstLine
            reported.insert(line)
            diagnostics.warning(SourceLocation(path: source, line: line), "the image '\(Slug.printable(url))' in the body has no alt text",
                                hint: "write what it shows between the brackets: ![Ali and Zahra running](still.jpg)", stage: .check)
        }
    }

    /// The files under static/ that reviews and articles use as posters or body images (their
    /// pages show only the variants).
    static func staticPosters(of site: Site) -> [String] {
        func poster(_ image: String?, _ source: String) -> [String] {
            guard let image, case .local(let path) = ImageReference(image, postSource: source) else { return [] }
            return [path]
        }
        let used = site.reviews.flatMap { poster($0.image, $0.source) + $0.body.images.map(\.source) }
            + site.articles.flatMap { poster($0.image, $0.source) + $0.body.images.map(\.source) }
        return used.filter { $0.hasPrefix("static/") }.map { String($0.dropFirst("static/".count)) }
    }
}
