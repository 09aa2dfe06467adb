import MarqueeTemplates

/// Splits a list into pages of `size` and describes page N for the pagination partial.
struct Pagination {
    let itemCount: Int
    let size: Int

    var pageCount: Int { max(1, (itemCount + size - 1) / size) }

    func range(ofPage number: Int) -> Range<Int> {
        let start = (number - 1) * size
        return start..<min(itemCount, start + size)
    }

    /// `links(n)` is the link to page n.
    func view(page number: Int, translation: Translation = .english, links: (Int) -> String) -> PaginationView {
        PaginationView(current: number, total: pageCount,
                       position: translation.phrase("pagination.position", ["current": translation.number(String(number)), "total": translation.number(String(pageCount))]),
                       previous: number > 1 ? links(number - 1) : nil,
                       next: number < pageCount ? links(number + 1) : nil,
                       first: links(1), last: links(pageCount))
    }
}

/// `pagination` on home and term pages: where this page is among the list's pages.
struct PaginationView: TemplateView {
    var current: Int
    var total: Int
    /// "Page 2 of 5", in the site's language.
    var position: String
    var previous: String?
    var next: String?
    var first: String
    var last: String

    var templateObject: TemplateObject {
        TemplateObject([
            "isPaginated": .flag(total > 1),
            "current": .int(current),
            "total": .int(total),
            "position": .text(position),
            "previous": .text(orAbsent: previous),
            "next": .text(orAbsent: next),
            "first": .text(first),
            "last": .text(last),
        ])
    }

    static let schema = TemplateObjectType("pagination", [
        TemplateField("isPaginated", .flag, "whether the list has more than one page"),
        TemplateField("current", .number, "this page's number, from 1"),
        TemplateField("total", .number, "the number of pages"),
        TemplateField("position", .text, "`Page 2 of 5` (`pagination.position`)"),
        TemplateField("previous", .text, "the link to the newer page; empty on the first page"),
        TemplateField("next", .text, "the link to the older page; empty on the last page"),
        TemplateField("first", .text, "the link to the first page"),
        TemplateField("last", .text, "the link to the last page"),
    ])
}
