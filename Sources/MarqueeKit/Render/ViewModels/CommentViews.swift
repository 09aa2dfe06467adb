import MarqueeTemplates

/// One comment of a thread as templates show it. The thread is a flat list in reading order
/// (each comment, then its replies), as WordPress's comment walker writes it: a comment says
/// whether its replies follow (`hasReplies`: open a nested list) and how many nested lists end
/// after it (`closes`), so a template writes nested lists without a recursive partial.
struct CommentView: TemplateView {
    var comment: Comment
    var date: DateView?
    /// 1 for a comment that starts a thread.
    var depth: Int
    var hasReplies = false
    /// How many levels of replies end after it (and its replies).
    var closing = 0

    /// Replies deeper than this are shown at this depth, after the comment they answer's
    /// siblings' replies (WordPress's default `thread_comments_depth`): a phone has room for five.
    static let maximumDepth = 5

    var templateObject: TemplateObject {
        TemplateObject([
            "anchor": .text(orAbsent: comment.id.map { "comment-\($0)" }),
            "author": .text(comment.author),
            "url": .text(orAbsent: comment.url),
            "date": .view(date),
            "html": .html(comment.html),
            "depth": .int(depth),
            "hasReplies": .flag(hasReplies),
            "closes": .list(Array(repeating: .text(""), count: closing)),
        ])
    }

    static let schema = TemplateObjectType("comment", [
        TemplateField("anchor", .text, "its id on the page, `comment-12` (from `id:`), for links to it; empty without an id"),
        TemplateField("author", .text, "the author's name, as the comments file gives it"),
        TemplateField("url", .text, "the author's site, an http(s) URL (link it with `rel=\"nofollow ugc\"`); empty without one"),
        TemplateField("date", DateView.type, "when it was written; empty when the file gives no date"),
        TemplateField("html", .html, "its text as HTML, cleaned to an allow-list (paragraphs, emphasis, quotes, code, http(s) links); insert with {{{ }}}"),
        TemplateField("depth", .number, "1 for a comment that starts a thread, 2 for a reply to it, and so on (at most 5)"),
        TemplateField("hasReplies", .flag, "whether its replies follow it in the list: open a nested list (`<ol class=\"children\">`) and leave its `<li>` open"),
        TemplateField("closes", .list(.text), "one empty entry for each nested list that ends after it: write `</ol></li>` for each"),
    ])

    /// The comments of a post as a thread: each comment followed by its replies, in the file's
    /// order, replies past `maximumDepth` shown at that depth.
    static func thread(_ comments: [Comment], translation: Translation) -> [CommentView] {
        var replies: [String: [Int]] = [:]
        var roots: [Int] = []
        let ids = Set(comments.compactMap(\.id))
        for (index, comment) in comments.enumerated() {
            // (A parent that is no comment of the file is an error when reading: never built.)
            if let parent = comment.parent, ids.contains(parent), parent != comment.id {
                replies[parent, default: []].append(index)
            } else {
                roots.append(index)
            }
        }
        var views: [CommentView] = []
        var visited = Set<Int>()
        func add(_ index: Int, depth: Int) {
            guard visited.insert(index).inserted else { return }
            let comment = comments[index]
            views.append(CommentView(comment: comment, date: comment.date.map { DateView(date: $0, translation: translation) }, depth: depth))
            let answers = comment.id.flatMap { replies[$0] } ?? []
            let position = views.count - 1
            if depth < maximumDepth, !answers.isEmpty {
                views[position].hasReplies = true
                for answer in answers { add(answer, depth: depth + 1) }
                views[views.count - 1].closing += 1
            } else {
                for answer in answers { add(answer, depth: depth) }
            }
        }
        for root in roots { add(root, depth: 1) }
        return views
    }
}

/// The script of the service for new comments (site.yml `comments:`), for the theme to embed.
struct CommentsEmbedView: TemplateView {
    var provider: CommentsProvider

    var templateObject: TemplateObject {
        TemplateObject([
            "provider": .text(provider.kind.rawValue),
            "isGiscus": .flag(provider.kind == .giscus),
            "isUtterances": .flag(provider.kind == .utterances),
            "script": .text(provider.kind.script),
            "attributes": .list(provider.attributes.map { .object(TemplateObject(["name": .text($0.name), "value": .text($0.value)])) }),
        ])
    }

    static let attributeSchema = TemplateObjectType("script attribute", [
        TemplateField("name", .text, "the attribute's name, `data-repo`: one of the service's own, never written by the site"),
        TemplateField("value", .text, "its value from site.yml; insert with {{ }}, escaped"),
    ])

    static let schema = TemplateObjectType("comments embed", [
        TemplateField("provider", .text, "`giscus` or `utterances`"),
        TemplateField("isGiscus", .flag, "whether it is giscus"),
        TemplateField("isUtterances", .flag, "whether it is utterances"),
        TemplateField("script", .text, "the service's script, `https://giscus.app/client.js`"),
        TemplateField("attributes", .list(.object(attributeSchema)), "the settings as the script's `data-` attributes (utterances reads them without `data-`: the default theme's loader renames them)"),
    ])
}

/// What review and article views add for comments.
struct CommentsFields {
    var thread: [CommentView]
    var count: Int
    /// "3 thoughts on “Baran”", in the site's language.
    var heading: String
    var embed: CommentsEmbedView?

    init(_ comments: [Comment], title: String, provider: CommentsProvider?, translation: Translation) {
        count = comments.count
        embed = provider.map(CommentsEmbedView.init)
        // Most posts have none: no thread and no heading to make for them (a phrase per review page).
        guard count > 0 else {
            thread = []
            heading = ""
            return
        }
        thread = CommentView.thread(comments, translation: translation)
        let form = translation.isSingular(count) ? "comments.heading.one" : "comments.heading.other"
        heading = translation.phrase(form, ["count": translation.number(String(count)), "title": title])
    }

    /// A post without comments on a site without a service.
    static let none = CommentsFields([], title: "", provider: nil, translation: .english)

    var fields: KeyValuePairs<String, TemplateValue> {
        ["comments": .list(thread), "commentCount": .int(count), "hasComments": .flag(count > 0),
         "commentsHeading": .text(heading), "commentsEmbed": .view(embed)]
    }

    static let schema: [TemplateField] = [
        TemplateField("comments", CommentView.listType, "its readers' comments (from its comments file) as a thread, in reading order: each comment, then its replies"),
        TemplateField("commentCount", .number, "how many comments it has"),
        TemplateField("hasComments", .flag, "whether it has comments"),
        TemplateField("commentsHeading", .text, "`3 thoughts on “Baran”` (`comments.heading`), the heading over the comments; empty when it has none"),
        TemplateField("commentsEmbed", CommentsEmbedView.type, "the service for new comments that site.yml's `comments:` names; empty when none"),
    ]
}
