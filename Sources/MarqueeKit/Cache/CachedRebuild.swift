import Foundation

/// The second `marquee build` after an edit to review bodies: with the last build's cache
/// (`BuildCache`), it reads only the edited files and puts their new body, excerpt and description
/// into the files that show them, where the cache says they are, escaped as they were there.
/// Nothing is rendered and no other source is read.
///
/// It applies only when it can be sure the result is what a full build would write; otherwise it
/// returns `.notUsed`, having written nothing, and the caller builds the whole site. It is sure when:
/// the cache was made under the same options and executable, no date has passed since, the only
/// sources changed are published reviews, each reads back without a problem and with the same
/// front matter (fingerprint), every place showing its body was recorded, no part becomes empty
/// or stops being so, the words the search index has of its excerpt are the same, every patched page has the same links and ids as before (so the last link
/// check's verdict stands, and the last build had no link warning), every file to patch is as
/// the last build left it, and the source listing shows nothing a re-read file would not (no file
/// added, removed or renamed, no type or permissions changed, no symbolic link anywhere).
///
/// The files are replaced as one change (`PatchJournal`): staged and synced beside the output,
/// then renamed in; any failure before the renames, or undone after, leaves the output as it was.
enum CachedRebuild {
    enum Outcome {
        case patched(BuildReport)
        /// Nothing in the output was changed: the caller builds the whole site.
        case notUsed
        /// The patch failed half-way and could not be undone (the next build completes it).
        case failed(BuildFailure)
    }

    static func attempt(_ options: BuildOptions, cacheAt url: URL, faults: PatchJournal.Faults = .none) -> Outcome {
        var clock = StageClock()
        func skip(_ reason: String) -> Outcome {
            clock.note("build cache not used: \(reason)")
            return .notUsed
        }
        guard var cache = BuildCache.load(from: url) else { return skip("none") }
        guard cache.key == BuildCache.key(for: options) else { return skip("made by another Marquee or with other options") }
        guard options.now >= cache.builtAt, cache.nextDate.map({ options.now < $0 }) ?? true else { return skip("a review's date has passed") }
        guard !cache.warnings.contains(where: { $0.stage == .check }) else { return skip("the last build had link warnings") }
        guard FileManager.default.fileExists(atPath: options.outputDirectory.path) else { return skip("no output folder") }
        clock.lap("cache")
        let stampChanges: [(index: Int, path: String, stamp: SourceStamp)]
        do { stampChanges = try cache.inputs.changes(in: options.sourceDirectory) } catch { return skip(error.reason) }
        let changed = Set(stampChanges.map(\.path))
        clock.lap("stat")
        guard changed.count <= 64 else { return skip("\(changed.count) files changed") }

        guard let (edits, translation) = reread(changed, options: options, cache: cache) else {
            return skip("not only review bodies changed")
        }
        clock.lap("reread")

        // Patch every file showing an edited review, in memory first: nothing is written unless all apply.
        let fileIndexes = Set(edits.keys.flatMap { cache.reviews[$0]?.files ?? [] }).sorted()
        var patched: [(entry: BuildCache.FileEntry, index: Int, bytes: [UInt8])] = []
        for index in fileIndexes {
            // The cache lives in the site folder, which may come from anyone: its paths are checked
            // like every path written.
            guard var entry = cache.files[index], (try? OutputWriter.checkRelative(entry.path)) != nil else { return skip("damaged cache") }
            let path = options.outputDirectory.appendingPathComponent(entry.path).path
            guard SourceStamp.of(path) == entry.stamp, let data = FileManager.default.contents(atPath: path),
                  data.count == entry.stamp.size else { return skip("\(entry.path) changed since the last build") }
            let old = [UInt8](data)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(old.count + 4096)
            var ranges: [MarkedRange] = []
            var copied = 0
            for range in entry.ranges.sorted(by: { $0.offset < $1.offset }) {
                guard range.offset >= copied, range.offset + range.length <= old.count else { return skip("damaged cache") }
                bytes += old[copied..<range.offset]
                let review = BodyMarks.review(ofID: range.id)
                var value = old[range.offset..<range.offset + range.length]
                if let edited = edits[review], let part = BodyMarks.part(ofID: range.id) {
                    value = ArraySlice(range.encoding.encode(BodyMarks.value(part, of: edited, in: translation)).utf8)
                }
                ranges.append(MarkedRange(offset: bytes.count, length: value.count, id: range.id, encoding: range.encoding))
                bytes += value
                copied = range.offset + range.length
            }
            bytes += old[copied...]
            entry.ranges = ranges
            guard bytes != old else { continue }
            // The same links and ids on the page as before: the last link check's verdict stands.
            if entry.path.hasSuffix(".html"), !sameLinks(old, bytes) { return skip("links or ids on /\(entry.path) changed") }
            patched.append((entry, index, bytes))
        }
        clock.lap("patch")

        // The cache no longer describes the output from the first rename on: it is set aside
        // before the patch is committed, and back once the files are in place.
        var suspended = false
        if !patched.isEmpty {
            let stamps: [SourceStamp]
            do {
                stamps = try PatchJournal.apply(patched.map { PatchJournal.File(path: $0.entry.path, bytes: $0.bytes) },
                                                to: options.outputDirectory, faults: faults) {
                    suspended = BuildCache.suspend(at: url)
                    return suspended
                }
            } catch {
                switch error {
                case .untouched(let why): return skip(why) // the full build that follows removes the cache set aside
                case .stopped: return .notUsed
                case .partlyApplied(let why):
                    BuildCache.remove(at: url)
                    var failure = BuildFailure([.error(SourceLocation(path: options.outputDirectory.path), "cannot finish updating the site: \(why)",
                                                       hint: "check free space and permissions, then build again: the next build completes or undoes the update",
                                                       stage: .write)])
                    failure.outputPartlyUpdated = true
                    return .failed(failure)
                }
            }
            for ((entry, index, _), stamp) in zip(patched, stamps) {
                var entry = entry
                entry.stamp = stamp
                cache.files.replace(index, with: entry)
            }
        }
        clock.lap("write")
        if !changed.isEmpty {
            for (index, path, stamp) in stampChanges { cache.inputs.replace(index, with: InputEntry(path: path, stamp: stamp)) }
            if !suspended { _ = BuildCache.suspend(at: url) }
            try? cache.resume(at: url)
        }
        clock.lap("cache write")
        return .patched(BuildReport(pagesWritten: cache.pagesBuilt, filesWritten: patched.count, diagnostics: cache.warnings,
                                    baseURL: cache.baseURL, reusedCache: true))
    }

    /// The edited reviews read again, by index, and the site's words (its numbers' digits); nil
    /// when one is not a body-only edit the cache can apply.
    private static func reread(_ changed: Set<String>, options: BuildOptions, cache: BuildCache) -> (edits: [Int: Review], translation: Translation)? {
        guard !changed.isEmpty else { return ([:], .english) }
        var indexes: [Int] = []
        for path in changed {
            guard path.hasPrefix("content/reviews/"), let index = cache.review(source: path) else { return nil }
            indexes.append(index)
        }
        // Warnings are shown again as recorded: none may be about a file that changed.
        guard !cache.warnings.contains(where: { changed.contains($0.location.path) }) else { return nil }
        let fileSystem = DiskFileSystem(root: options.sourceDirectory)
        guard let configData = try? fileSystem.contents(of: SiteConfigReader.path),
              let configText = String(validatingUTF8Data: configData) else { return nil }
        let (config, configDiagnostics) = SiteConfigReader.read(text: configText, baseURLOverride: options.baseURLOverride)
        guard let config, configDiagnostics.allSatisfy({ $0.severity == .warning }) else { return nil }
        let reader = SiteReader(fileSystem: fileSystem, baseURLOverride: options.baseURLOverride)
        var edits: [Int: Review] = [:]
        for index in indexes {
            guard let entry = cache.reviews[index] else { return nil }
            let (read, found) = reader.rereadReview(at: entry.source, config: config)
            guard let read, found.isEmpty, !entry.unreadable, read.frontMatterDigest == entry.frontMatterDigest,
                  read.body.headingsDigest == entry.headingsDigest,
                  // Its images go through the image stage, which only a full build runs.
                  read.body.images.isEmpty,
                  BuildCache.nonEmptyParts(of: read) == entry.nonEmptyParts,
                  (config.search ? SearchIndex.excerptDigest(read.excerpt) : 0) == entry.searchDigest
            else { return nil }
            edits[index] = read
        }
        // The theme's words as the full build has them (the language's digits): read like it does.
        var translationProblems = Diagnostics()
        return (edits, reader.translating(config, &translationProblems).translation)
    }

    private static func sameLinks(_ old: [UInt8], _ new: [UInt8]) -> Bool {
        let before = old.withUnsafeBytes { HTMLScanner.scan($0) }
        let after = new.withUnsafeBytes { HTMLScanner.scan($0) }
        return before.links == after.links && before.ids == after.ids
    }
}
