import Foundation

/// The whole build in four stages: read → assemble → render → write. Each stage takes values and
/// returns values plus diagnostics; the build stops after the first stage that found an error, with
/// every diagnostic found so far, and the output folder is replaced only when all stages succeeded.
public enum Build {
    /// Everything a build checks, without writing: for `marquee check`. Broken links are errors here.
    public static func check(_ options: BuildOptions) -> Result<RenderedSite, BuildFailure> {
        defer { options.progress?.end() }
        return render(DiskFileSystem(root: options.sourceDirectory), baseURLOverride: options.baseURLOverride,
                      publishing: options.publishing, strict: options.strict, linkPolicy: .error, advice: true, progress: options.progress)
    }

    /// Reads, assembles and renders a site into memory, without writing anything.
    /// `strict` turns every warning into an error; `linkPolicy` overrides site.yml's `broken_links`.
    public static func render(_ fileSystem: any SiteFileSystem, baseURLOverride: String? = nil,
                              publishing: PublishingOptions, strict: Bool = false,
                              linkPolicy: BrokenLinkPolicy? = nil, advice: Bool = false, progress: BuildProgress? = nil) -> Result<RenderedSite, BuildFailure> {
        var diagnostics = Diagnostics()
        guard let (_, site, plan) = prepare(fileSystem, baseURLOverride: baseURLOverride, publishing: publishing, cache: nil,
                                            progress: progress, &diagnostics) else {
            return .failure(BuildFailure(diagnostics.sorted))
        }
        let sink = MemorySink()
        guard produce(plan, linkPolicy: linkPolicy, progress: progress, sink: sink.put, &diagnostics) != nil else {
            return .failure(BuildFailure(diagnostics.sorted))
        }
        let files = sink.files(in: plan.jobs)
        if advice { diagnostics.append(contentsOf: SiteAdvice.warnings(site: site, files: files, source: fileSystem)) }
        return finish(diagnostics, strict: strict).map { RenderedSite(files: files, warnings: $0, baseURL: site.config.baseURL) }
    }

    /// Builds the site folder into the output folder. Pages go to a staging folder as they are
    /// rendered (the site is never held in memory as a whole) and replace the output only when the
    /// build has succeeded. With `useCache`, an edit to review bodies only is applied to the last
    /// build's files instead (`CachedRebuild`), and a full build records the cache for the next.
    public static func run(_ options: BuildOptions) -> Result<BuildReport, BuildFailure> {
        options.progress?.begin(.read)
        defer { options.progress?.end() }
        let fileSystem = DiskFileSystem(root: options.sourceDirectory)
        let writer = OutputWriter(output: options.outputDirectory, site: options.sourceDirectory, source: fileSystem, force: options.force)
        // Refuse a dangerous output folder before spending time on the build.
        if let refusal = writer.refusal() { return .failure(BuildFailure([refusal])) }
        // One build of an output at a time, and what a killed one left put right, before the
        // cache looks at the output (held until this function returns).
        let lock: OutputLock
        do { lock = try writer.prepare(lockTimeout: options.lockTimeout, waiting: options.waitingForOtherBuild) } catch {
            return .failure(OutputWriter.failure(error, output: options.outputDirectory))
        }
        defer { withExtendedLifetime(lock) {} }
        let cacheURL = BuildCache.location(for: options)
        // A patch of the output that an earlier build was stopped in is settled before anything
        // else; one that cannot be leaves the output to a full build, which alone writes it then.
        let patchSettled = PatchJournal.recover(output: options.outputDirectory)
        if !patchSettled { BuildCache.remove(at: cacheURL) }
        if options.useCache {
            switch CachedRebuild.attempt(options, cacheAt: cacheURL) {
            case .patched(let report): return .success(report)
            case .failed(let failure): return .failure(failure)
            case .notUsed: break
            }
        }
        // Taken before reading: a file saved during the build differs from it next time. A site
        // with a symbolic link gets no cache: no listing of it can prove an edit harmless.
        let inputs = options.useCache ? SourceStamps.list(of: options.sourceDirectory) : []
        let recording = options.useCache && !inputs.contains { $0.stamp.isLink }
        var diagnostics = Diagnostics()
        // `--no-cache` builds everything: no image comes from .marquee/images, and none is kept there.
        guard let (content, site, plan) = prepare(fileSystem, baseURLOverride: options.baseURLOverride, publishing: options.publishing,
                                                  cache: nil, recordingMarks: recording, imageStore: options.useCache, progress: options.progress, &diagnostics) else {
            return .failure(BuildFailure(diagnostics.sorted))
        }
        let staging: OutputWriter.Staging
        var stagingClock = StageClock()
        do { staging = try writer.beginStaging(paths: plan.jobs.map(\.path)) } catch {
            return .failure(BuildFailure(diagnostics.sorted + OutputWriter.failure(error, output: options.outputDirectory).diagnostics))
        }
        stagingClock.lap("staging")
        // The cache's facts of each review need only the site: made while the pages render.
        let facts = recording ? Pending { BuildCache.reviewFacts(of: site) } : nil
        let produced = produce(plan, linkPolicy: nil, progress: options.progress, sink: { job, content in try staging.put(job.path, content) }, &diagnostics)
        switch produced != nil ? finish(diagnostics, strict: options.strict) : .failure(BuildFailure(diagnostics.sorted)) {
        case .failure(let failure):
            writer.abandon(staging)
            return .failure(failure)
        case .success(let warnings):
            do {
                var clock = StageClock()
                options.progress?.begin(.write)
                // An old cache would describe the folder being replaced.
                BuildCache.remove(at: cacheURL)
                try writer.commit(staging)
                if !patchSettled { PatchJournal.discard(output: options.outputDirectory) }
                clock.lap("swap")
                // The images' store holds what this build's images need, no more: it stays bounded.
                if options.useCache { ImageStore.prune(keeping: site.images) }
                clock.lap("image store prune")
                if let marks = produced?.marks, plan.context.models.marks.isRecording {
                    // A site folder we may not write to still builds; the next build is then a full one.
                    var cache = BuildCache.record(options: options, inputs: inputs, content: content, plan: plan, marks: marks, warnings: warnings,
                                                  facts: facts?.value)
                    clock.lap("cache record")
                    try? cache.write(to: cacheURL)
                    clock.lap("cache write")
                }
            } catch {
                return .failure(BuildFailure(warnings + OutputWriter.failure(error, output: options.outputDirectory).diagnostics))
            }
            var report = BuildReport(pagesWritten: plan.jobs.filter(\.isPage).count, filesWritten: plan.jobs.count,
                                     diagnostics: warnings, baseURL: site.config.baseURL)
            report.imagesProcessed = site.images.processed
            report.imagesReused = site.images.reused
            report.retained = RetainedValues([content, site, plan, produced as Any])
            return .success(report)
        }
    }

    /// Read and assemble, then list what to render; nil when a stage found an error.
    static func prepare(_ fileSystem: any SiteFileSystem, baseURLOverride: String?, publishing: PublishingOptions,
                        cache: ReadCache?, recordingMarks: Bool = false, imageStore: Bool = true, progress: BuildProgress? = nil,
                        _ diagnostics: inout Diagnostics) -> (SiteContent, Site, RenderPlan)? {
        var clock = StageClock()
        progress?.begin(.read)
        let (content, readDiagnostics) = SiteReader(fileSystem: fileSystem, baseURLOverride: baseURLOverride, cache: cache).read()
        diagnostics.append(contentsOf: readDiagnostics)
        guard let content, !diagnostics.hasErrors else { return nil }
        clock.lap("read")
        progress?.begin(.assemble)

        let (assembled, assembleDiagnostics) = SiteAssembler(options: publishing).assemble(content)
        diagnostics.append(contentsOf: assembleDiagnostics)
        guard let assembledSite = assembled, !diagnostics.hasErrors else { return nil }
        clock.lap("assemble")

        var site = assembledSite
        let store = ImageStore(siteDirectory: imageStore ? fileSystem.diskPath(of: "") : nil)
        let (images, imageDiagnostics) = ImageStage(store: store).run(site, fileSystem: fileSystem)
        diagnostics.append(contentsOf: imageDiagnostics)
        guard !diagnostics.hasErrors else { return nil }
        site.images = images
        BodyImageFill.apply(to: &site)
        clock.lap("images")

        let (planned, planDiagnostics) = SiteRenderer().plan(site, recordingMarks: recordingMarks)
        diagnostics.append(contentsOf: planDiagnostics)
        guard let plan = planned else { return nil }
        diagnostics.append(contentsOf: plan.diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        clock.lap("plan")
        return (content, site, plan)
    }

    /// Renders every job into `sink` and checks the links of the pages made. Returns the pages as
    /// checked (for a later rebuild of part of the site) and the marks recorded, or nil on any error.
    static func produce(_ plan: RenderPlan, linkPolicy: BrokenLinkPolicy?, progress: BuildProgress? = nil,
                        sink: (RenderJob, OutputFile.Content) throws -> Void, _ diagnostics: inout Diagnostics) -> RenderResult? {
        let site = plan.context.site
        var clock = StageClock()
        let links = LinkAudit(site: site, policy: linkPolicy ?? site.config.brokenLinks)
        let result: RenderResult
        if let progress {
            progress.begin(.render, total: plan.jobs.reduce(0) { $0 + ($1.isPage ? 1 : 0) })
            result = SiteRenderer().run(plan, context: plan.context, links: links) { job, content in
                try sink(job, content)
                if job.isPage { progress.advance() }
            }
        } else {
            result = SiteRenderer().run(plan, context: plan.context, links: links, sink: sink)
        }
        diagnostics.append(contentsOf: result.diagnostics.all)
        clock.lap("render")
        guard !diagnostics.hasErrors else { return nil }
        let pages = result.pages
        progress?.begin(.check)
        diagnostics.append(contentsOf: links.report(pages) { pages[$0]?.ids })
        clock.lap("check")
        return diagnostics.hasErrors ? nil : result
    }

    /// The warnings of a build that succeeded, or, with `strict`, every warning as an error.
    static func finish(_ diagnostics: Diagnostics, strict: Bool) -> Result<[Diagnostic], BuildFailure> {
        guard strict && !diagnostics.all.isEmpty else { return .success(diagnostics.sorted) }
        return .failure(BuildFailure(diagnostics.sorted.map { warning in
            var error = warning
            error.severity = .error
            error.hint = (warning.hint.map { $0 + "; " } ?? "") + "a warning is an error with --strict"
            return error
        }))
    }
}
