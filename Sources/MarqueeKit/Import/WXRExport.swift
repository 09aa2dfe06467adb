import Foundation

/// A WordPress export (WXR 1.0–1.2) as read, before any of it is turned into Marquee content.
/// Plain values: `WXRReader` fills them from the XML, `WordPressImport` decides what they become.
public struct WXRExport: Sendable {
    public var title = ""
    public var link = ""
    public var description = ""
    public var language = ""
    /// `wp:base_blog_url` (or the channel's `<link>`): where the old posts' addresses start.
    public var baseBlogURL = ""
    public var baseSiteURL = ""
    public var wxrVersion = ""
    public var authors: [WXRAuthor] = []
    public var categories: [WXRTerm] = []
    public var items: [WXRItem] = []
    /// Where the file held bytes that are not UTF-8, replaced by U+FFFD before parsing.
    public var notUTF8: [SourceLocation] = []
}

public struct WXRAuthor: Sendable, Equatable {
    public var login = ""
    public var displayName = ""
    public var firstName = ""
    public var lastName = ""
    // The author's e-mail address is in the export but deliberately never read: nothing private
    // is carried into a site that is published.

    /// The name a reader sees: the display name, else first and last names, else the login.
    public var name: String {
        let display = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        if !display.isEmpty { return display }
        let full = "\(firstName) \(lastName)".trimmingCharacters(in: .whitespacesAndNewlines)
        return full.isEmpty ? login : full
    }
}

/// A channel-level `wp:category` (its parent, for the report) or an item's `<category>`.
public struct WXRTerm: Sendable, Equatable {
    /// `category` or `post_tag` (also `post_format`, `nav_menu` and others, which are not terms a reader sees).
    public var domain = ""
    public var nicename = ""
    public var name = ""
    public var parent = ""
}

public struct WXRItem: Sendable {
    public var title = ""
    public var link = ""
    public var guid = ""
    public var creator = ""
    public var content = ""
    public var excerpt = ""
    public var postID = ""
    public var postDate = ""
    public var postDateGMT = ""
    public var postName = ""
    public var status = ""
    public var postParent = ""
    public var postType = ""
    public var password = ""
    public var attachmentURL = ""
    public var terms: [WXRTerm] = []
    /// Post meta in the export's order (a key may repeat; the first wins where one value is wanted).
    public var meta: [(key: String, value: String)] = []
    public var comments: [WXRComment] = []
    /// The line of the export where the item starts, for messages about it.
    public var line = 1

    public func metaValue(_ key: String) -> String? { meta.first { $0.key == key }?.value }
}

public struct WXRComment: Sendable, Equatable {
    public var id = ""
    public var author = ""
    public var authorURL = ""
    public var date = ""
    public var dateGMT = ""
    public var content = ""
    /// `1` approved, `0` pending, `spam`, `trash`.
    public var approved = ""
    /// Empty or `comment` for a reader's comment; `pingback`, `trackback` otherwise.
    public var type = ""
    /// The id of the comment this one answers, `0` for none.
    public var parent = ""
    // As for authors, `comment_author_email` and `comment_author_IP` are never read.
}
