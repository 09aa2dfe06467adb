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
        return diagnostics.all
    }

    /// The files under static/ that reviews use as posters (their pages show only the variants).
    static func staticPosters(of site: Site) -> [String] {
        site.reviews.compactMap { review in
            guard let image = review.image, case .local(let path) = ImageReference(image, postSource: review.source), path.hasPrefix("static/") else { return nil }
            return String(path.dropFirst("static/".count))
        }
    }
}
