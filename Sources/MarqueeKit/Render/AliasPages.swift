import Foundation

/// The pages at the old addresses of reviews, articles and pages (`aliases:`): each sends readers on with a
/// `<meta http-equiv="refresh">`, names the new address as canonical (so search engines move
/// their ranking to it) and is not to be indexed, as Hugo's alias pages do; and `/_redirects`,
/// the same list in the syntax Netlify and Cloudflare Pages read, for hosts that redirect
/// themselves (a site's own `static/_redirects` replaces it).
///
/// An alias must not be the address of a file the site writes anyway, or another alias: that is
/// an error at the alias's line.
enum AliasPages {
    /// Jobs for every alias of `site`, checked against the files `existing` jobs write.
    static func jobs(for site: Site, existing: [RenderJob]) -> (jobs: [RenderJob], problems: [Diagnostic]) {
        let links = site.permalinks
        var owners: [String: (path: String, origin: String, isAlias: Bool)] = [:] // by lower-cased output path
        for job in existing { owners[job.path.lowercased()] = (job.path, job.origin, false) }
        var targets: [(aliases: [Alias], route: Route, title: String, origin: String)] = []
        for review in site.reviews where !review.aliases.isEmpty {
            targets.append((review.aliases, Route.review(review.slug), review.title, review.source))
        }
        for article in site.articles where !article.aliases.isEmpty {
            targets.append((article.aliases, Route.article(article.slug), article.title, article.source))
        }
        for page in site.pages where !page.aliases.isEmpty {
            targets.append((page.aliases, Route.page(page.slug), page.title, page.source))
        }
        var jobs: [RenderJob] = []
        var problems: [Diagnostic] = []
        var redirects: [(from: String, to: String)] = []
        for target in targets {
            for alias in target.aliases {
                let key = alias.file.lowercased()
                if let owner = owners[key] {
                    let message: String
                    switch (owner.origin == target.origin, owner.isAlias) {
                    case (true, false): message = "is the address of this file's own page, /\(owner.path)"
                    case (true, true): message = "is an alias of this file already"
                    case (false, true): message = "is an alias of \(owner.origin) already"
                    case (false, false): message = "is the address of /\(owner.path), which \(owner.origin) writes"
                    }
                    problems.append(.error(alias.location, "the alias '/\(alias.url)' \(message)",
                                           hint: "remove the alias, or correct it: an alias is an old address no page of the site has now", stage: .render))
                    continue
                }
                owners[key] = (alias.file, target.origin, true)
                let page = redirectPage(to: links.link(target.route), canonical: links.absolute(target.route), title: target.title, language: site.config.language)
                jobs.append(.fixed(alias.file, .bytes(Array(page.utf8)), origin: target.origin))
                redirects.append((links.link(alias.url), links.link(target.route)))
            }
        }
        if !redirects.isEmpty, !site.staticFiles.contains("_redirects") {
            let lines = redirects.sorted { $0.from < $1.from }.map { "\($0.from) \($0.to) 301\n" }
            jobs.append(.fixed("_redirects", .bytes(Array(lines.joined().utf8)), origin: "aliases"))
        }
        return (jobs, problems)
    }

    static func redirectPage(to link: String, canonical: String, title: String, language: String) -> String {
        let title = HTMLText.escape(title), link = HTMLText.escape(link)
        return """
            <!DOCTYPE html>
            <html lang="\(HTMLText.escape(language))">
            <head>
            <meta charset="utf-8">
            <title>\(title)</title>
            <link rel="canonical" href="\(HTMLText.escape(canonical))">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(link)">
            </head>
            <body>
            <p>This page has moved to <a href="\(link)">\(title)</a>.</p>
            </body>
            </html>

            """
    }
}
