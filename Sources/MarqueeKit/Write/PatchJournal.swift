import Foundation

/// Replaces a few files of an output folder as one change, the way a full build replaces the whole
/// folder: a killed process or a full disk never leaves some of the files new and the others old,
/// and nothing temporary is ever inside the output (it may be uploaded as it is).
///
/// The new files are written and synced to a staging folder beside the output
/// (`.public.marquee-patch-PID/0`, `1`, …), and each old file is hard-linked there (`0.old`, …).
/// Then a journal listing the renames is synced beside the output (`.public.marquee-patch-PID.journal`):
/// from that point the patch is committed. The files are renamed into the output, its folders
/// synced, and the journal and staging folder removed. Every build begins with `recover`: a journal
/// left by a build stopped between renames is completed (roll forward), or, when its staged files
/// are gone, undone from the old files (roll back); a staging folder without a journal was stopped
/// before any rename and is removed (the output was never touched).
struct PatchJournal {
    struct File {
        var path: String
        var bytes: [UInt8]
    }

    /// Where a patch went wrong.
    enum Failure: Error {
        /// The output is exactly as it was: the patch stopped before the renames, or they were undone.
        case untouched(String)
        /// A rename failed and the ones done could not be undone: the journal stays for the next build.
        case partlyApplied(String)
        /// `Faults.stopBeforeRename`: everything is left as a killed process leaves it.
        case stopped
    }

    /// Failure points for tests: what a full disk, a failing disk or a kill does at a given step
    /// (each counts from 1). Only tests set them.
    struct Faults: Sendable {
        /// Writing the n-th staged file fails with ENOSPC.
        var failWrite: Int?
        /// The n-th rename into the output fails with EIO.
        var failRename: Int?
        /// The patch stops dead before the n-th rename into the output.
        var stopBeforeRename: Int?

        static let none = Faults()
    }

    /// One rename: the file at `path` in the output is replaced by staged file number `index`; the
    /// inodes tell, after a stop, which renames were done (rename keeps a file's inode).
    struct Entry: Equatable {
        var path: String
        var newInode: UInt64
        var oldInode: UInt64
    }

    let parent: String
    let output: String
    /// The staging folder, and the journal's name beside it (`<staging>.journal`).
    let staging: String
    var journal: String { staging + ".journal" }

    private init(output: URL, staging name: String) {
        let output = output.standardizedFileURL
        parent = output.deletingLastPathComponent().path
        self.output = output.path
        staging = parent + "/" + name
    }

    private static func prefix(of output: URL) -> String {
        ".\(output.standardizedFileURL.lastPathComponent).marquee-patch-"
    }

    // MARK: Applying a patch

    /// Replaces `files` (paths relative to the output, each checked by the caller) in one change.
    /// `beforeCommit` runs once every new file is staged and synced, just before the journal is
    /// written; when it returns false nothing is renamed. Returns the stamps the new files have in
    /// the output.
    static func apply(_ files: [File], to output: URL, faults: Faults = .none,
                      beforeCommit: () -> Bool) throws(Failure) -> [SourceStamp] {
        let patch = PatchJournal(output: output, staging: prefix(of: output) + "\(ProcessInfo.processInfo.processIdentifier)")
        return try patch.apply(files, faults: faults, beforeCommit: beforeCommit)
    }

    private func apply(_ files: [File], faults: Faults, beforeCommit: () -> Bool) throws(Failure) -> [SourceStamp] {
        func giveUp(_ why: String) -> Failure {
            unlink(journal)
            removeStaging()
            return .untouched(why)
        }
        // rename(2) cannot cross file systems: an output folder that is a mount point is built in full.
        var outputInfo = stat(), parentInfo = stat()
        guard stat(output, &outputInfo) == 0, stat(parent, &parentInfo) == 0 else { throw .untouched(Self.describe(errno)) }
        guard outputInfo.st_dev == parentInfo.st_dev else { throw .untouched("the output folder is on another file system than its parent") }
        removeStaging()
        guard mkdir(staging, 0o777) == 0 else { throw giveUp(Self.describe(errno)) }

        var entries: [Entry] = []
        var stamps: [SourceStamp] = []
        for (index, file) in files.enumerated() {
            let staged = stagedPath(index)
            do {
                if faults.failWrite == index + 1 { throw PlainFile.error(ENOSPC, staged) }
                try PlainFile.write(file.bytes, to: staged, synced: true)
            } catch {
                throw giveUp("cannot write /\(file.path): \(SiteReader.describe(error))")
            }
            guard link(output + "/" + file.path, staged + ".old") == 0 else { throw giveUp("cannot keep /\(file.path): \(Self.describe(errno))") }
            guard let new = SourceStamp.of(staged), let old = SourceStamp.of(staged + ".old") else { throw giveUp(Self.describe(errno)) }
            entries.append(Entry(path: file.path, newInode: new.inode, oldInode: old.inode))
            stamps.append(new)
        }
        do { try PlainFile.syncFolder(staging) } catch { throw giveUp(SiteReader.describe(error)) }
        guard beforeCommit() else { throw giveUp("cannot set the build cache aside") }

        // The commit: the journal, complete and synced, appears under its name in one rename.
        do {
            try PlainFile.write(Self.encode(entries), to: staging + "/journal", synced: true)
            guard rename(staging + "/journal", journal) == 0 else { throw PlainFile.error(errno, journal) }
            try PlainFile.syncFolder(parent)
        } catch {
            throw giveUp("cannot write the patch journal: \(SiteReader.describe(error))")
        }

        renames: for (index, entry) in entries.enumerated() {
            if faults.stopBeforeRename == index + 1 { throw .stopped }
            let failed = faults.failRename == index + 1 ? EIO : (rename(stagedPath(index), output + "/" + entry.path) == 0 ? 0 : errno)
            guard failed != 0 else { continue }
            let why = "cannot rename /\(entry.path) into place: \(Self.describe(failed))"
            // Undone, the output is as it was, and the full build that follows writes it.
            switch settle(entries, forward: false) {
            case false?:
                finish(entries)
                throw .untouched(why)
            case true?:
                break renames // done after all
            case nil:
                throw .partlyApplied(why)
            }
        }
        finish(entries)
        return stamps
    }

    // MARK: Recovering

    /// Settles every patch of `output` left by a stopped build: completes or undoes one that was
    /// committed, removes one that was not. False when one could not be settled (its journal is
    /// left): the output may then be part old, part new, and only a full build may write it.
    static func recover(output: URL) -> Bool {
        let prefix = prefix(of: output)
        let parent = output.standardizedFileURL.deletingLastPathComponent().path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return true }
        let ours = names.filter { $0.hasPrefix(prefix) }
        guard !ours.isEmpty else { return true }
        var settled = true
        for name in ours where name.hasSuffix(".journal") {
            let patch = PatchJournal(output: output, staging: String(name.dropLast(".journal".count)))
            if let entries = decode(patch.journal), patch.settle(entries, forward: true) != nil {
                patch.finish(entries)
            } else {
                settled = false
            }
        }
        for name in ours where !name.hasSuffix(".journal") && !ours.contains(name + ".journal") {
            PatchJournal(output: output, staging: name).removeStaging()
        }
        return settled
    }

    /// Removes every journal and staging folder of `output`, settled or not: for after a full
    /// build has replaced the files they describe.
    static func discard(output: URL) {
        let prefix = prefix(of: output)
        let parent = output.standardizedFileURL.deletingLastPathComponent().path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: parent + "/" + name)
        }
    }

    /// Brings every entry to its new file or back to its old one, whichever can be done for all,
    /// trying the new (`forward`) or the old first. Returns the way taken (true: the new files),
    /// nil when neither could be.
    private func settle(_ entries: [Entry], forward: Bool) -> Bool? {
        for towardsNew in [forward, !forward] where settle(entries, towardsNew: towardsNew) {
            return towardsNew
        }
        return nil
    }

    private func settle(_ entries: [Entry], towardsNew: Bool) -> Bool {
        // Each entry is done, or has the file that does it staged; checked for all before any rename.
        var renames: [(from: String, to: String)] = []
        for (index, entry) in entries.enumerated() {
            let target = output + "/" + entry.path
            let wanted = towardsNew ? entry.newInode : entry.oldInode
            if SourceStamp.of(target)?.inode == wanted { continue }
            let source = towardsNew ? stagedPath(index) : stagedPath(index) + ".old"
            guard SourceStamp.of(source)?.inode == wanted else { return false }
            renames.append((source, target))
        }
        for (from, to) in renames where rename(from, to) != 0 { return false }
        return true
    }

    /// After the renames: the folders synced, then the journal and staging folder removed. A folder
    /// that cannot be synced keeps the journal, which the next build then finds done and removes.
    private func finish(_ entries: [Entry]) {
        guard syncFolders(of: entries) else { return }
        unlink(journal)
        removeStaging()
    }

    private func syncFolders(of entries: [Entry]) -> Bool {
        let folders = Set(entries.map { ((output + "/" + $0.path) as NSString).deletingLastPathComponent })
        return folders.allSatisfy { (try? PlainFile.syncFolder($0)) != nil }
    }

    private func stagedPath(_ index: Int) -> String {
        staging + "/\(index)"
    }

    /// The staging folder holds plain files only (the staged files, their old versions, the journal).
    private func removeStaging() {
        if let names = try? FileManager.default.contentsOfDirectory(atPath: staging) {
            for name in names { unlink(staging + "/" + name) }
        }
        rmdir(staging)
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    // MARK: The journal's bytes

    private static let magic = "marquee-patch-journal 1\n"

    static func encode(_ entries: [Entry]) -> [UInt8] {
        var writer = ByteWriter()
        writer.string(magic)
        writer.int(entries.count)
        for entry in entries {
            writer.string(entry.path)
            writer.uint64(entry.newInode)
            writer.uint64(entry.oldInode)
        }
        let body = writer.bytes
        writer.uint64(checksum(body[...]))
        return writer.bytes
    }

    /// The entries of the journal at `path`; nil when it cannot be read, is damaged, or names a
    /// path outside the output (the folder beside the output may come from anyone).
    static func decode(_ path: String) -> [Entry]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        var reader = ByteReader(bytes)
        guard (try? reader.string()) == magic, let count = try? reader.count() else { return nil }
        var entries: [Entry] = []
        for _ in 0..<count {
            guard let path = try? reader.string(), (try? OutputWriter.checkRelative(path)) != nil,
                  let new = try? reader.uint64(), let old = try? reader.uint64() else { return nil }
            entries.append(Entry(path: path, newInode: new, oldInode: old))
        }
        let bodyEnd = reader.offset
        guard let sum = try? reader.uint64(), reader.isAtEnd, sum == checksum(bytes[..<bodyEnd]) else { return nil }
        return entries
    }

    private static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = StableHash()
        for byte in bytes { hash.combine(Int(byte)) }
        return hash.value
    }
}
