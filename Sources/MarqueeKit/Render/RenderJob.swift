import Foundation
import MarqueeTemplates

/// One file of the built site before it is made: where it goes, what it comes from, which reviews'
/// bodies it shows, and how to make it. The render stage first lists every job (so collisions and
/// the sitemap are known before any page is rendered), then runs them concurrently, each file going
/// straight to its destination instead of the whole site waiting in memory.
///
/// `showsBodiesOf` is what an incremental rebuild trusts: after an edit that changes only a
/// review's body, exactly the jobs naming that review are run again. A page that shows anything
/// drawn from a body (the body itself, the excerpt, the word count) must name the review here.
struct RenderJob {
    /// Relative to the output folder: "reviews/baran/index.html".
    let path: String
    /// What produced it, to name both sides of a collision and to place link errors.
    let origin: String
    /// For pages made from a route: its URL relative to the base URL, already percent-encoded.
    var url: String?
    /// For pages: when their content last changed (RFC 3339), for the sitemap.
    let lastModified: String?
    /// Indexes into `site.reviews` of the reviews whose body, excerpt or word count the file shows.
    let showsBodiesOf: [Int]
    /// Makes the file's content from the current render context.
    let make: (RenderContext) -> Result<OutputFile.Content, Diagnostic>
    /// For pages rendered from a template: the page kind, and the value its template is rendered
    /// with (what `make` renders; kept apart so tests and the template checker can see it).
    private(set) var kind: PageKind?
    private(set) var value: ((RenderContext) -> TemplateValue)?

    /// An HTML page: listed in the sitemap and read back by the link check.
    var isPage: Bool { path.hasSuffix(".html") }

    init(path: String, origin: String, lastModified: String? = nil, showsBodiesOf: [Int] = [],
         make: @escaping (RenderContext) -> Result<OutputFile.Content, Diagnostic>) {
        self.path = path
        self.origin = origin
        self.lastModified = lastModified
        self.showsBodiesOf = showsBodiesOf
        self.make = make
    }

    /// A page of kind `kind`, rendered through its template with the value `value(context)` builds.
    static func page(_ route: Route, kind: PageKind, origin: String, lastModified: String? = nil, showsBodiesOf: [Int] = [],
                     value: @escaping (RenderContext) -> TemplateValue) -> RenderJob {
        var job = RenderJob(path: route.file, origin: origin, lastModified: lastModified, showsBodiesOf: showsBodiesOf) { context in
            context.page(kind.template, value(context))
        }
        job.url = route.url
        job.kind = kind
        job.value = value
        return job
    }

    /// A file whose content is known when the job is listed (the sitemap, the default stylesheet).
    static func fixed(_ path: String, _ content: OutputFile.Content, origin: String) -> RenderJob {
        RenderJob(path: path, origin: origin) { _ in .success(content) }
    }

    func file(_ content: OutputFile.Content) -> OutputFile {
        OutputFile(path: path, content: content, origin: origin, lastModified: lastModified)
    }
}
