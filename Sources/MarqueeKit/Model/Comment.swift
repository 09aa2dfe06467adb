/// A reader's comment on a review or an article, from the comments file beside it
/// (`content/reviews/<slug>.comments.yml`, which `marquee import wordpress` writes).
/// Its text is someone else's HTML, kept only as sanitised by `CommentHTML`.
public struct Comment: Hashable, Sendable {
    /// `id:` as written (WordPress's comment number); nil when the file gives none, and then no
    /// other comment can answer it.
    public var id: String?
    /// The id of the comment it answers (`parent:`); nil for a new thread.
    public var parent: String?
    public var author: String
    /// The author's site: an absolute http(s) URL, else nil.
    public var url: String?
    public var date: PublicationDate?
    /// The text as HTML of the allow-list only (`CommentHTML`): safe to insert as it is.
    public var html: String
    /// The same words without markup, paragraphs apart by a blank line (JSON-LD's `text`).
    public var text: String
    /// Where the comment starts in its file.
    public var location: SourceLocation

    public init(id: String?, parent: String?, author: String, url: String?, date: PublicationDate?, html: String, text: String,
                location: SourceLocation) {
        self.id = id
        self.parent = parent
        self.author = author
        self.url = url
        self.date = date
        self.html = html
        self.text = text
        self.location = location
    }
}
