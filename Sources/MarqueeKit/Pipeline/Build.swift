import Foundation

/// The whole build in four stages: read → assemble → render → write. Each stage takes values and
/// returns values plus diagnostics; the build stops after the first stage that found an error, with
/// every diagnostic found so far, and nothing is written unless all stages succeeded.
public enum Build {
    /// Everything a build checks, without writing: for `marquee check`. Broken links are errors here.
    public static func check(_ options: BuildOptions) -> Result<RenderedSite, BuildFailure> {
        render(DiskFileSystem(root: options.sourceDirectory), baseURLOverride: options.baseURLOverride,
               publishing: options.publishing, strict: options.strict, linkPolicy: .error, advice: true)
    }

    /// Reads, assembles and renders a site without writing anything.
    /// `strict` turns every warning into an error; `linkPolicy` overrides site.yml's `broken_links`.
    public static func render(_ fileSystem: any SiteFileSystem, baseURLOverride: String? = nil,
                              publishing: PublishingOptions, strict: Bool = false,
                              linkPolicy: BrokenLinkPolicy? = nil, advice: Bool = false,
                              cache: ReadCache? = nil) -> Result<RenderedSite, BuildFailure> {
        var diagnostics = Diagnostics()
        var clock = StageClock()

        let (content, readDiagnostics) = SiteReader(fileSystem: fileSystem, baseURLOverride: baseURLOverride, cache: cache).read()
        diagnostics.append(contentsOf: readDiagnostics)
        guard let content, !diagnostics.hasErrors else { return .failure(BuildFailure(diagnostics.sorted)) }
        clock.lap("read")

        let (site, assembleDiagnostics) = SiteAssembler(options: publishing).assemble(content)
        diagnostics.append(contentsOf: assembleDiagnostics)
        guard let site, !diagnostics.hasErrors else { return .failure(BuildFailure(diagnostics.sorted)) }
        clock.lap("assemble")

        let (files, renderDiagnostics) = SiteRenderer().render(site)
        diagnostics.append(contentsOf: renderDiagnostics)
        guard !diagnostics.hasErrors else { return .failure(BuildFailure(diagnostics.sorted)) }
        clock.lap("render")

        diagnostics.append(contentsOf: LinkAudit(site: site, policy: linkPolicy ?? site.config.brokenLinks).audit(files))
        if advice { diagnostics.append(contentsOf: SiteAdvice.warnings(site: site, files: files, source: fileSystem)) }
        clock.lap("check")
        guard !diagnostics.hasErrors else { return .failure(BuildFailure(diagnostics.sorted)) }

        if strict && !diagnostics.all.isEmpty {
            return .failure(BuildFailure(diagnostics.sorted.map { warning in
                var error = warning
                error.severity = .error
                error.hint = (warning.hint.map { $0 + "; " } ?? "") + "a warning is an error with --strict"
                return error
            }))
        }

        return .success(RenderedSite(files: files, warnings: diagnostics.sorted, baseURL: site.config.baseURL))
    }

    /// Builds the site folder into the output folder.
    public static func run(_ options: BuildOptions) -> Result<BuildReport, BuildFailure> {
        let fileSystem = DiskFileSystem(root: options.sourceDirectory)
        let writer = OutputWriter(output: options.outputDirectory, site: options.sourceDirectory, source: fileSystem, force: options.force)
        // Refuse a dangerous output folder before spending time on the build.
        if let refusal = writer.refusal() { return .failure(BuildFailure([refusal])) }
        switch render(fileSystem, baseURLOverride: options.baseURLOverride, publishing: options.publishing, strict: options.strict,
                      cache: options.readCache) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let rendered):
            let warnings = rendered.warnings
            do {
                var clock = StageClock()
                let written = try writer.write(rendered.files)
                clock.lap("write")
                let pages = rendered.files.filter { $0.path.hasSuffix(".html") }.count
                return .success(BuildReport(pagesWritten: pages, filesWritten: written, diagnostics: warnings, baseURL: rendered.baseURL))
            } catch let failure as BuildFailure {
                return .failure(BuildFailure(warnings + failure.diagnostics))
            } catch {
                return .failure(BuildFailure(warnings + [.error(SourceLocation(path: options.outputDirectory.path), "\(error)", stage: .write)]))
            }
        }
    }
}
