import Foundation
import Testing
@testable import MarqueeKit

/// The build cache's patch of the output is one change, like a full build: stopped between its
/// renames, it is completed by the next build before anything else; failing before them (a full
/// disk) or in them (a failing rename), it leaves the output as it was, for the full build that
/// follows; and nothing temporary is ever inside the output.
@Suite struct PatchJournalTests {
    typealias Fixture = CachedRebuildTests.Fixture

    static func snapshot(_ folder: URL) throws -> [String: Data] {
        try IncrementalBuildTests.Fixture.snapshot(folder)
    }

    /// What builds of `output` left beside it (staging folders, journals).
    static func leftovers(beside output: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? []
        return names.filter { $0.hasPrefix(".\(output.lastPathComponent).marquee-") }.sorted()
    }

    /// Files inside the output that no build writes (a temporary file would be uploaded with it).
    static func strays(in output: URL) throws -> [String] {
        try snapshot(output).keys.filter { $0.contains("marquee-") || $0.hasSuffix(".tmp") }.sorted()
    }

    /// The site built once, one review's body edited after the excerpt (two files to patch: the
    /// review's page and the feed); returns the output before, and as a clean build now writes it.
    static func edited(_ site: Fixture) throws -> (before: [String: Data], after: [String: Data]) {
        let before = try snapshot(site.output)
        try site.replace("Second paragraph of film 4.", with: "Changed.", in: "content/reviews/film-04.md")
        let after = try site.cleanBuild()
        #expect(after.keys.filter { before[$0] != after[$0] }.count == 2)
        return (before, after)
    }

    @Test func aPatchStoppedBetweenItsRenamesIsCompletedByTheNextBuild() throws {
        let site = try Fixture()
        defer { site.remove() }
        let (before, after) = try Self.edited(site)
        let patched = after.keys.filter { before[$0] != after[$0] }
        guard case .notUsed = CachedRebuild.attempt(site.options(), cacheAt: site.cacheFile, faults: .init(stopBeforeRename: 2)) else {
            Issue.record("the patch was not stopped")
            return
        }
        // As a build killed between the two renames leaves it: one file new, one old, the journal beside.
        let half = try Self.snapshot(site.output)
        #expect(patched.filter { half[$0] == after[$0] }.count == 1)
        #expect(Self.leftovers(beside: site.output).contains { $0.hasSuffix(".journal") })
        #expect(try Self.strays(in: site.output) == [])

        // The next build fails on another review, but completes the patch first: the output is whole.
        try site.write("content/reviews/film-13.md", TestSite.review(title: "Film 13", date: "2021-02-29"))
        _ = try site.failure()
        #expect(try Self.snapshot(site.output) == after)
        #expect(Self.leftovers(beside: site.output) == [])

        try FileManager.default.removeItem(at: site.source.appendingPathComponent("content/reviews/film-13.md"))
        guard case .success = Build.run(site.options()) else { Issue.record("the build failed"); return }
        #expect(try Self.snapshot(site.output) == (try site.cleanBuild()))
        #expect(Self.leftovers(beside: site.output) == [])
        #expect(try Self.strays(in: site.output) == [])
    }

    @Test func aRenameThatFailsIsUndoneAndTheWholeSiteIsBuilt() throws {
        let site = try Fixture()
        defer { site.remove() }
        let (before, after) = try Self.edited(site)
        let inodes = before.keys.map { SourceStamp.of(site.output.appendingPathComponent($0).path)?.inode }
        guard case .notUsed = CachedRebuild.attempt(site.options(), cacheAt: site.cacheFile, faults: .init(failRename: 2)) else {
            Issue.record("the failed patch was reported as done")
            return
        }
        #expect(try Self.snapshot(site.output) == before)
        #expect(before.keys.map { SourceStamp.of(site.output.appendingPathComponent($0).path)?.inode } == inodes, "the old files are back, not copies")
        #expect(Self.leftovers(beside: site.output) == [])
        guard case .success(let report) = Build.run(site.options()) else { Issue.record("the build failed"); return }
        #expect(!report.reusedCache)
        #expect(try Self.snapshot(site.output) == after)
    }

    /// The disk filling while the new files are staged: nothing in the output has changed, so a
    /// full build that then fails too rightly says "the output folder was not changed".
    @Test func aFullDiskWhileStagingLeavesTheOutputAsItWas() throws {
        let site = try Fixture()
        defer { site.remove() }
        let (before, after) = try Self.edited(site)
        guard case .notUsed = CachedRebuild.attempt(site.options(), cacheAt: site.cacheFile, faults: .init(failWrite: 2)) else {
            Issue.record("the failed patch was reported as done")
            return
        }
        #expect(try Self.snapshot(site.output) == before)
        #expect(Self.leftovers(beside: site.output) == [])
        guard case .success = Build.run(site.options()) else { Issue.record("the build failed"); return }
        #expect(try Self.snapshot(site.output) == after)
    }

    /// A journal that cannot be trusted leaves the output to a full build, which then removes it.
    @Test func aDamagedJournalIsLeftToAFullBuild() throws {
        let site = try Fixture()
        defer { site.remove() }
        _ = try Self.edited(site)
        guard case .notUsed = CachedRebuild.attempt(site.options(), cacheAt: site.cacheFile, faults: .init(stopBeforeRename: 2)) else {
            Issue.record("the patch was not stopped")
            return
        }
        let parent = site.output.deletingLastPathComponent()
        let journal = try #require(Self.leftovers(beside: site.output).first { $0.hasSuffix(".journal") })
        let bytes = try Data(contentsOf: parent.appendingPathComponent(journal))
        try bytes.dropLast().write(to: parent.appendingPathComponent(journal))
        guard case .success(let report) = Build.run(site.options()) else { Issue.record("the build failed"); return }
        #expect(!report.reusedCache)
        #expect(try Self.snapshot(site.output) == (try site.cleanBuild()))
        #expect(Self.leftovers(beside: site.output) == [])
    }

    /// Stopped before its journal was written, a patch has renamed nothing: its staging folder goes.
    @Test func aStagingFolderWithoutAJournalIsRemoved() throws {
        let site = try Fixture()
        defer { site.remove() }
        let before = try Self.snapshot(site.output)
        let staging = site.output.deletingLastPathComponent().appendingPathComponent(".\(site.output.lastPathComponent).marquee-patch-1")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        try Data("staged".utf8).write(to: staging.appendingPathComponent("0"))
        #expect(PatchJournal.recover(output: site.output))
        #expect(Self.leftovers(beside: site.output) == [])
        #expect(try Self.snapshot(site.output) == before)
    }

    @Test func aJournalRoundTripsAndRefusesPathsOutOfTheOutput() throws {
        let entries = [PatchJournal.Entry(path: "reviews/a/index.html", newInode: 12, oldInode: 34),
                       PatchJournal.Entry(path: "feed.xml", newInode: 1 << 40, oldInode: 5)]
        let file = Paths.temporaryFolder("journal")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(PatchJournal.encode(entries)).write(to: file)
        #expect(PatchJournal.decode(file.path) == entries)
        try Data(PatchJournal.encode([PatchJournal.Entry(path: "../outside.html", newInode: 1, oldInode: 2)])).write(to: file)
        #expect(PatchJournal.decode(file.path) == nil)
    }
}
