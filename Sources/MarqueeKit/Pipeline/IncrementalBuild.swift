import Foundation

/// Builds one site again and again in one process (`marquee serve`, the rebuild benchmark), doing
/// after each change only the work that change calls for, and writing only the files whose bytes
/// change.
///
/// - An edit to the *body* of published reviews (their front matter read back exactly as before)
///   re-parses those files and re-renders exactly the jobs whose files showed their bodies (as the
///   last render reported it, from the marked values the engine wrote: `FileMarks.reviews`):
///   the review's page, the list pages with its card, the feed. Everything else the site is made
///   of is unchanged by construction, so it is reused.
/// - Any other change (front matter, a new or deleted file, a template, `site.yml`, a static file,
///   or an unknown set of changes) reads, assembles and renders the whole site again; unchanged
///   files are still parsed once (`ReadCache`) and not rewritten.
///
/// The fast path checks its own premises and falls back to the full build whenever one fails
/// (a new warning or error, a broken link, an id other pages may link to that changed, time
/// passing a review's date): the output is always what a clean build would write.
public final class IncrementalBuild: @unchecked Sendable {
    /// How the last build was done, for tests and the rebuild benchmark.
    public struct Stats: Sendable {
        public enum Kind: Sendable { case full, bodyOnly }
        public var kind: Kind
        /// Jobs run (pages and files made again).
        public var rendered: Int
        /// Files written because their bytes changed, and files removed.
        public var rewritten: [String]
        public var removed: [String]
    }

    public private(set) var lastStats: Stats?
    private let options: BuildOptions
    private let fileSystem: DiskFileSystem
    private let updater: OutputUpdater
    private let cache = ReadCache()
    private let lock = NSLock()
    private var last: State?
    /// Files changed since the last successful build (nil: unknown). A failed build leaves the
    /// output as it was, so its changes are still to be built by the next one.
    private var unbuilt: Set<String>? = []

    /// What the output folder holds, as values: enough to redo a part of it.
    private struct State {
        /// The jobs, and the context they were rendered in (`plan.context.site` is the site).
        var plan: RenderPlan
        /// Every page as the link check left it (its ids, its links to ids on other pages).
        var pages: [String: LinkAudit.CheckedPage]
        var warnings: [Diagnostic]
        /// The published reviews as read (before assembly), with what reading them reported.
        var parsed: ParsedReviews
        var reviewIndexBySource: [String: Int]
        /// Review index → the jobs that show its body.
        var jobsShowingBody: [Int: [Int]]
        var now: Int64
        /// Dates of reviews and articles read but dated after `now`: passing one changes what is published or marked.
        var pendingDates: [Int64]
    }

    /// Shared by reference between states: a 10,000-entry dictionary of reviews is not copied for
    /// every edit. Only a successful build writes to it.
    private final class ParsedReviews {
        var entries: [String: (review: Review, diagnostics: [Diagnostic])] = [:]
    }

    public init(options: BuildOptions) {
        self.options = options
        fileSystem = DiskFileSystem(root: options.sourceDirectory)
        updater = OutputUpdater(writer: OutputWriter(output: options.outputDirectory, site: options.sourceDirectory,
                                                     source: fileSystem, force: options.force))
    }

    /// Brings the output folder up to date. `changed` names the files (relative to the site
    /// folder) that changed since the last build, or is nil when that is not known; `now` is the
    /// time reviews are published against (the build options' by default).
    public func build(changed: Set<String>? = nil, now: Int64? = nil) -> Result<BuildReport, BuildFailure> {
        lock.withLock {
            // No `marquee build` of the same output at the same time (held until this returns).
            let outputLock: OutputLock
            do { outputLock = try updater.writer.prepare(lockTimeout: options.lockTimeout, waiting: options.waitingForOtherBuild) } catch {
                return .failure(OutputWriter.failure(error, output: options.outputDirectory))
            }
            defer { withExtendedLifetime(outputLock) {} }
            // `marquee build`'s cache would no longer describe an output folder this writes to;
            // a patch it was stopped in is settled first (one that cannot be is overwritten by the
            // full build below, which compares every file with the output's).
            BuildCache.remove(at: BuildCache.location(for: options))
            let settled = PatchJournal.recover(output: options.outputDirectory)
            if !settled { last = nil }
            let now = now ?? options.now
            let pending = changed.flatMap { changed in unbuilt.map { $0.union(changed) } }
            var result: Result<BuildReport, BuildFailure>
            if let pending, let state = last, let report = bodyOnly(pending, state, now: now) {
                result = .success(report)
            } else {
                result = full(now: now)
            }
            if case .success = result { unbuilt = [] } else { unbuilt = pending }
            if case .success = result, !settled { PatchJournal.discard(output: options.outputDirectory) }
            return result
        }
    }

    private func full(now: Int64) -> Result<BuildReport, BuildFailure> {
        var publishing = options.publishing
        publishing.now = now
        var diagnostics = Diagnostics()
        // Marked, so that rendering reports which pages show which review's body.
        guard let (content, site, plan) = Build.prepare(fileSystem, baseURLOverride: options.baseURLOverride, publishing: publishing,
                                                        cache: cache, recordingMarks: true, &diagnostics) else {
            return .failure(BuildFailure(diagnostics.sorted))
        }
        let pending: OutputUpdater.Pending
        do { pending = try updater.begin() } catch {
            return .failure(BuildFailure(diagnostics.sorted + OutputWriter.failure(error, output: options.outputDirectory).diagnostics))
        }
        let updater = self.updater
        let produced = Build.produce(plan, linkPolicy: nil, sink: { job, content in try updater.put(pending, job.path, content) }, &diagnostics)
        let checked = produced?.pages
        let warnings: [Diagnostic]
        switch checked == nil ? .failure(BuildFailure(diagnostics.sorted)) : Build.finish(diagnostics, strict: options.strict) {
        case .failure(let failure):
            updater.abandon(pending)
            return .failure(failure)
        case .success(let found):
            warnings = found
        }
        let removed = updater.existingFiles().subtracting(plan.paths).sorted()
        let changed: [String]
        do { changed = try updater.commit(pending, removing: removed) } catch let failure as BuildFailure {
            return .failure(BuildFailure(warnings + failure.diagnostics))
        } catch {
            return .failure(BuildFailure(warnings + OutputWriter.failure(error, output: options.outputDirectory).diagnostics))
        }

        let parsed = ParsedReviews()
        var reviewIndexBySource: [String: Int] = [:]
        for (index, review) in site.reviews.enumerated() {
            reviewIndexBySource[review.source] = index
            if let entry = cache.parsed(review.source), let read = entry.review { parsed.entries[review.source] = (read, entry.diagnostics) }
        }
        // As the render reported it: the jobs whose files showed each review's body.
        var jobsShowingBody: [Int: [Int]] = [:]
        let shown = produced?.marks.reviewsShown ?? [:]
        for (jobIndex, job) in plan.jobs.enumerated() {
            for review in (shown[job.path] ?? []).sorted() { jobsShowingBody[review, default: []].append(jobIndex) }
        }
        last = State(plan: plan, pages: checked ?? [:], warnings: warnings, parsed: parsed, reviewIndexBySource: reviewIndexBySource,
                     jobsShowingBody: jobsShowingBody, now: now,
                     pendingDates: (content.reviews.map(\.date) + content.articles.map(\.date)).map(\.secondsSince1970).filter { $0 > now })
        lastStats = Stats(kind: .full, rendered: plan.jobs.count, rewritten: changed, removed: removed)
        return .success(BuildReport(pagesWritten: plan.jobs.filter(\.isPage).count, filesWritten: changed.count,
                                    diagnostics: warnings, baseURL: site.config.baseURL))
    }

    /// The fast path for edits to review bodies; nil when it does not apply (nothing was written).
    private func bodyOnly(_ changed: Set<String>, _ state: State, now: Int64) -> BuildReport? {
        guard !changed.isEmpty,
              changed.allSatisfy({ state.reviewIndexBySource[$0] != nil }),
              // Link warnings may come and go with a body: let the full build recompute them.
              !state.warnings.contains(where: { $0.stage == .check }),
              // (Scheduled reviews are among these dates too.)
              !state.pendingDates.contains(where: { $0 <= now })
        else { return nil }

        var clock = StageClock()
        var site = state.plan.context.site
        var reads: [String: (review: Review, diagnostics: [Diagnostic])] = [:]
        var models = state.plan.context.models
        let reader = SiteReader(fileSystem: fileSystem, baseURLOverride: options.baseURLOverride, cache: cache)
        var edited: [Int] = []
        for path in changed.sorted() {
            guard let index = state.reviewIndexBySource[path], let before = state.parsed.entries[path] else { return nil }
            let (read, found) = reader.rereadReview(at: path, config: site.config)
            // A body with images to resize goes through the image stage, which only a full build runs.
            guard let read, found == before.diagnostics, read.body.images.isEmpty, before.review.body.images.isEmpty else { return nil }
            // Only the body may differ: everything else must read back exactly as before.
            var rest = read
            rest.body = before.review.body
            rest.excerpt = before.review.excerpt
            guard rest == before.review else { return nil }
            reads[path] = (read, found)
            site.reviews[index].body = read.body
            site.reviews[index].excerpt = read.excerpt
            edited.append(index)
        }
        clock.lap("reread")
        let templates = state.plan.context.templates
        for index in edited { models = models.replacingBody(ofReview: index, in: site, templates: templates) }
        var context = RenderContext(site: site, templates: templates, models: models)
        var selecting = Set(edited.flatMap { state.jobsShowingBody[$0] ?? [] })
        if let search = state.plan.context.search {
            // A body changes the search index only through its excerpt's words: the postings of the
            // words that came and went are updated (or, when a common word is among them, the index
            // made again), and only the files whose bytes change are rendered; a file to add or
            // remove needs the full build (the plan lists every file).
            let before = state.plan.context.site.reviews
            var remade: SearchOutput? = search
            for index in edited {
                remade = remade?.replacingExcerpt(of: before[index].source, from: before[index].excerpt, to: site.reviews[index].excerpt)
            }
            let updated = remade ?? SearchOutput(site)
            guard updated.paths == search.paths else { return nil }
            context = context.with(search: updated)
            if updated !== search {
                for (index, job) in state.plan.jobs.enumerated() where search.files[job.path] != nil && search.files[job.path] != updated.files[job.path] {
                    selecting.insert(index)
                }
            }
        }
        let selected = selecting.sorted()

        clock.lap("models")
        guard let pending = try? updater.begin() else { return nil }
        let updater = self.updater
        let links = LinkAudit(site: site, policy: site.config.brokenLinks)
        let result = SiteRenderer().run(state.plan, only: selected, context: context, links: links,
                                        sink: { job, content in try updater.put(pending, job.path, content) })
        clock.lap("render")
        var next = state
        var idsChanged = false
        for (path, page) in result.pages {
            if Set(next.pages[path]?.ids ?? []) != Set(page.ids) { idsChanged = true }
            next.pages[path] = page
        }
        // A page whose ids changed may break `#fragment` links on any other page.
        let pages = next.pages
        let problems = links.report(idsChanged ? pages : result.pages) { pages[$0]?.ids }
        clock.lap("check")
        guard !result.hasErrors, problems.isEmpty, let changedFiles = try? updater.commit(pending, removing: []) else {
            updater.abandon(pending)
            return nil
        }
        clock.lap("write")
        next.plan.context = context
        for (path, read) in reads { next.parsed.entries[path] = read }
        next.now = now
        last = next
        lastStats = Stats(kind: .bodyOnly, rendered: selected.count, rewritten: changedFiles, removed: [])
        return BuildReport(pagesWritten: selected.filter { state.plan.jobs[$0].isPage }.count, filesWritten: changedFiles.count,
                           diagnostics: state.warnings, baseURL: site.config.baseURL)
    }
}
