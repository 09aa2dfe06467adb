import Foundation

/// Warnings `marquee check` adds to a build's own: things that are not wrong, but that a writer
/// would want to know about.
enum SiteAdvice {
    static let mediaExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "mp4", "webm", "mp3", "pdf"]

    static func warnings(site: Site, files: [OutputFile], source: any SiteFileSystem) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = recommendationWarnings(site: site)
        let floor = Rating(halfSteps: site.config.recommendations.floor(scale: site.config.ratingScale), scale: site.config.ratingScale)
        let suggesting = site.config.recommendations.suggest && site.config.recommendations.count > 0
        for (index, review) in site.reviews.enumerated() where site.recommendations[index].isEmpty {
            let why = suggesting ? "no similar review is rated \(floor.text) or more" : "it recommends nothing, and suggestions are off"
            diagnostics.append(.warning(SourceLocation(path: review.source), "'\(review.slug)' has no \"You'll love\" link: \(why)",
                                        hint: "add recommend: with the slug of a review, or tags it shares with reviews you rated highly", stage: .check))
        }
        // Images and media under static/ that no page or stylesheet uses.
        var referenced = LinkAudit(site: site, policy: .warning).referencedPaths(in: files)
        referenced.formUnion(ImageAdvice.staticPosters(of: site))
        diagnostics += ImageAdvice.warnings(site: site)
        for file in files where file.path.hasSuffix(".css") {
            guard let data = try? file.content.bytes(from: source) else { continue }
            let css = String(decoding: data, as: UTF8.self)
            let folder = file.path.split(separator: "/").dropLast().joined(separator: "/")
            for match in css.matches(of: #/url\(\s*['"]?([^'")]+)['"]?\s*\)/#) {
                let url = String(match.output.1)
                let path = url.hasPrefix("/") ? String(url.dropFirst(site.permalinks.basePath.count))
                    : (MarkdownRenderer.resolve(url, against: "/" + (folder.isEmpty ? "" : folder + "/")).map { String($0.dropFirst()) } ?? url)
                referenced.insert(path.removingPercentEncoding ?? path)
            }
        }
        for path in site.staticFiles where mediaExtensions.contains((path as NSString).pathExtension.lowercased()) && !referenced.contains(path) {
            diagnostics.append(.warning(SourceLocation(path: "static/\(path)"), "static/\(path) is not used by any page",
                                        hint: "link to it, or delete it to keep the site small", stage: .check))
        }
        return diagnostics
    }

    /// An explicit "you'll love" for a review rated under the floor reads oddly; so may, if the site
    /// asks, two reviews recommending each other.
    static func recommendationWarnings(site: Site) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        let (reviews, index, settings, scale) = (site.reviews, site.reviewIndex, site.config.recommendations, site.config.ratingScale)
        let floor = settings.floor(scale: scale)
        for review in reviews {
            let targets = review.recommendations.compactMap { reference -> (String, SourceLocation)? in
                if case .review(let slug, let location) = reference { return (slug, location) }
                return nil
            }
            for (slug, location) in targets {
                guard let position = index[slug] else { continue }
                let target = reviews[position]
                if target.rating.halfSteps < floor {
                    diagnostics.warning(location, "recommends '\(slug)', rated \(target.rating.text), below the \(Rating(halfSteps: floor, scale: scale).text) a \"you'll love\" needs",
                                        hint: "recommend a review you rated higher, or lower recommendations.min_rating in site.yml", stage: .check)
                }
                if settings.warnMutual, review.slug < slug, target.recommendations.contains(where: { if case .review(let back, _) = $0 { return back == review.slug } else { return false } }) {
                    diagnostics.warning(location, "'\(review.slug)' and '\(slug)' recommend each other",
                                        hint: "recommend something new from one of them, or set recommendations.warn_mutual: false", stage: .check)
                }
            }
        }
        return diagnostics.all
    }
}
