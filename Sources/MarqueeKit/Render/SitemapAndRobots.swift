import Foundation

/// `/sitemap.xml` (every page, with `lastmod` from the content) and `/robots.txt` naming it.
enum SitemapAndRobots {
    static func jobs(for pages: [RenderJob], site: Site) -> [RenderJob] {
        let links = site.permalinks
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """
        let entries = pages.filter { $0.isPage && $0.path != "404.html" }
        for page in entries.sorted(by: { $0.path < $1.path }) {
            let url = links.absolute(page.url ?? Self.url(ofFile: page.path))
            xml += "  <url><loc>\(XMLText.escape(url))</loc>"
            if let lastModified = page.lastModified { xml += "<lastmod>\(lastModified)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        let robots = "User-agent: *\nAllow: /\n\nSitemap: \(links.absolute(Route(file: "sitemap.xml")))\n"
        return [.fixed("sitemap.xml", .data(Data(xml.utf8)), origin: "sitemap"), .fixed("robots.txt", .data(Data(robots.utf8)), origin: "robots.txt")]
    }

    /// The URL of a page that has no route (an HTML file from static/): its path, encoded.
    static func url(ofFile path: String) -> String {
        let folder = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
        return folder.split(separator: "/", omittingEmptySubsequences: false).map { Permalinks.encode(String($0)) }.joined(separator: "/")
    }
}
