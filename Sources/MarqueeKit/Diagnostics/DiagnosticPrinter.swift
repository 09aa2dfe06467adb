import Foundation

/// Formats diagnostics like a compiler: the `path:line:column: error: … — hint` line, then the
/// offending source line with a caret under the column.
public struct DiagnosticPrinter: Sendable {
    public var useColor: Bool
    /// Returns the text of a source file (relative path) for the excerpt, or nil.
    public var sourceLine: @Sendable (_ path: String, _ line: Int) -> String?

    public init(useColor: Bool, sourceLine: @escaping @Sendable (String, Int) -> String?) {
        self.useColor = useColor
        self.sourceLine = sourceLine
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        let label: String
        switch diagnostic.severity {
        case .error: label = paint("error:", "1;31")
        case .warning: label = paint("warning:", "1;35")
        }
        var text = paint("\(diagnostic.location):", "1") + " \(label) \(diagnostic.message)"
        if let hint = diagnostic.hint { text += " — \(hint)" }
        if let line = sourceLine(diagnostic.location.path, diagnostic.location.line) {
            let shown = Self.printable(line)
            let caretColumn = min(diagnostic.location.column - 1, shown.unicodeScalars.count)
            var pad = ""
            for scalar in shown.unicodeScalars.prefix(caretColumn) { pad.append(scalar == "\t" ? "\t" : " ") }
            text += "\n    \(shown)\n    \(pad)" + paint("^", "1;32")
        }
        return text
    }

    public func summary(errors: Int, warnings: Int) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning"))"
    }

    /// Line `number` (from 1) of a text file, for the excerpt under a diagnostic; nil when there is
    /// no such line or the file is not text (not UTF-8, or NUL bytes: an image), whose bytes would
    /// only garble the terminal.
    public static func line(_ number: Int, of data: Data) -> String? {
        guard number >= 1, !data.contains(0), let text = String(validatingUTF8Data: data) else { return nil }
        var current = 1
        for candidate in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return String(candidate.hasSuffix("\r") ? candidate.dropLast() : candidate) }
            current += 1
        }
        return nil
    }

    /// Control characters in a writer's line would garble the terminal; show them as U+FFFD-free escapes.
    static func printable(_ line: String) -> String {
        var out = ""
        for scalar in line.unicodeScalars.prefix(300) {
            if scalar == "\t" || (scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80..<0xA0).contains(scalar.value)) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "?"
            }
        }
        return out
    }

    private func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
