import Foundation
import MarqueeKit

/// Prints diagnostics to standard error, in colour only on a terminal and never when NO_COLOR is set.
struct Console {
    let printer: DiagnosticPrinter

    init(siteFolder: URL) {
        let environment = ProcessInfo.processInfo.environment
        let color = isatty(STDERR_FILENO) == 1 && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
        let root = siteFolder
        printer = DiagnosticPrinter(useColor: color) { path, line in
            guard !path.hasPrefix("("), !path.hasPrefix("-"),
                  let data = try? Data(contentsOf: root.appendingPathComponent(path)), data.count < 20_000_000 else { return nil }
            // A binary file (an unused PNG, say) has no line to show.
            guard !data.contains(0), let text = String(validating: data, as: UTF8.self) else { return nil }
            var current = 1
            for candidate in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if current == line { return String(candidate.hasSuffix("\r") ? candidate.dropLast() : candidate) }
                current += 1
            }
            return nil
        }
    }

    /// A line on standard output, written at once (not buffered), so progress shows as it happens when piped.
    func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((printer.format(diagnostic) + "\n").utf8))
        }
    }

    func printSummary(_ diagnostics: [Diagnostic], failed: Bool = true, what: String = "build failed", after: String = "; the output folder was not changed") {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let counts = printer.summary(errors: errors, warnings: diagnostics.count - errors)
        let line = failed ? "\(what): \(counts)\(after)" : counts
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension URL {
    var relativePathForDisplay: String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = standardizedFileURL.path
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}
