import Foundation

enum Paths {
    /// The package root (the example site lives there).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `marquee` executable built beside the test bundle (SwiftPM builds it for `swift test`).
    static var marqueeBinary: URL? {
        var candidates: [URL] = []
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("marquee"))
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("marquee"))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/marquee"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Every temporary folder of this test process lies in one folder, removed when the process
    /// exits (however the tests end), so a run leaves nothing in /tmp. Runs killed outright leave
    /// theirs; the next run removes those of processes no longer alive.
    static let scratch: URL = {
        let base = FileManager.default.temporaryDirectory
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? [] where entry.hasPrefix("marquee-tests-") {
            if let pid = Int32(entry.dropFirst("marquee-tests-".count)), kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(at: base.appendingPathComponent(entry))
            }
        }
        let folder = base.appendingPathComponent("marquee-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { _ = try? FileManager.default.removeItem(atPath: FileManager.default.temporaryDirectory.appendingPathComponent("marquee-tests-\(getpid())").path) }
        return folder
    }()

    /// The inode of the file at `path` itself (not of a link's target), nil when there is none:
    /// whether two names are one file.
    static func inode(_ path: String) -> UInt? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt(info.st_ino) : nil
    }

    static func temporaryFolder(_ name: String = "out") -> URL {
        scratch.appendingPathComponent("marquee-\(name)-\(UUID().uuidString)")
    }

    /// Every file under `folder`, relative path → bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return result }
        let prefix = folder.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            result[String(path.dropFirst(prefix.count))] = try? Data(contentsOf: url)
        }
        return result
    }
}
