import Foundation

/// `/sitemap.xml` (every page, with `lastmod` from the content) and `/robots.txt` naming it.
enum SitemapAndRobots {
    static func jobs(for pages: [RenderJob], site: Site) -> [RenderJob] {
        let links = site.permalinks
        // What the sitemap lists is known now; its text is written when the job runs, beside the
        // pages (at 10,000 reviews it is 20,000 entries, and listing jobs runs on one core).
        let entries = pages.filter { $0.isPage && $0.path != "404.html" }.map { (path: $0.path, url: $0.url, lastModified: $0.lastModified) }
        let sitemap = RenderJob(path: "sitemap.xml", origin: "sitemap") { _ in
            var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
            for page in entries.sorted(by: { $0.path < $1.path }) {
                let url = links.absolute(page.url ?? Self.url(ofFile: page.path))
                xml += "  <url><loc>\(XMLText.escape(url))</loc>"
                if let lastModified = page.lastModified { xml += "<lastmod>\(lastModified)</lastmod>" }
                xml += "</url>\n"
            }
            xml += "</urlset>\n"
            return .success(MadeFile(.bytes(Array(xml.utf8))))
        }
        let robots = "User-agent: *\nAllow: /\n\nSitemap: \(links.absolute(Route(file: "sitemap.xml")))\n"
        return [sitemap, .fixed("robots.txt", .bytes(Array(robots.utf8)), origin: "robots.txt")]
    }

    /// The URL of a page that has no route (an HTML file from static/): its path, encoded.
    static func url(ofFile path: String) -> String {
        let folder = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
        return folder.split(separator: "/", omittingEmptySubsequences: false).map { Permalinks.encode(String($0)) }.joined(separator: "/")
    }
}
