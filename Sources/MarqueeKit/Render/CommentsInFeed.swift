/// A post's readers' comments in its feed entry: their number, as RFC 4685 says it (a `replies`
/// link to them, with `thr:count`, which feed readers show), and as a line at the end of the
/// content for readers that do not ("3 comments", linked to them). The comments themselves stay
/// on the page.
enum CommentsInFeed {
    static let namespace = "http://purl.org/syndication/thread/1.0"

    /// `<link rel="replies" …>`, with its line's indentation and newline; "" without comments.
    static func link(_ comments: [Comment], url: String) -> String {
        guard !comments.isEmpty else { return "" }
        return "    <link href=\"\(XMLText.escape(url + "#comments"))\" rel=\"replies\" type=\"text/html\" thr:count=\"\(comments.count)\"/>\n"
    }

    /// The HTML line at the end of the content; "" without comments.
    static func line(_ comments: [Comment], url: String, translation: Translation) -> String {
        guard !comments.isEmpty else { return "" }
        let text = translation.isSingular(comments.count) ? "feed.comments.one" : "feed.comments.other"
        let words = translation.phrase(text, ["count": translation.number(String(comments.count))])
        return "\n<p><a href=\"\(HTMLText.escape(url + "#comments"))\">\(HTMLText.escape(words))</a></p>"
    }
}
