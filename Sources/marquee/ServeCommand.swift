import ArgumentParser
import Foundation
import MarqueeKit
import MarqueeServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it locally and rebuild it as you edit.",
        discussion: """
        Serves on http://127.0.0.1:1313 (under the site's base path, and at / too). Saving a file in content/, templates/, static/ or site.yml rebuilds the site and reloads open pages; when a rebuild fails, the last good build stays on screen with the errors over it. Drafts and future-dated reviews are shown, marked as such. Ctrl-C stops it within 2 s; a second Ctrl-C quits at once.

        Examples:
          marquee serve
          marquee serve --port 8080 --no-drafts
        """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder (holding site.yml).", valueName: "dir"))
    var source: String = "."

    @Option(name: .long, help: "The address to listen on; only this machine can connect unless you change it.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on.")
    var port = 1313

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Overrides site.yml's base_url.", valueName: "url"))
    var baseURL: String?

    @Flag(name: .customLong("no-drafts"), help: "Hide drafts and future-dated reviews, as a build does.")
    var noDrafts = false

    func run() async throws {
        var build = BuildOptions(sourceDirectory: URL(fileURLWithPath: source))
        build.baseURLOverride = baseURL
        build.includeDrafts = !noDrafts
        build.includeFuture = !noDrafts
        var options = DevServer.Options(build: build)
        options.host = host
        options.port = port
        let console = Console(siteFolder: build.sourceDirectory)
        let stopper = DevServer.Stopper()
        let scratchFolder = options.scratchFolder
        // Held until `run` returns: Ctrl-C stops the server within 2 s (the last connections are cut
        // after `shutdownGrace`; the process ends at the deadline whatever they do), a second at once.
        // The deadline leaves most of the 2 s to a machine that is busy: ending the process, and
        // the terminal noticing, take time there too.
        // Before the first build is served, no page can be open and nothing is worth waiting for: a
        // large site's first build would otherwise hold Ctrl-C for the whole deadline.
        let serving = ServingFlag()
        let signals = StopSignals(deadline: .milliseconds(1000), stop: {
            guard serving.isSet else { return .endNow }
            console.say("Stopping… (press Ctrl-C again to quit at once)")
            stopper.stop()
            return .waitForIt
        }, atDeadline: {
            // The served build, which `run` would have removed: deleted by a process of its own,
            // which outlives this one, so a large site's thousands of files do not hold the stop.
            // (A second Ctrl-C leaves it in the temporary folder.)
            ScratchRemoval.start(scratchFolder)
        })
        defer { withExtendedLifetime(signals) {} }
        do {
            try await serve(options, stopper: stopper, console: console, serving: serving)
        } catch let error as DevServer.PortInUse {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
    }

    private func serve(_ options: DevServer.Options, stopper: DevServer.Stopper, console: Console, serving: ServingFlag) async throws {
        let host = self.host
        try await DevServer(options: options).run(stopper: stopper, onReady: { port in
            serving.set()
            console.say("Serving on http://\(host):\(port)/ — press Ctrl-C to stop")
        }, onChange: { changed in
            console.say(Self.rebuildingLine(changed))
        }, onBuild: { outcome in
            switch outcome {
            case .built(let pages, let warnings, let seconds):
                console.print(warnings)
                console.say("Built \(pages.groupedDigits) pages in \(String(format: "%.2f", seconds)) s")
            case .failed(let diagnostics):
                console.print(diagnostics)
                console.printSummary(diagnostics, what: "rebuild failed", after: "; still serving the last good build")
            }
        })
    }
}

extension ServeCommand {
    /// "Changed content/reviews/a.md; rebuilding…": the save was seen. Three names at most, in
    /// order, then how many more (a checkout can change thousands); a name's control characters
    /// never reach the terminal.
    static func rebuildingLine(_ changed: Set<String>) -> String {
        let names = changed.sorted()
        guard !names.isEmpty else { return "Rebuilding…" }
        let shown = names.prefix(3).map(Slug.printable).joined(separator: ", ")
        let more = names.count > 3 ? " and \(names.count - 3) more" : ""
        return "Changed \(shown)\(more); rebuilding…"
    }
}

/// Whether the server has begun serving (its first build done, the port bound); set once, read
/// by the signal handler on another thread.
private final class ServingFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
