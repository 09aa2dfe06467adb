import Foundation
import MarqueeTemplates

/// The render stage: `Site` → files. Each page type lists its jobs (`RenderJob`); this checks
/// that no two jobs claim one path, then runs them all concurrently, handing each file to a sink
/// (the staging folder of a build, or memory for `check` and tests) as soon as it is made, and
/// reading every page back for the link check while its bytes are at hand.
public struct SiteRenderer: Sendable {
    public init() {}

    /// Lists the jobs of a site; nil, with the reasons, when its templates do not load. With
    /// `recordingMarks`, pages are made with their body parts marked for the build cache.
    func plan(_ site: Site, recordingMarks: Bool = false) -> (RenderPlan?, [Diagnostic]) {
        let (loaded, diagnostics) = TemplateSet.load(siteTemplates: site.templates, words: WordsView(site.config.translation).templateValue)
        guard let templates = loaded else { return (nil, diagnostics) }
        let marks = recordingMarks ? BodyMarks.recording : .off
        // The search index is made beside the view models and the listing of the jobs, not after
        // them: each has stretches on one core (the index's merge and files, the models' header
        // and badges, the listing) that the other fills. No job is made before it is done.
        var clock = StageClock()
        let search = site.config.search ? Pending { SearchOutput(site) } : nil
        let context = RenderContext(site: site, templates: templates, models: ViewModelBuilder(site: site, templates: templates, marks: marks))
        clock.lap("  models")
        var jobs: [RenderJob] = []
        for pageType in RenderContext.pageTypes { jobs += pageType(context) }
        jobs += SitemapAndRobots.jobs(for: jobs, site: site)
        jobs += AssetCopier.jobs(for: site)
        let collisions = OutputCollisions.check(jobs)
        // After the sitemap (an old address is not a page to list) and checked against every other file.
        let (aliases, aliasProblems) = AliasPages.jobs(for: site, existing: jobs)
        jobs += aliases
        let paths = Set(jobs.map(\.path))
        let searched = context.with(search: search?.value)
        clock.lap("  jobs and search")
        return (RenderPlan(context: searched, jobs: jobs, diagnostics: diagnostics + collisions + aliasProblems, paths: paths), [])
    }

    /// Runs a plan's jobs (all of them, or the `selected` ones again) and hands each file to
    /// `sink`, which may be called from several threads at once. Each page's links are checked by
    /// `links` as soon as it is made, so no page is kept once written. The plan's own diagnostics
    /// are not repeated in the result.
    func run(_ plan: RenderPlan, only selected: [Int]? = nil, context: RenderContext, links: LinkAudit,
             sink: (RenderJob, OutputFile.Content) throws -> Void) -> RenderResult {
        var clock = StageClock()
        let indexes = selected ?? Array(plan.jobs.indices)
        let paths = plan.paths
        // Most links of a site name one of its files as the templates write them: looked up
        // directly, those need no verdict. Worth making for a whole build, not for a few pages.
        let direct = indexes.count >= 256 ? links.directLinks(to: paths) : DirectLinks(capacity: 0)
        // Jobs in chunks, a few per core (and at least 32 jobs each). Each chunk keeps its own memo of
        // link verdicts; every thread renders with the same parsed templates.
        let order = Self.listingPagesFirst(indexes, of: plan.jobs)
        let chunks = ConcurrentMap.ranges(of: order.count, atLeast: 32).map { order[$0] }
        let outcomes = ConcurrentMap.map(chunks) { chunk -> [JobOutcome] in
            var memo = LinkAudit.Memo()
            return chunk.map { index in
                let job = plan.jobs[index]
                switch job.make(context) {
                case .failure(let diagnostic):
                    return .failed(diagnostic)
                case .success(let made):
                    let content = made.content
                    var checked: LinkAudit.CheckedPage?
                    if job.isPage, case .bytes(let bytes) = content {
                        let scan = bytes.withUnsafeBytes { HTMLScanner.scan($0, skipping: direct) }
                        checked = links.check(scan, page: job.path, origin: job.origin, paths: paths, direct: direct, memo: &memo)
                    }
                    do { try sink(job, content) } catch { return .failed(OutputWriter.writeError(error, path: job.path)) }
                    return .made(checked, made.marks)
                }
            }
        }
        clock.lap("  pages")
        var diagnostics = Diagnostics()
        var pages: [String: LinkAudit.CheckedPage] = [:]
        var marks = RecordedMarks()
        // Back in the jobs' order, so that the problems come in the same order whatever ran first.
        var outcomeOfJob = [JobOutcome?](repeating: nil, count: plan.jobs.count)
        for (index, outcome) in zip(order, outcomes.joined()) { outcomeOfJob[index] = outcome }
        for index in indexes {
            guard let outcome = outcomeOfJob[index] else { continue }
            switch outcome {
            case .failed(let diagnostic): diagnostics.append(diagnostic)
            case .made(let page, let marked):
                if let page { pages[plan.jobs[index].path] = page }
                let path = plan.jobs[index].path
                if !marked.ranges.isEmpty { marks.ranges[path] = marked.ranges }
                if !marked.reviews.isEmpty { marks.reviewsShown[path] = marked.reviews }
                marks.unreadable.formUnion(marked.unreadable)
            }
        }
        return RenderResult(diagnostics: diagnostics, pages: pages, marks: marks)
    }

    /// The jobs in the order they run: the archive and the ratings page first. Each lists every
    /// review (megabytes at 10,000 reviews, one core's work for a while): run last they kept one
    /// core busy alone at the end, and their buffers came on top of everything the build had
    /// made by then (its peak memory).
    static func listingPagesFirst(_ indexes: [Int], of jobs: [RenderJob]) -> [Int] {
        let isListing = { (index: Int) in jobs[index].kind == .archive || jobs[index].kind == .ratings }
        return indexes.filter(isListing) + indexes.filter { !isListing($0) }
    }

    private enum JobOutcome {
        case made(LinkAudit.CheckedPage?, FileMarks)
        case failed(Diagnostic)
    }
}

/// A site's jobs, and the context to run them in.
struct RenderPlan {
    var context: RenderContext
    var jobs: [RenderJob]
    /// Template and collision problems found while listing the jobs.
    var diagnostics: [Diagnostic]

    /// Every file the jobs write, for the link check (made once: a rebuild of a few pages uses it too).
    var paths: Set<String>
}

/// What running jobs came to: problems, and each page's links as checked so far, with its ids.
struct RenderResult {
    var diagnostics: Diagnostics
    var pages: [String: LinkAudit.CheckedPage]
    /// Where each file shows parts of review bodies, when the build records its cache.
    var marks = RecordedMarks()
    var hasErrors: Bool { diagnostics.hasErrors }
}

/// The places of marked body parts in the files of a build (`BodyMarks`), by output path.
struct RecordedMarks {
    var ranges: [String: [MarkedRange]] = [:]
    /// The reviews whose body each file shows, by output path.
    var reviewsShown: [String: Set<Int>] = [:]
    /// Mark ids some file showed in a way that cannot be redone without rendering it.
    var unreadable = Set<Int>()
}

/// Collects files in memory (for `marquee check`, tests and `Build.render`).
final class MemorySink: @unchecked Sendable {
    private let lock = NSLock()
    private var contents: [String: OutputFile.Content] = [:]

    func put(_ job: RenderJob, _ content: OutputFile.Content) {
        lock.withLock { contents[job.path] = content }
    }

    /// The files in the order of the jobs, so output stays deterministic.
    func files(in jobs: [RenderJob]) -> [OutputFile] {
        lock.withLock { jobs.compactMap { job in contents[job.path].map(job.file) } }
    }
}

/// What every page renderer needs.
///
/// A class: every job's closure is handed it, and a copy of a struct holding the site, the
/// templates and the view models cost a retain and a release of each of their fields.
final class RenderContext: Sendable {
    let site: Site
    let templates: TemplateSet
    let models: ViewModelBuilder
    /// The search index and its files (`search: false` in site.yml: nil).
    let search: SearchOutput?

    init(site: Site, templates: TemplateSet, models: ViewModelBuilder, search: SearchOutput? = nil) {
        self.site = site
        self.templates = templates
        self.models = models
        self.search = search
    }

    /// The same context with the search index made beside the listing of the jobs.
    func with(search: SearchOutput?) -> RenderContext {
        RenderContext(site: site, templates: templates, models: models, search: search)
    }

    /// The page types of a site, in the order they are listed.
    static var pageTypes: [(RenderContext) -> [RenderJob]] { [
        ReviewPages.jobs,
        ArticlePages.jobs,
        HomePages.jobs,
        PlainPages.jobs,
        TaxonomyPages.jobs,
        ArchivePage.jobs,
        RatingsPage.jobs,
        NotFoundPage.jobs,
        SearchPage.jobs,
        AtomFeed.jobs,
    ] }

    /// Renders one page; a template that produces nothing is an error naming the template.
    func page(_ template: String, _ value: TemplateValue, inner: [Int: [MarkedRange]] = [:]) -> Result<MadeFile, Diagnostic> {
        var marks: [TemplateMark] = []
        return templates.render(value, template: template, marks: &marks).map { bytes in
            MadeFile(.bytes(bytes), marks: FileMarks(marks) { id in inner[id] ?? models.innerMarks(ofContainer: id) })
        }
    }
}
