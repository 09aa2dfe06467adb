import ArgumentParser
import Foundation
import MarqueeKit

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder (holding site.yml).", valueName: "dir"))
    var source: String = "."

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The URL the site is served from; overrides site.yml's base_url.", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Include reviews and pages marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Include reviews dated in the future.")
    var future = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Add the time each stage took (read, assemble, render, check, write) to the summary.")
    var verbose = false

    func buildOptions(output: String?) -> BuildOptions {
        var options = BuildOptions(sourceDirectory: URL(fileURLWithPath: source), outputDirectory: output.map { URL(fileURLWithPath: $0) })
        options.baseURLOverride = baseURL
        options.includeDrafts = drafts
        options.includeFuture = future
        options.strict = strict
        return options
    }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
        Reads site.yml, content/, templates/ and static/ from the site folder and writes the whole site to the output folder. The output folder is replaced only when the build succeeds. On a terminal, a build that takes more than a second shows what it is doing on one updating line.

        Examples:
          marquee build
          marquee build --source blog --output /tmp/public
          marquee build --base-url https://example.org/blog/ --drafts
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: public/ in the site folder).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Replace an output folder that Marquee did not create.")
    var force = false

    @Flag(name: .customLong("no-cache"), help: "Build everything, without reading or writing the build cache (.marquee/).")
    var noCache = false

    func run() throws {
        let started = Date()
        var options = site.buildOptions(output: output)
        options.force = force
        options.useCache = !noCache
        let shown = options.outputDirectory.relativePathForDisplay
        let progress = BuildProgress()
        options.progress = progress
        let line = ProgressLine.start(progress)
        options.waitingForOtherBuild = { pid in
            let who = pid.map { "process \($0)" } ?? "another process"
            let text = "Waiting for another build (\(who)) to finish writing \(shown)…"
            if let line { line.say(text) } else { FileHandle.standardError.write(Data((text + "\n").utf8)) }
        }
        let console = Console(siteFolder: options.sourceDirectory)
        let result = Build.run(options)
        line?.stop()
        let stages = site.verbose && !progress.stageSeconds.isEmpty ? " (\(progress.stageSummary))" : ""
        switch result {
        case .success(let report):
            console.print(report.diagnostics)
            if !report.diagnostics.isEmpty { console.printSummary(report.diagnostics, failed: false) }
            let seconds = Date().timeIntervalSince(started)
            if report.reusedCache && report.filesWritten == 0 {
                console.say("Nothing changed since the last build: \(options.outputDirectory.relativePathForDisplay) is up to date (\(String(format: "%.3f", seconds)) s)\(stages)")
            } else if report.reusedCache {
                console.say("Updated \(report.filesWritten.groupedDigits) \(report.filesWritten == 1 ? "file" : "files") in \(options.outputDirectory.relativePathForDisplay) from the build cache "
                            + "(only review bodies changed) in \(String(format: "%.3f", seconds)) s\(stages)")
            } else {
                // Said only for a site with images: how much image work the build did.
                let images = report.imagesProcessed + report.imagesReused == 0 ? ""
                    : "; images: \(report.imagesProcessed.groupedDigits) resized, \(report.imagesReused.groupedDigits) from the cache"
                console.say("Built \(report.pagesWritten.groupedDigits) pages (\(report.filesWritten.groupedDigits) files) into \(options.outputDirectory.relativePathForDisplay) in \(String(format: "%.2f", seconds)) s\(images)\(stages)")
            }
            if PreviewHint.applies() {
                console.say(PreviewHint.line(baseURL: report.baseURL, source: site.source, output: shown))
            }
            // The build is done and said: end the process without freeing what it made
            // (`BuildReport.retained`); exit flushes the output.
            withExtendedLifetime(report) { Foundation.exit(0) }
        case .failure(let failure):
            console.print(failure.diagnostics)
            if failure.outputPartlyUpdated {
                console.printSummary(failure.diagnostics, after: "; the output folder is partly updated, and the next build completes it")
            } else {
                console.printSummary(failure.diagnostics)
            }
            throw ExitCode.failure
        }
    }
}
