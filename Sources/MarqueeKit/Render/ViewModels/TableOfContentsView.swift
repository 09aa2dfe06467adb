import MarqueeTemplates

/// One entry of a review's table of contents (`review.toc`): a heading of the body's first rank
/// (`##` in most bodies) and the headings of the next rank under it (`###`), as Hugo's table of
/// contents does by default; deeper headings are left out. The ranks are the two highest heading
/// levels the body uses, so a body written with `###` and `####` gets a contents list too.
struct TableOfContentsEntry: TemplateView {
    var heading: BodyHeading
    var children: [TableOfContentsSubentry]

    var templateObject: TemplateObject {
        TemplateObject([
            "title": .text(heading.text),
            "id": .text(heading.id),
            "url": .text("#" + heading.id),
            "level": .int(heading.level),
            "children": .list(children),
            "hasChildren": .flag(!children.isEmpty),
        ])
    }

    /// The entries of a body's headings. A heading of the second rank before any of the first
    /// is an entry of its own.
    static func entries(_ headings: [BodyHeading]) -> [TableOfContentsEntry] {
        let ranks = Set(headings.map(\.level)).sorted()
        guard let top = ranks.first else { return [] }
        let second = ranks.dropFirst().first
        var entries: [TableOfContentsEntry] = []
        for heading in headings {
            if heading.level == top || (heading.level == second && entries.isEmpty) {
                entries.append(TableOfContentsEntry(heading: heading, children: []))
            } else if heading.level == second {
                entries[entries.count - 1].children.append(TableOfContentsSubentry(heading: heading))
            }
        }
        return entries
    }

    static let schema = TemplateObjectType("contents entry", TableOfContentsSubentry.schema.fields + [
        TemplateField("children", TableOfContentsSubentry.listType, "the headings of the next rank under it (`###` under `##`)"),
        TemplateField("hasChildren", .flag, "whether `children` has entries"),
    ])
}

/// A heading of the second rank in a table of contents.
struct TableOfContentsSubentry: TemplateView {
    var heading: BodyHeading

    var templateObject: TemplateObject {
        TemplateObject(["title": .text(heading.text), "id": .text(heading.id), "url": .text("#" + heading.id), "level": .int(heading.level)])
    }

    static let schema = TemplateObjectType("contents subentry", [
        TemplateField("title", .text, "the heading's text"),
        TemplateField("id", .text, "the heading's id (`synopsis` for `## Synopsis`)"),
        TemplateField("url", .text, "the link to the heading on its page (`#synopsis`)"),
        TemplateField("level", .number, "the heading's level: 2 for `##`"),
    ])
}
