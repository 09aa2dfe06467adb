import Foundation

/// `/feed.xml`: an Atom 1.0 feed of the newest reviews and articles. Built as XML in Swift rather
/// than through a template, so that escaping is exact whatever a writer types. Nothing in it depends
/// on the build time: `updated` is the newest post's date, entry ids are the posts' permanent URLs.
/// An article's entry is marked as one (`<category term="article">`) and has no credits line.
enum AtomFeed {
    static func jobs(_ context: RenderContext) -> [RenderJob] {
        return [RenderJob(path: "feed.xml", origin: "feed") { context in
            let (xml, marks) = xml(context.site, recording: context.models.marks.isRecording)
            return .success(MadeFile(.bytes(Array(xml.utf8)), marks: marks))
        }]
    }

    /// The feed, and (when recording) where each entry's body parts are in it.
    private static func xml(_ site: Site, recording: Bool) -> (String, FileMarks) {
        let links = site.permalinks
        let config = site.config
        let posts = site.allPosts.prefix(config.feed.entries)
        let authorName = config.author?.name ?? config.title
        let e = XMLText.escape

        // RFC 4685's namespace, for the entries' count of comments (`thr:count`), when one has any.
        let threads = posts.contains { post in
            switch post {
            case .review(let index): !site.reviews[index].comments.isEmpty
            case .article(let index): !site.articles[index].comments.isEmpty
            }
        } ? " xmlns:thr=\"\(CommentsInFeed.namespace)\"" : ""
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"\(threads) xml:lang="\(e(config.language))">
          <title>\(e(config.title))</title>

        """
        if let description = config.description { xml += "  <subtitle>\(e(description))</subtitle>\n" }
        xml += """
          <link href="\(e(links.absolute(Route(file: "feed.xml"))))" rel="self" type="application/atom+xml"/>
          <link href="\(e(links.absolute(Route.home)))" rel="alternate" type="text/html"/>
          <id>\(e(links.absolute(Route.home)))</id>
          <updated>\(posts.map { site.updated(of: $0) }.max()?.rfc3339 ?? "1970-01-01T00:00:00Z")</updated>
          <author><name>\(e(authorName))</name>\(config.author?.url.map { "<uri>\(e($0))</uri>" } ?? "")</author>
          <generator version="\(MarqueeVersion.string)">Marquee</generator>

        """
        var marks = FileMarks()
        for post in posts {
            guard case .review(let index) = post else {
                if case .article(let index) = post { xml += articleEntry(site.articles[index], site) }
                continue
            }
            let review = site.reviews[index]
            let url = links.absolute(Route.review(review.slug))
            // A body part, escaped, noting where it went.
            func append(_ part: BodyMarks.Part) {
                let value = BodyMarks.value(part, of: review, in: site.config.translation)
                let escaped = e(value)
                if recording, !value.isEmpty {
                    marks.add(BodyMarks.id(review: index, part: part), offset: xml.utf8.count, length: escaped.utf8.count, encoding: .xml)
                }
                xml += escaped
            }
            xml += """
              <entry\(review.language.map { " xml:lang=\"\(e($0))\"" } ?? "")>
                <title>\(e(review.title))</title>
                <link href="\(e(url))" rel="alternate" type="text/html"/>
                <id>\(e(url))</id>
                <published>\(review.date.rfc3339)</published>
                <updated>\(review.date.rfc3339)</updated>

            """
            xml += CommentsInFeed.link(review.comments, url: url)
            if let own = review.reviewer.flatMap({ config.authors[$0] }) {
                xml += "    <author><name>\(e(own.name))</name>\(own.url.map { "<uri>\(e($0))</uri>" } ?? "")</author>\n"
            }
            for category in review.names(TaxonomyDefinition.ID.categories) {
                xml += "    <category term=\"\(e(category.text))\"/>\n"
            }
            // What the review page's credits say, first: a feed reader shows no badge.
            let facts = e(credits(of: review, in: site))
            xml += "    <summary type=\"html\">\(facts)"
            append(.excerpt)
            xml += "</summary>\n    <content type=\"html\" xml:base=\"\(e(url))\">\(facts)"
            append(config.feed.fullContent ? .body : .excerpt)
            xml += e(CommentsInFeed.line(review.comments, url: url, translation: config.translation))
            xml += "</content>\n  </entry>\n"
        }
        xml += "</feed>\n"
        return (xml, marks)
    }

    /// An article's entry: its own dates and author, marked as an article, its tags and categories
    /// as categories, and no credits (it rates nothing).
    private static func articleEntry(_ article: Article, _ site: Site) -> String {
        let links = site.permalinks
        let config = site.config
        let e = XMLText.escape
        let url = links.absolute(Route.article(article.slug))
        var xml = """
          <entry\(article.language.map { " xml:lang=\"\(e($0))\"" } ?? "")>
            <title>\(e(article.title))</title>
            <link href="\(e(url))" rel="alternate" type="text/html"/>
            <id>\(e(url))</id>
            <published>\(article.date.rfc3339)</published>
            <updated>\((article.updated ?? article.date).rfc3339)</updated>

        """
        xml += CommentsInFeed.link(article.comments, url: url)
        if let own = article.reviewer.flatMap({ config.authors[$0] }) {
            xml += "    <author><name>\(e(own.name))</name>\(own.url.map { "<uri>\(e($0))</uri>" } ?? "")</author>\n"
        }
        xml += "    <category term=\"article\" scheme=\"\(e(links.absolute(Route.articles)))\" label=\"\(e(config.translation.word("card.article")))\"/>\n"
        for category in article.names(TaxonomyDefinition.ID.categories) {
            xml += "    <category term=\"\(e(category.text))\"/>\n"
        }
        xml += "    <summary type=\"html\">\(e(article.excerpt.html))</summary>\n"
        let content = (config.feed.fullContent ? article.body.html : article.excerpt.html) + CommentsInFeed.line(article.comments, url: url, translation: config.translation)
        xml += "    <content type=\"html\" xml:base=\"\(e(url))\">\(e(content))</content>\n  </entry>\n"
        return xml
    }

    /// One paragraph of HTML: the rating, the work and its year, and who made it (the credits but
    /// the cast, labelled as the site's taxonomies name them): `<p>Rating: 4.5 out of 5 ·
    /// <cite>Baran</cite> (2001) · Director: Majid Majidi</p>`.
    static func credits(of review: Review, in site: Site) -> String {
        let h = HTMLText.escape
        let t = site.config.translation
        var parts = [h(t.phrase("feed.rating", ["rating": t.rating(review.rating)]))]
        parts.append("<cite>\(h(review.movie))</cite>" + (review.year.map { " (\($0))" } ?? ""))
        for builtIn in TaxonomyDefinition.defaults where builtIn.isCredit && builtIn.id != TaxonomyDefinition.ID.cast {
            let names = review.names(builtIn.id)
            guard !names.isEmpty else { continue }
            let definition = site.taxonomies.first { $0.definition.id == builtIn.id }?.definition ?? t.translating(builtIn)
            parts.append("\(h(definition.label(count: names.count))): " + names.map { h($0.text) }.joined(separator: ", "))
        }
        return "<p>" + parts.joined(separator: " · ") + "</p>"
    }
}
