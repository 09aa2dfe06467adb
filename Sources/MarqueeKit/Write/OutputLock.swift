import Foundation

/// One writer at a time for an output folder: an advisory lock (`flock`) on a small file beside it
/// (`.public.marquee.lock` for `public/`) that holds the writer's process id. The system drops the
/// lock when its holder exits, however it exits, so a killed build never leaves a stale lock; the
/// file itself stays, empty of meaning, and is reused.
final class OutputLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    static func path(for output: URL) -> String {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).marquee.lock").path
    }

    /// Takes the lock, waiting for another writer to finish for up to `timeout` seconds;
    /// `waiting` is called once, with the other writer's process id, when it has to wait.
    static func acquire(for output: URL, timeout: Double, waiting: (Int32?) -> Void) throws -> OutputLock {
        let path = Self.path(for: output)
        let here = SourceLocation(path: output.path)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw BuildFailure([.error(here, "cannot create the lock file \(path): \(String(cString: strerror(errno)).lowercased())",
                                       hint: "check the permissions of the folder that holds the output", stage: .write)])
        }
        let deadline = Date().addingTimeInterval(timeout)
        var told = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { break } // a file system without locks: go on unlocked
            let holder = Self.holder(descriptor)
            guard Date() < deadline else {
                close(descriptor)
                let who = holder.map { "process \($0)" } ?? "another process"
                throw BuildFailure([.error(here, "another build (\(who)) is still writing \(output.path)",
                                           hint: "wait for it to finish, or stop it, then build again", stage: .write)])
            }
            if !told { waiting(holder); told = true }
            usleep(50_000)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        return OutputLock(descriptor: descriptor)
    }

    /// The process id written by the lock's holder, if it wrote one.
    private static func holder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
