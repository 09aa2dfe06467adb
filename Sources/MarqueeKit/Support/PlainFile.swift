import Foundation

/// Writes a whole file with plain open, write and close. Foundation's `Data.write(to:)` also calls
/// `fsync` on every file it writes: on a disk that is one journal commit per file (a site of 10,000
/// reviews writes 20,000 files, and the commits took most of the build), while the output is
/// regenerated from the site folder at will and replaces the old one whole only after the build.
/// (`synced` asks for the `fsync`, for the few files a patch of the output renames into it.)
enum PlainFile {
    /// Creates or truncates the file at `path`; a failure is a POSIX error naming the path.
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String, synced: Bool = false) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw error(errno, path) }
        var done = 0
        while done < bytes.count, let base = bytes.baseAddress {
            let wrote = Foundation.write(descriptor, base + done, bytes.count - done)
            if wrote < 0, errno == EINTR { continue }
            guard wrote > 0 else {
                let code = wrote == 0 ? EIO : errno
                close(descriptor)
                throw error(code, path)
            }
            done += wrote
        }
        if synced, fsync(descriptor) != 0 {
            let code = errno
            close(descriptor)
            throw error(code, path)
        }
        // A failed close can report a failed write (on network file systems).
        guard close(descriptor) == 0 else { throw error(errno, path) }
    }

    static func write(_ data: Data, to path: String) throws {
        try data.withUnsafeBytes { try write($0, to: path) }
    }

    static func write(_ bytes: [UInt8], to path: String, synced: Bool = false) throws {
        try bytes.withUnsafeBytes { try write($0, to: path, synced: synced) }
    }

    /// Everything left to read from an open file, `expected` bytes long as far as its size said
    /// (it may have changed since: reads go on to the end); nil when a read fails.
    static func readAll(_ descriptor: Int32, expected: Int) -> Data? {
        var data = Data(count: max(expected, 0) + 1)
        var done = 0
        while true {
            if done == data.count { data.count += max(data.count, 4096) }
            let got = data.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return Foundation.read(descriptor, base + done, buffer.count - done)
            }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { return nil }
            if got == 0 { break }
            done += got
        }
        data.count = done
        return data
    }

    /// Makes the names last written in the folder at `path` (files created, renamed, removed) durable.
    static func syncFolder(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw error(errno, path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw error(errno, path) }
    }

    static func error(_ code: Int32, _ path: String) -> Error {
        NSError(domain: NSPOSIXErrorDomain, code: Int(code), userInfo: [NSFilePathErrorKey: path])
    }
}
