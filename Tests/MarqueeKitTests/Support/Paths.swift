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

    static func temporaryFolder(_ name: String = "out") -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("marquee-\(name)-\(UUID().uuidString)")
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
