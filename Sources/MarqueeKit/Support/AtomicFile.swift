import Foundation

/// Replaces a file in one step: the bytes go to a temporary file beside it, which is then renamed
/// over it, so a reader never sees half of them and a stopped process leaves the old file whole.
/// (Not synced to disk, like every file a build writes: see `PlainFile`.) The temporary file is
/// named after the process, not the file: one write at a time per folder, as its callers do.
enum AtomicFile {
    /// False when any step failed (the temporary file is then removed, the old file untouched).
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let temporary = (path as NSString).deletingLastPathComponent + "/.marquee-\(ProcessInfo.processInfo.processIdentifier).tmp"
        let written = (try? PlainFile.write(bytes, to: temporary)) != nil
        guard written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
