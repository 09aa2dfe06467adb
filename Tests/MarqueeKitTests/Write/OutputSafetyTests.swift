import Foundation
import Testing
@testable import MarqueeKit

/// The output is refused by its real path, is always a complete site, and has one writer at a time.
@Suite struct OutputSafetyTests {
    func site() throws -> URL {
        try TestSite(["content/reviews/fine.md": TestSite.review(title: "Fine"), "static/style.css": "body{}"]).writeToDisk()
    }

    func refusal(_ output: String, site: URL, force: Bool = true, home: String? = "/root") -> String? {
        OutputRefusal(output: URL(fileURLWithPath: output), site: site, force: force, home: home).refusal()?.description
    }

    @Test func theRootTheHomeFolderAndTheSiteParentAreRefusedEvenWithForce() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = DiskFileSystem.realPath(folder.path) ?? folder.path
        #expect(refusal("/", site: folder) == "--output:1:1: error: the output folder / is the root of the file system — write to a separate folder such as public/")
        #expect(refusal(real, site: folder, home: real + "/public")?.contains("holds your home folder") == true)
        #expect(refusal(real + "/public", site: folder, home: real + "/public") == "--output:1:1: error: the output folder \(real)/public is your home folder — write to a separate folder such as public/")
        #expect(refusal((real as NSString).deletingLastPathComponent, site: folder)?.contains("is the site folder or contains it") == true)
        #expect(refusal(real + "/public", site: folder) == nil)
        for message in [refusal("/", site: folder), refusal((real as NSString).deletingLastPathComponent, site: folder)] {
            #expect(message?.contains("--force") == false)
        }
    }

    @Test func anOutputThroughALinkIntoTheSourcesIsRefusedBeforeItExists() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let elsewhere = Paths.temporaryFolder("links")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.createSymbolicLink(atPath: elsewhere.appendingPathComponent("into").path, withDestinationPath: folder.appendingPathComponent("static").path)
        let output = elsewhere.appendingPathComponent("into/public")
        var options = BuildOptions(sourceDirectory: folder, outputDirectory: output)
        options.now = TestSite.fixedNow
        options.force = true
        guard case .failure(let failure) = Build.run(options) else { Issue.record("the build succeeded"); return }
        #expect(failure.diagnostics.first?.message.contains("is inside the site's static/ folder") == true)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("static/public").path))
    }

    @Test func aSwapKilledBetweenTwoRenamesIsRestoredByTheNextBuildEvenAFailingOne() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try PreviousOutput.make(in: folder)
        // What the two-rename swap leaves when killed between its renames: no output, the previous
        // build set aside, and the new one in its staging folder.
        let aside = folder.appendingPathComponent(".public.marquee-old-99999")
        try FileManager.default.moveItem(at: output, to: aside)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".public.marquee-new-99999/reviews"), withIntermediateDirectories: true)
        try Data("---\ntitle: [broken\n---\n".utf8).write(to: folder.appendingPathComponent("content/reviews/broken.md"))
        _ = try PreviousOutput.buildExpectingFailure(site: folder, output: output)
        try PreviousOutput.expectUntouched(output)
    }

    @Test func aSecondBuildOfTheSameOutputWaitsAndSaysWhoHoldsIt() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("public")
        let writer = OutputWriter(output: output, site: folder, source: DiskFileSystem(root: folder))
        var held: OutputLock? = try writer.prepare(lockTimeout: 1, waiting: { _ in })
        var options = BuildOptions(sourceDirectory: folder, outputDirectory: output)
        options.now = TestSite.fixedNow
        options.lockTimeout = 0.3
        let told = LockedBox<Int32?>(nil)
        options.waitingForOtherBuild = { told.set($0) }
        guard case .failure(let failure) = Build.run(options) else { Issue.record("the build did not wait"); return }
        #expect(failure.diagnostics.map(\.description) == ["\(writer.output.path):1:1: error: another build (process \(getpid())) is still writing \(writer.output.path) — wait for it to finish, or stop it, then build again"])
        #expect(told.value == getpid())
        #expect(held != nil)
        held = nil
        // Released: the same build now goes through.
        if case .failure(let failure) = Build.run(options) { Issue.record("the build failed once the lock was free: \(failure.diagnostics)") }
    }

    @Test func theSwapExchangesInOneStepAndLeavesNothingBeside() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try PreviousOutput.make(in: folder)
        var options = BuildOptions(sourceDirectory: folder, outputDirectory: output)
        options.now = TestSite.fixedNow
        guard case .success = Build.run(options) else { Issue.record("the build failed"); return }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("reviews/fine/index.html").path))
        let beside = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("marquee-") }
        #expect(beside == [])
    }
}

/// A value set from a `@Sendable` closure and read after it ran.
final class LockedBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    func set(_ value: Value) { lock.withLock { stored = value } }
    var value: Value { lock.withLock { stored } }
}
