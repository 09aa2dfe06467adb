/// One post or page of the export on its way to a file: everything decided about it.
struct ImportedEntry {
    enum Section: Equatable { case review, post, page }

    var item: WXRItem
    var title: String
    var slug: String
    var section: Section
    var draft: Bool
    var date: String?
    var blocks: [MarkdownBlock] = []
    var lines = ReviewLines()
    var categories: [String] = []
    var tags: [String] = []
    var aliases: [String] = []
    var summary: String?
    var reviewer: String?
    var recommend: Recommendation?
    var comments: [WXRComment] = []
    /// `image:` (the featured image, copied with `--media`) and its alt text.
    var image: String?
    var imageAlt: String?
    /// Uploads the body uses that were not copied, by file name, for the report.
    var missingMedia: [String] = []
    /// A review with copied files beside it: `content/reviews/<slug>/index.md`.
    var isFolder = false

    enum Recommendation: Equatable {
        case slug(String)
        case external(title: String, url: String)
    }

    /// The new page's path from the site's root.
    var path: String {
        switch section {
        case .review: return "/reviews/\(Permalinks.encode(slug))/"
        case .post: return "/posts/\(Permalinks.encode(slug))/"
        case .page: return "/\(Permalinks.encode(slug))/"
        }
    }

    var file: String {
        switch section {
        case .review: return isFolder ? "content/reviews/\(slug)/index.md" : "content/reviews/\(slug).md"
        case .post: return "content/posts/\(slug).md"
        case .page: return "content/pages/\(slug).md"
        }
    }

    var commentsFile: String {
        switch section {
        case .review: return "content/reviews/\(slug).comments.yml"
        case .post: return "content/posts/\(slug).comments.yml"
        case .page: return "content/pages/\(slug).comments.yml"
        }
    }
}
