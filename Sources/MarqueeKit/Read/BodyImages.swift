import CCmark
import Foundation

/// A local JPEG, PNG or WebP image in a body (`![A still](still.jpg)`), which the image stage
/// resizes like a poster. The reader writes `placeholder` in the body's HTML where the `<img>`
/// would be; once the image stage has run, `BodyImageFill` puts the `<picture>` of its variants
/// there (or `fallback`, cmark's own `<img>`, for an image the stage did not resize).
public struct BodyImage: Hashable, Sendable {
    /// The image's file in the site folder: "content/reviews/baran/still.jpg", "static/img/x.png".
    public var source: String
    /// The address as written in the Markdown, for messages.
    public var written: String
    /// The alt text (the text between the brackets), empty when there is none.
    public var alt: String
    public var title: String?
    /// Of the body until `shiftingLinks`, then of the file; the column of its `!`.
    public var line: Int
    public var column: Int
    /// Text of the body's HTML that only this image's place holds (see `BodyImages.marker`).
    public var placeholder: String
    /// cmark's `<img>` for it, its address rewritten as the body's other links.
    public var fallback: String
    /// A file beside the review (`still.jpg`), not under static/ (`/img/still.jpg`): it must exist.
    public var isBeside: Bool
}

/// Which images of a body are local files to resize, and where each was written.
enum BodyImages {
    /// The site folder path an image address names, nil when it is not a local JPEG, PNG or WebP
    /// file that Marquee resizes. `/img/x.jpg` is `static/img/x.jpg`; `x.jpg` is a file of
    /// `folder` (a folder review's), and only when it stays inside it (what the build copies).
    static func source(of written: String, folder: String?) -> (path: String, isBeside: Bool)? {
        guard !written.isEmpty, !written.hasPrefix("//"), !written.contains("?"), !written.contains("#"),
              URLSafety.scheme(of: written) == nil, let decoded = written.removingPercentEncoding,
              ImageFormat(pathExtension: (decoded as NSString).pathExtension) != nil else { return nil }
        if decoded.hasPrefix("/") {
            let path = MarkdownRenderer.removingDotSegments(decoded)
            return path.count > 1 ? ("static" + path, false) : nil
        }
        guard let folder else { return nil }
        let path = MarkdownRenderer.removingDotSegments("/" + folder + "/" + decoded)
        guard path.hasPrefix("/" + folder + "/") else { return nil }
        return (String(path.dropFirst()), true)
    }

    /// The folder of a folder review or article ("content/reviews/baran" for its index.md), nil
    /// for a single file, whose relative images are not files Marquee copies.
    static func folder(of path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count == 4, parts[3] == "index.md" else { return nil }
        return parts.dropLast().joined(separator: "/")
    }

    /// The start of every placeholder of a body: a comment (harmless should one ever stay) whose
    /// text the Markdown does not hold anywhere, so that no raw HTML of the writer's can be taken
    /// for a placeholder (cmark escapes `<` everywhere else).
    static func marker(for markdown: String) -> String {
        var marker = "<!--marquee-image"
        var round = 1
        while markdown.contains(marker) {
            round += 1
            marker = "<!--marquee-image\(round)"
        }
        return marker
    }

    /// The column (1-based, in Unicode scalars) of the image that links to `written` on body line
    /// `line` or after, at or after `after`: cmark 0.30 gives inline nodes no position, so the
    /// image is found in the text, from its block's first line. Nil when it cannot be found.
    static func position(of written: String, in lines: [Substring], from line: Int, after: (line: Int, column: Int)) -> (line: Int, column: Int)? {
        guard line >= 1 else { return nil }
        var number = line
        while number <= lines.count {
            let text = lines[number - 1]
            let scalars = Array(text.unicodeScalars)
            var index = 0
            while index + 1 < scalars.count {
                if scalars[index] == "!", scalars[index + 1] == "[", number > after.line || index + 1 > after.column {
                    // The address follows its "](" on the same line (an alt text spanning lines is rare).
                    let rest = String(String.UnicodeScalarView(scalars[index...]))
                    if let close = rest.range(of: "]("), rest[close.upperBound...].hasPrefix(written) || rest[close.upperBound...].hasPrefix("<" + written) {
                        return (number, index + 1)
                    }
                }
                index += 1
            }
            number += 1
        }
        return nil
    }
}
