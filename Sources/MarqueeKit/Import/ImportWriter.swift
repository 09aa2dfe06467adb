import Foundation

/// Puts an import's files on disk without losing the writer's work: a file written by an earlier
/// import is replaced only while it is as that import left it (its hash is in
/// `.marquee/import-manifest`); a file edited since, or one the import did not write (an existing
/// `site.yml`), is kept unless `force`.
public enum ImportWriter {
    public static let manifestPath = ".marquee/import-manifest"

    public static func write(_ files: [ImportedFile], copies: [ImportedCopy] = [], into folder: URL, force: Bool, report: inout ImportReport) -> Result<Void, Diagnostic> {
        let manager = FileManager.default
        var manifest = readManifest(folder)
        do {
            var outputs: [(path: String, bytes: Data)] = files.map { ($0.path, Data($0.text.utf8)) }
            for copy in copies {
                guard let bytes = manager.contents(atPath: copy.source) else {
                    report.note(copy.path, "cannot read \(copy.source): not copied")
                    continue
                }
                outputs.append((copy.path, bytes))
            }
            for file in outputs {
                let url = folder.appendingPathComponent(file.path)
                let bytes = file.bytes
                if let existing = manager.contents(atPath: url.path) {
                    if existing == bytes { report.unchanged.append(file.path); manifest[file.path] = hash(bytes); continue }
                    let untouched = manifest[file.path] == hash(existing)
                    if !untouched && !force { report.kept.append(file.path); continue }
                }
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try bytes.write(to: url, options: .atomic)
                manifest[file.path] = hash(bytes)
                report.written.append(file.path)
            }
            let manifestURL = folder.appendingPathComponent(manifestPath)
            try manager.createDirectory(at: manifestURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            let lines = manifest.sorted { $0.key < $1.key }.map { "\($0.value)  \($0.key)" }
            let header = "# Files written by marquee import wordpress, with the hash of what it wrote: a file whose hash\n# still matches is replaced by the next import; an edited one is kept (unless --force).\n"
            try Data((header + lines.joined(separator: "\n") + "\n").utf8).write(to: manifestURL, options: .atomic)
        } catch {
            return .failure(.error(SourceLocation(path: folder.path), "cannot write the imported site: \(SiteReader.describe(error))",
                                   hint: "check that the folder can be written"))
        }
        return .success(())
    }

    static func readManifest(_ folder: URL) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(manifestPath).path) else { return [:] }
        var result: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            guard let gap = line.range(of: "  ") else { continue }
            result[String(line[gap.upperBound...])] = String(line[..<gap.lowerBound])
        }
        return result
    }

    static func hash(_ data: Data) -> String {
        var hash = StableHash()
        hash.combine(String(decoding: data, as: UTF8.self))
        hash.combine(data.count)
        return String(hash.value, radix: 16)
    }
}
