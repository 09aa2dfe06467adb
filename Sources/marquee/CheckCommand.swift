import ArgumentParser
import Foundation
import MarqueeKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Build the site in memory and report every problem, without writing anything.",
        discussion: """
        Reports every diagnostic of a build, plus every internal link (the theme's, the ones you typed in Markdown, #anchors) that leads to no page or id. External URLs are checked for syntax only; nothing is fetched. Exit status 1 when there is an error.

        Examples:
          marquee check
          marquee check --source blog --strict
        """
    )

    @OptionGroup var site: SiteOptions

    func run() throws {
        var options = site.buildOptions(output: nil)
        let progress = BuildProgress()
        options.progress = progress
        let console = Console(siteFolder: options.sourceDirectory)
        let line = ProgressLine.start(progress)
        let outcome = Build.check(options)
        line?.stop()
        switch outcome {
        case .success(let result):
            console.print(result.warnings)
            let pages = result.files.filter { $0.path.hasSuffix(".html") }.count
            let stages = site.verbose ? " (\(progress.stageSummary))" : ""
            console.say("Checked \(pages.groupedDigits) pages: " + console.printer.summary(errors: 0, warnings: result.warnings.count) + stages)
        case .failure(let failure):
            console.print(failure.diagnostics)
            console.printSummary(failure.diagnostics, what: "check failed", after: "")
            throw ExitCode.failure
        }
    }
}
