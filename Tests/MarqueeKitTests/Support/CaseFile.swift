import Foundation

/// A test case written as one text file: `=== path` lines, each followed by that file's contents.
/// Keeps a whole small site, and nothing else, in front of the reader of a test.
enum CaseFile {
    static func parse(_ text: String) -> [String: String] {
        var files: [String: String] = [:]
        var current: String?
        var lines: [Substring] = []
        func flush() {
            if let current { files[current] = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("=== ") {
                flush()
                current = String(line.dropFirst(4))
                lines = []
            } else {
                lines.append(line)
            }
        }
        if lines.last == "" { lines.removeLast() }
        flush()
        return files
    }
}
