import Foundation

/// Replaces a file in one step: the bytes go to a temporary file beside it, which is then renamed
/// over it, so a reader never sees half of them and a stopped process leaves the old file whole.
enum AtomicFile {
    /// False when any step failed (the temporary file is then removed, the old file untouched).
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let temporary = (path as NSString).deletingLastPathComponent + "/.marquee-\(ProcessInfo.processInfo.processIdentifier).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            var done = 0
            while done < buffer.count, let base = buffer.baseAddress {
                let wrote = Foundation.write(descriptor, base + done, buffer.count - done)
                if wrote <= 0 { return false }
                done += wrote
            }
            return true
        }
        close(descriptor)
        guard written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
