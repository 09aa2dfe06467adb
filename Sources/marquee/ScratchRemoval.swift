import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Deletes a folder of the server's own (the served build in the temporary folder) in the
/// background, so that a process about to end does not wait for thousands of files to go.
enum ScratchRemoval {
    /// Starts `rm -rf` on `folder` and returns at once; the removal goes on after this process
    /// has ended. Nothing is done if `rm` cannot be started: the folder is in the temporary folder,
    /// which the system cleans.
    static func start(_ folder: URL) {
        let path = folder.path
        // Only the server's own folder, never something a writer named.
        guard path.hasPrefix(FileManager.default.temporaryDirectory.path), !path.contains("/../") else { return }
        let arguments = ["rm", "-rf", "--", path]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        _ = posix_spawn(&pid, "/bin/rm", nil, nil, &argv, environ)
    }
}
