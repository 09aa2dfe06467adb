import Foundation
import Testing
@testable import MarqueeKit

/// `marquee --version` and the scripts of the release workflow, run here as the workflow runs them.
@Suite struct ReleaseScriptsTests {
    static let scripts = Paths.packageRoot.appendingPathComponent("scripts")

    /// The SHA-256 of a file in hex, by the tool the scripts use (macOS has shasum only).
    static func sha256(_ file: URL) throws -> String {
        let run = Shell.which("sha256sum") != nil ? try Shell.run("/usr/bin/env", ["sha256sum", file.path])
            : try Shell.run("/usr/bin/env", ["shasum", "-a", "256", file.path])
        return String(run.output.prefix(64))
    }

    @Test func versionPrintsTheVersionOfTheSourceAndTheBuild() throws {
        let binary = try #require(Paths.marqueeBinary, "the marquee executable was not built next to the tests")
        let run = try Shell.run(binary.path, ["--version"])
        #expect(run.status == 0)
        #expect(run.output == "\(MarqueeVersion.string) (dev build)\n")
        // The workflow's check of the tag reads the same version.
        let script = Self.scripts.appendingPathComponent("release-version.sh").path
        #expect(try Shell.run(script, []).output == "\(MarqueeVersion.string)\n")
        #expect(try Shell.run(script, ["v\(MarqueeVersion.string)"]).status == 0)
        let wrong = try Shell.run(script, ["v99.0.0"])
        #expect(wrong.status == 1)
        #expect(wrong.output == "error: the tag v99.0.0 does not match the version in Sources/MarqueeKit/Pipeline/Version.swift (\(MarqueeVersion.string)) — tag v\(MarqueeVersion.string), or change the version there first\n")
    }

    /// The archive holds the binary, the README and its docs, checks against SHA256SUMS, and is the same bytes
    /// when made twice.
    @Test func packageMakesAReproducibleArchiveAndItsChecksums() throws {
        // A stand-in that answers --version as marquee does: packing the 70 MB debug build four
        // times would take most of a minute (SitePublishingTests packs the real one, once).
        let binary = Paths.temporaryFolder("fake-marquee")
        try Data("#!/bin/sh\necho '\(MarqueeVersion.string) (dev build)'\n".utf8).write(to: binary)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary.path)
        let script = Self.scripts.appendingPathComponent("package-release.sh").path
        let first = Paths.temporaryFolder("dist"), second = Paths.temporaryFolder("dist")
        let made = try Shell.run(script, [binary.path, "linux-x86_64-ci", first.path])
        #expect(made.status == 0, "\(made.output)")
        #expect(try Shell.run(script, [binary.path, "linux-x86_64-ci", second.path]).status == 0)
        let name = "marquee-\(MarqueeVersion.string)-linux-x86_64-ci"
        let archive = first.appendingPathComponent("\(name).tar.gz")
        #expect(try Data(contentsOf: archive) == Data(contentsOf: second.appendingPathComponent("\(name).tar.gz")))
        #expect(try String(contentsOf: first.appendingPathComponent("SHA256SUMS"), encoding: .utf8) == "\(try Self.sha256(archive))  \(name).tar.gz\n")
        let listing = try Shell.run("/usr/bin/env", ["tar", "-tvzf", archive.path])
        let entries = listing.output.split(separator: "\n").map { String($0.split(separator: " ").last ?? "") }
        #expect(entries.first == "\(name)/" && entries.dropFirst().first == "\(name)/README.md" && entries.last == "\(name)/marquee")
        // The docs the README links, every one of them.
        let docs = Paths.packageRoot.appendingPathComponent("docs")
        let docFiles = (FileManager.default.enumerator(atPath: docs.path)?.compactMap { $0 as? String } ?? []).filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: docs.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
        }
        #expect(!docFiles.isEmpty && docFiles.allSatisfy { entries.contains("\(name)/docs/\($0)") }, "\(entries)")
        #if os(Linux)
        #expect(try Shell.run("/usr/bin/env", ["sha256sum", "--check", "--strict", "SHA256SUMS"], in: first).status == 0)
        #expect(listing.output.contains("-rwxr-xr-x 0/0"), "\(listing.output)")
        #endif
        // Unpacked, it runs.
        let unpacked = Paths.temporaryFolder("unpacked")
        try FileManager.default.createDirectory(at: unpacked, withIntermediateDirectories: true)
        #expect(try Shell.run("/usr/bin/env", ["tar", "-xzf", archive.path, "-C", unpacked.path]).status == 0)
        #expect(try Shell.run(unpacked.appendingPathComponent("\(name)/marquee").path, ["--version"]).output.hasPrefix(MarqueeVersion.string + " "))
        // A second platform joins the same SHA256SUMS.
        #expect(try Shell.run(script, [binary.path, "linux-aarch64-ci", first.path]).status == 0)
        #expect(try String(contentsOf: first.appendingPathComponent("SHA256SUMS"), encoding: .utf8).split(separator: "\n").count == 2)
        // Not the version of the source: refused.
        try Data("#!/bin/sh\necho '9.9.9 (dev build)'\n".utf8).write(to: binary)
        let other = try Shell.run(script, [binary.path, "linux-x86_64", first.path])
        #expect(other.status == 1)
        #expect(other.output.contains("says it is '9.9.9 (dev build)', not \(MarqueeVersion.string)"))
        let bad = try Shell.run(script, [binary.path, "windows", first.path])
        #expect(bad.status == 1)
        #expect(bad.output.contains("error: unknown platform 'windows'"))
    }

    /// The stamp is Swift that compiles, with the commit, the downloads URL and the first round's checksums.
    @Test func stampWritesTheCommitAndTheChecksums() throws {
        let root = Paths.temporaryFolder("stamp")
        let manager = FileManager.default
        for path in ["scripts/stamp-release.sh", "scripts/release-version.sh", "Sources/MarqueeKit/Pipeline/Version.swift"] {
            let target = root.appendingPathComponent(path)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: Paths.packageRoot.appendingPathComponent(path), to: target)
        }
        let ci = root.appendingPathComponent("ci")
        try manager.createDirectory(at: ci, withIntermediateDirectories: true)
        var sums: [String: String] = [:]
        for arch in MarqueeRelease.linuxArchitectures {
            let file = ci.appendingPathComponent(MarqueeRelease.ciArchiveName(version: MarqueeVersion.string, architecture: arch))
            try Data("archive for \(arch)".utf8).write(to: file)
            sums[arch] = try Self.sha256(file)
        }
        let script = root.appendingPathComponent("scripts/stamp-release.sh").path
        let commit = String(repeating: "0123456789", count: 4)
        let downloads = "https://github.com/someone/marquee/releases/download"
        let run = try Shell.run(script, [commit, downloads, ci.path])
        #expect(run.status == 0, "\(run.output)")
        let stamp = root.appendingPathComponent("Sources/MarqueeKit/Pipeline/ReleaseStamp.swift")
        let text = try String(contentsOf: stamp, encoding: .utf8)
        #expect(text.contains("static let commit: String? = \"\(commit)\""))
        #expect(text.contains("static let downloadsURL: String? = \"\(downloads)\""))
        #expect(text.contains("[\"x86_64\": \"\(sums["x86_64"] ?? "")\", \"aarch64\": \"\(sums["aarch64"] ?? "")\"]"))
        if let swiftc = Shell.which("swiftc") {
            let parsed = try Shell.run(swiftc, ["-parse", stamp.path])
            #expect(parsed.status == 0, "\(parsed.output)")
        }
        // The first round: no checksums.
        #expect(try Shell.run(script, [commit, downloads]).status == 0)
        #expect(try String(contentsOf: stamp, encoding: .utf8).contains("static let ciArchiveChecksums: [String: String] = [:]"))
        // Refused: a short commit, a URL that is not a release folder, a missing archive.
        #expect(try Shell.run(script, ["abc123", downloads]).output == "error: 'abc123' is not a full commit (40 hex digits)\n")
        #expect(try Shell.run(script, [commit, "http://x/"]).status == 1)
        try manager.removeItem(at: ci.appendingPathComponent(MarqueeRelease.ciArchiveName(version: MarqueeVersion.string, architecture: "aarch64")))
        #expect(try Shell.run(script, [commit, downloads, ci.path]).status == 1)
    }
}
