import Foundation

/// `/feed.xml`: an Atom 1.0 feed of the newest reviews. Built as XML in Swift rather than through a
/// template, so that escaping is exact whatever a writer types. Nothing in it depends on the build
/// time: `updated` is the newest review's date, entry ids are the reviews' permanent URLs.
enum AtomFeed {
    static func jobs(_ context: RenderContext) -> [RenderJob] {
        let entries = Array(context.site.reviews.indices.prefix(context.site.config.feed.entries))
        return [RenderJob(path: "feed.xml", origin: "feed", showsBodiesOf: entries) { context in .success(.data(Data(xml(context.site, marks: context.models.marks).utf8))) }]
    }

    private static func xml(_ site: Site, marks: BodyMarks) -> String {
        let links = site.permalinks
        let config = site.config
        let entries = site.reviews.prefix(config.feed.entries)
        let authorName = config.author?.name ?? config.title
        let e = XMLText.escape

        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(e(config.language))">
          <title>\(e(config.title))</title>

        """
        if let description = config.description { xml += "  <subtitle>\(e(description))</subtitle>\n" }
        xml += """
          <link href="\(e(links.absolute(Route(file: "feed.xml"))))" rel="self" type="application/atom+xml"/>
          <link href="\(e(links.absolute(Route.home)))" rel="alternate" type="text/html"/>
          <id>\(e(links.absolute(Route.home)))</id>
          <updated>\(entries.map(\.date).max()?.rfc3339 ?? "1970-01-01T00:00:00Z")</updated>
          <author><name>\(e(authorName))</name>\(config.author?.url.map { "<uri>\(e($0))</uri>" } ?? "")</author>
          <generator version="\(MarqueeVersion.string)">Marquee</generator>

        """
        for (index, review) in entries.enumerated() {
            let url = links.absolute(Route.review(review.slug))
            let content = config.feed.fullContent ? marks.marked(.body, of: review, at: index)
                                                  : marks.marked(.excerpt, of: review, at: index)
            xml += """
              <entry>
                <title>\(e(review.title))</title>
                <link href="\(e(url))" rel="alternate" type="text/html"/>
                <id>\(e(url))</id>
                <published>\(review.date.rfc3339)</published>
                <updated>\(review.date.rfc3339)</updated>

            """
            for category in review.categories {
                xml += "    <category term=\"\(e(category.text))\"/>\n"
            }
            xml += """
                <summary type="html">\(e(marks.marked(.excerpt, of: review, at: index)))</summary>
                <content type="html" xml:base="\(e(url))">\(e(content))</content>
              </entry>

            """
        }
        xml += "</feed>\n"
        return xml
    }
}
