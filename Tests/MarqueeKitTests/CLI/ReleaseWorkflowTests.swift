import Foundation
import Testing
@testable import MarqueeKit

/// The release workflow's own steps (read from .github/workflows/release.yml with Yams) run here,
/// in a copy of the scripts and the version file, against the marquee built for the tests standing
/// in for the release build: the tag check, both rounds' stamps and archives, and SHA256SUMS.
/// (The apt-get, swift build -c release and upload steps need a runner.)
@Suite(.enabled(if: Shell.which("sha256sum") != nil, "the Linux steps use sha256sum"))
struct ReleaseWorkflowTests {
    static let workflow = Paths.packageRoot.appendingPathComponent(".github/workflows/release.yml")

    /// The files the steps use, copied, with the test's marquee at .build/release/marquee.
    func checkout() throws -> URL {
        let root = Paths.temporaryFolder("release-checkout")
        let manager = FileManager.default
        for path in ["scripts", "README.md", "docs", "Sources/MarqueeKit/Pipeline"] {
            let target = root.appendingPathComponent(path)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: Paths.packageRoot.appendingPathComponent(path), to: target)
        }
        let binary = try #require(Paths.marqueeBinary, "the marquee executable was not built next to the tests")
        try manager.createDirectory(at: root.appendingPathComponent(".build/release"), withIntermediateDirectories: true)
        try manager.copyItem(at: binary, to: root.appendingPathComponent(".build/release/marquee"))
        return root
    }

    func run(job: String, steps: Set<String>, in root: URL, arch: String = "x86_64") throws -> [(name: String, run: Shell.Run)] {
        let yaml = try String(contentsOf: Self.workflow, encoding: .utf8)
        let workflow = try WorkflowSteps(yaml: yaml, job: job)
        #expect(Set(workflow.steps.map(\.name)).isSuperset(of: steps), "release.yml's \(job) has no step \(steps.subtracting(workflow.steps.map(\.name)))")
        let expressions = ["github.server_url": "https://github.com", "github.repository": "someone/marquee",
                           "matrix.arch": arch, "needs.version.outputs.version": MarqueeVersion.string]
        let results = try workflow.run(in: root, expressions: expressions, temporary: Paths.temporaryFolder("runner"), only: steps,
                                       environment: ["GITHUB_REF_NAME": "v\(MarqueeVersion.string)", "GITHUB_SHA": String(repeating: "ab", count: 20)])
        #expect(results.count == steps.count)
        for result in results { #expect(result.run.status == 0, "\(job): \(result.name): \(result.run.output)") }
        return results
    }

    @Test func theWorkflowsBuildStepsMakeBothRoundsAndTheChecksums() throws {
        let root = try checkout()
        let version = MarqueeVersion.string
        _ = try run(job: "version", steps: ["Check the tag against the version in the source"], in: root)
        // Round one: the commit alone, then the -ci archive.
        _ = try run(job: "linux-ci", steps: ["Stamp the commit", "Package"], in: root)
        let stamp = root.appendingPathComponent("Sources/MarqueeKit/Pipeline/ReleaseStamp.swift")
        #expect(try String(contentsOf: stamp, encoding: .utf8).contains("static let downloadsURL: String? = \"https://github.com/someone/marquee/releases/download\""))
        let ciArchive = root.appendingPathComponent("dist/marquee-\(version)-linux-x86_64-ci.tar.gz")
        #expect(FileManager.default.fileExists(atPath: ciArchive.path))
        // Round two reads both architectures' -ci archives from ci/ (the other one stood in for here).
        let ci = root.appendingPathComponent("ci")
        try FileManager.default.createDirectory(at: ci, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ciArchive, to: ci.appendingPathComponent(ciArchive.lastPathComponent))
        try Data("the aarch64 archive".utf8).write(to: ci.appendingPathComponent("marquee-\(version)-linux-aarch64-ci.tar.gz"))
        _ = try run(job: "linux", steps: ["Stamp the commit and the first round's checksums", "Package"], in: root)
        let text = try String(contentsOf: stamp, encoding: .utf8)
        #expect(text.contains("\"x86_64\": \"\(try ReleaseScriptsTests.sha256(ciArchive))\""), "\(text)")
        #expect(text.contains("\"aarch64\": \"\(try ReleaseScriptsTests.sha256(ci.appendingPathComponent("marquee-\(version)-linux-aarch64-ci.tar.gz")))\""))
        // The publish job's SHA256SUMS, over every archive.
        let sums = try run(job: "publish", steps: ["SHA256SUMS"], in: root)
        let lines = sums.first?.run.output.split(separator: "\n") ?? []
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasSuffix(".tar.gz") && $0.count > 66 })
        #expect(try Shell.run("/usr/bin/env", ["sha256sum", "--check", "SHA256SUMS"], in: root.appendingPathComponent("dist")).status == 0)
    }

    /// A tag that names another version publishes nothing.
    @Test func aTagOfAnotherVersionStopsTheRelease() throws {
        let root = try checkout()
        let yaml = try String(contentsOf: Self.workflow, encoding: .utf8)
        let workflow = try WorkflowSteps(yaml: yaml, job: "version")
        let results = try workflow.run(in: root, expressions: ["github.server_url": "https://github.com", "github.repository": "someone/marquee"], temporary: Paths.temporaryFolder("runner"),
                                       environment: ["GITHUB_REF_NAME": "v99.1.0"])
        #expect(results.count == 1 && results[0].run.status == 1)
        #expect(results.first?.run.output.contains("error: the tag v99.1.0 does not match the version") == true)
    }

    /// The pkg-config file the release build links cmark through: a folder with the archive alone.
    @Test func staticCmarkNamesAFolderWithTheArchiveAlone() throws {
        guard Shell.which("pkg-config") != nil, (try? Shell.run("/usr/bin/env", ["pkg-config", "--exists", "libcmark"]).status) == 0 else { return }
        let folder = Paths.temporaryFolder("static-cmark")
        let run = try Shell.run(Paths.packageRoot.appendingPathComponent("scripts/static-cmark.sh").path, [folder.path])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output == folder.appendingPathComponent("pkgconfig").path + "\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("lib").path) == ["libcmark.a"])
        var environment = ProcessInfo.processInfo.environment
        environment["PKG_CONFIG_PATH"] = folder.appendingPathComponent("pkgconfig").path
        let libs = try Shell.run("/usr/bin/env", ["pkg-config", "--libs", "libcmark"], environment: environment)
        #expect(libs.output.trimmingCharacters(in: .whitespacesAndNewlines) == "-L\(folder.appendingPathComponent("lib").path) -lcmark")
    }
}
