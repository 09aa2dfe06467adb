import Foundation
import MarqueeTemplates

/// One file of the built site before it is made: where it goes, what it comes from, and how to
/// make it. The render stage first lists every job (so collisions and the sitemap are known before
/// any page is rendered), then runs them concurrently, each file going straight to its destination
/// instead of the whole site waiting in memory.
///
/// Which reviews' bodies a file shows is not declared here: making it reports that (`MadeFile.marks`,
/// from the values the engine saw rendered), and an incremental rebuild trusts the report.
///
/// A class: the list of jobs is copied, filtered and handed around by every stage after the
/// plan, and a copy of a struct of its seven fields was a retain and a release of each.
final class RenderJob {
    /// Relative to the output folder: "reviews/baran/index.html".
    let path: String
    /// What produced it, to name both sides of a collision and to place link errors.
    let origin: String
    /// For pages made from a route: its URL relative to the base URL, already percent-encoded.
    let url: String?
    /// For pages: when their content last changed (RFC 3339), for the sitemap.
    let lastModified: String?
    /// Makes the file from the current render context.
    let make: (RenderContext) -> Result<MadeFile, Diagnostic>
    /// For pages rendered from a template: the page kind, and the value its template is rendered
    /// with (what `make` renders; kept apart so tests and the template checker can see it).
    let kind: PageKind?
    let value: ((RenderContext) -> TemplateValue)?

    /// An HTML page: listed in the sitemap and read back by the link check.
    var isPage: Bool { path.hasSuffix(".html") }

    init(path: String, origin: String, url: String? = nil, lastModified: String? = nil, kind: PageKind? = nil,
         value: ((RenderContext) -> TemplateValue)? = nil,
         make: @escaping (RenderContext) -> Result<MadeFile, Diagnostic>) {
        self.path = path
        self.origin = origin
        self.url = url
        self.lastModified = lastModified
        self.kind = kind
        self.value = value
        self.make = make
    }

    /// A page of kind `kind`, rendered through its template with the value `value(context)` builds.
    static func page(_ route: Route, kind: PageKind, origin: String, lastModified: String? = nil,
                     value: @escaping (RenderContext) -> TemplateValue) -> RenderJob {
        page(route, kind: kind, origin: origin, lastModified: lastModified) { (value($0), [:]) }
    }

    /// The same, for a page whose value holds containers of its own (`BodyMarks.Container`, such
    /// as its JSON-LD) that the view models do not know: `made` also gives their marks, by id.
    static func page(_ route: Route, kind: PageKind, origin: String, lastModified: String? = nil,
                     made: @escaping (RenderContext) -> (TemplateValue, [Int: [MarkedRange]])) -> RenderJob {
        RenderJob(path: route.file, origin: origin, url: route.url, lastModified: lastModified, kind: kind,
                  value: { made($0).0 }) { context in
            let (value, inner) = made(context)
            return context.page(kind.template, value, inner: inner)
        }
    }

    /// A file whose content is known when the job is listed (the sitemap, the default stylesheet).
    static func fixed(_ path: String, _ content: OutputFile.Content, origin: String) -> RenderJob {
        RenderJob(path: path, origin: origin) { _ in .success(MadeFile(content)) }
    }

    func file(_ content: OutputFile.Content) -> OutputFile {
        OutputFile(path: path, content: content, origin: origin, lastModified: lastModified)
    }
}

/// A file as a job made it, with the places of the body parts it shows.
struct MadeFile {
    var content: OutputFile.Content
    var marks = FileMarks()

    init(_ content: OutputFile.Content, marks: FileMarks = FileMarks()) {
        self.content = content
        self.marks = marks
    }
}
