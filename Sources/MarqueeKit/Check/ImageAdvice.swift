/// `marquee check`'s warnings about posters: an image with no alt text of its own, and one taken
/// from elsewhere, which Marquee cannot resize.
enum ImageAdvice {
    static func warnings(site: Site) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        for review in site.reviews {
            guard let image = review.image else { continue }
            let location = review.location(of: "image")
            if ImageReference.isRemote(image) {
                diagnostics.warning(location, "image '\(Slug.printable(image))' is an address elsewhere, used as it is: no smaller variants, no social card, and it breaks if that site moves it",
                                    hint: "save the poster beside the review (a folder review) or under static/, and write its path", stage: .check)
            }
            if review.imageAlt == nil {
                diagnostics.warning(location, "'\(review.slug)' has no image_alt: its poster's alt text is the work's name, '\(Slug.printable(review.movie))'",
                                    hint: "add image_alt: with what the poster shows, for readers who cannot see it", stage: .check)
            }
        }
        for review in site.reviews { bodyImagesWithoutAlt(review, &diagnostics) }
        return diagnostics.all
    }

    /// `![](still.jpg)`: cmark writes `alt=""`, which tells screen readers to skip the image. Reported
    /// at the line of the image (found among the body's links by its address).
    static func bodyImagesWithoutAlt(_ review: Review, _ diagnostics: inout Diagnostics) {
        let html = review.body.html
        guard html.contains("alt=\"\"") else { return }
        var reported = Set<Int>()
        for match in html.matches(of: #/<img src="([^"]*)" alt="" ?\/?>/#) {
            let url = String(match.output.1).replacingOccurrences(of: "&amp;", with: "&")
            let line = review.body.links.first { $0.url == url && !reported.contains($0.line) }?.line ?? review.body.firstLine
            reported.insert(line)
            diagnostics.warning(SourceLocation(path: review.source, line: line), "the image '\(Slug.printable(url))' in the body has no alt text",
                                hint: "write what it shows between the brackets: ![Ali and Zahra running](still.jpg)", stage: .check)
        }
    }

    /// The files under static/ that reviews use as posters (their pages show only the variants).
    static func staticPosters(of site: Site) -> [String] {
        site.reviews.compactMap { review in
            guard let image = review.image, case .local(let path) = ImageReference(image, postSource: review.source), path.hasPrefix("static/") else { return nil }
            return String(path.dropFirst("static/".count))
        }
    }
}
