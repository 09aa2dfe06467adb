/// What an item of the export becomes: content (a post or a page, published or a draft) or
/// nothing, for a reason the report counts.
enum ImportKind: Equatable, Sendable {
    case post(draft: Bool)
    case page(draft: Bool)
    case skipped(String)

    static func of(_ item: WXRItem) -> ImportKind {
        switch item.postType {
        case "post", "page":
            break
        case "attachment": return .skipped("attachments")
        case "nav_menu_item": return .skipped("menu items")
        case "revision": return .skipped("revisions")
        case "wp_global_styles", "wp_navigation", "wp_template", "wp_template_part", "wp_block", "custom_css", "customize_changeset",
             "oembed_cache", "user_request", "wp_font_family", "wp_font_face":
            return .skipped("block-theme and site items (\(item.postType))")
        default:
            return .skipped("items of post type '\(item.postType.isEmpty ? "(none)" : item.postType)'")
        }
        let draft: Bool
        switch item.status {
        case "publish", "future": draft = false // a future post keeps its date: the build publishes it on that day
        case "draft", "pending", "private": draft = true
        case "trash": return .skipped("posts in the trash")
        case "auto-draft": return .skipped("auto-drafts")
        case "inherit": return .skipped("revisions")
        default: draft = true
        }
        // A password-protected post is never published in the clear.
        let protected = !item.password.isEmpty
        return item.postType == "page" ? .page(draft: draft || protected) : .post(draft: draft || protected)
    }
}
