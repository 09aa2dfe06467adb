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
    func model(page number: Int, links: (Int) -> String) -> [String: Any] {
        [
            "isPaginated": pageCount > 1,
            "current": number,
            "total": pageCount,
            "previous": number > 1 ? links(number - 1) : false,
            "next": number < pageCount ? links(number + 1) : false,
            "first": links(1),
            "last": links(pageCount),
        ] as [String: Any]
    }
}
