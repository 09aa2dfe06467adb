import Foundation

/// A build's claim on `.marquee/images`: a shared advisory lock (`flock`) on `.marquee/images.lock`,
/// held for as long as the build's image catalog lives, since its output copies variants out of the
/// store until the last file is written. Pruning needs the lock exclusively and is skipped while
/// any other build holds it: `marquee serve` with drafts and `marquee build` without them, run at
/// once on one site, each keep the variants the other copies. The system drops the lock when its
/// holder exits, however it exits.
final class ImageStoreHold: Sendable {
    private let descriptor: Int32

    /// Nil when the lock file cannot be made (a site folder we may not write to): nothing is then
    /// kept in the store, and nothing pruned. `.marquee/` is made for it even by a first build:
    /// a build that held no lock would not stop another's prune.
    init?(storeDirectory: String) {
        let parent = (storeDirectory as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let descriptor = open(storeDirectory + ".lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { return nil }
        // Waits only for a prune, which is short; a file system without locks goes on unlocked.
        while flock(descriptor, LOCK_SH) != 0 && errno == EINTR {}
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Runs `body` with the lock held exclusively, then shared again; false, without running it,
    /// when another build holds the lock.
    func exclusively(_ body: () -> Void) -> Bool {
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            // Converting may have dropped the shared lock: take it back.
            while flock(descriptor, LOCK_SH) != 0 && errno == EINTR {}
            return false
        }
        body()
        flock(descriptor, LOCK_SH)
        return true
    }
}
