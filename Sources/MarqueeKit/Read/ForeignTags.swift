/// Another generator's template syntax in a body (`RenderedMarkdown.foreignTags`): a warning each,
/// at its line. Marquee runs no shortcodes, so a `{{< youtube … >}}` brought over from Hugo would
/// reach the page as text, unnoticed.
enum ForeignTags {
    static func report(_ body: RenderedMarkdown, path: String, _ reader: inout MappingReader) {
        for tag in body.foreignTags {
            let what = tag.url.hasPrefix("{%") ? "a Liquid tag (Jekyll's)" : "a Hugo shortcode"
            reader.diagnostics.warning(SourceLocation(path: path, line: tag.line),
                                       "'\(Slug.printable(tag.url))' is \(what), which Marquee does not run: the page shows it as text",
                                       hint: "write it as Markdown or HTML instead (a link, an image, an <iframe> for a video), or put it in `code` to show it")
        }
    }
}
