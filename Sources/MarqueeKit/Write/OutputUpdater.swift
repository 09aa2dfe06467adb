import Foundation

/// The write stage of a rebuild in one process (`marquee serve`): brings an output folder that
/// holds the previous build up to date by touching only the files whose bytes change. New and
/// changed files are first written to a folder beside the output; nothing in the output changes
/// until the build has succeeded, and then each file is moved into place by a rename, so a reader
/// of the output never sees a half-written file.
struct OutputUpdater: Sendable {
    let writer: OutputWriter

    /// Files waiting to be moved into the output folder.
    final class Pending: @unchecked Sendable {
        let folder: URL
        private let lock = NSLock()
        private var paths: [String] = []

        init(folder: URL) { self.folder = folder }

        func record(_ path: String) { lock.withLock { paths.append(path) } }
        var changed: [String] { lock.withLock { paths.sorted() } }
    }

    func begin() throws -> Pending {
        if let refusal = writer.refusal() { throw BuildFailure([refusal]) }
        let output = writer.output
        let folder = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).marquee-update-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw OutputWriter.failure(error, output: output)
        }
        return Pending(folder: folder)
    }

    /// Sets a file aside when its bytes differ from the output's copy (or it has none). May be
    /// called from several threads at once.
    func put(_ pending: Pending, _ path: String, _ content: OutputFile.Content) throws {
        try OutputWriter.checkRelative(path)
        let data = try content.bytes(from: writer.source)
        let current = writer.output.appendingPathComponent(path)
        if let existing = try? Data(contentsOf: current), existing == data { return }
        let target = pending.folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try PlainFile.write(data, to: target.path)
        pending.record(path)
    }

    /// Moves the changed files into the output folder and deletes `removed` ones. Returns the paths changed.
    func commit(_ pending: Pending, removing removed: [String]) throws -> [String] {
        let manager = FileManager.default
        let output = writer.output
        let changed = pending.changed
        do {
            for path in changed {
                let target = output.appendingPathComponent(path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                // rename(2) replaces the old file in one step.
                guard rename(pending.folder.appendingPathComponent(path).path, target.path) == 0 else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
                }
            }
            for path in removed {
                try OutputWriter.checkRelative(path)
                try? manager.removeItem(at: output.appendingPathComponent(path))
                // Folders the removed page leaves empty go too.
                var folder = (path as NSString).deletingLastPathComponent
                while !folder.isEmpty, (try? manager.contentsOfDirectory(atPath: output.appendingPathComponent(folder).path))?.isEmpty == true {
                    try? manager.removeItem(at: output.appendingPathComponent(folder))
                    folder = (folder as NSString).deletingLastPathComponent
                }
            }
            let marker = output.appendingPathComponent(OutputWriter.markerName)
            if !manager.fileExists(atPath: marker.path) { try Data(OutputWriter.markerText.utf8).write(to: marker) }
        } catch {
            abandon(pending)
            throw OutputWriter.failure(error, output: output)
        }
        abandon(pending)
        return changed
    }

    func abandon(_ pending: Pending) {
        try? FileManager.default.removeItem(at: pending.folder)
    }

    /// Every file now in the output folder (relative paths), but the marker.
    func existingFiles() -> Set<String> {
        let root = writer.output.path
        var files = Set<String>()
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return files }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue, path != OutputWriter.markerName {
                files.insert(path)
            }
        }
        return files
    }
}
