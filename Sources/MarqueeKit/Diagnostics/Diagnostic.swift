/// One problem found in a site: what is wrong, where, and how to fix it.
///
/// Every stage reports problems as `Diagnostic` values instead of throwing on the first one, so
/// that a build shows the writer all of its problems at once.
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// How to fix it; printed after an em dash.
    public var hint: String?
    /// The pipeline stage that found the problem, for readers of logs ("read", "assemble", ...).
    public var stage: Stage

    public enum Stage: String, Sendable, Hashable {
        case config, read, assemble, render, check, write
    }

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String,
                hint: String? = nil, stage: Stage = .read) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.stage = stage
    }

    public static func error(_ location: SourceLocation, _ message: String, hint: String? = nil,
                             stage: Stage = .read) -> Diagnostic {
        Diagnostic(.error, at: location, message, hint: hint, stage: stage)
    }

    public static func warning(_ location: SourceLocation, _ message: String, hint: String? = nil,
                               stage: Stage = .read) -> Diagnostic {
        Diagnostic(.warning, at: location, message, hint: hint, stage: stage)
    }

    /// `path:line:column: error: message — hint`
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += " — \(hint)" }
        return text
    }
}

/// Collects diagnostics as a stage runs. A value type: each stage owns its own and hands it on.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init(_ all: [Diagnostic] = []) { self.all = all }

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }
    public mutating func error(_ location: SourceLocation, _ message: String, hint: String? = nil, stage: Diagnostic.Stage = .read) {
        all.append(.error(location, message, hint: hint, stage: stage))
    }
    public mutating func warning(_ location: SourceLocation, _ message: String, hint: String? = nil, stage: Diagnostic.Stage = .read) {
        all.append(.warning(location, message, hint: hint, stage: stage))
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    /// Sorted by file, line and column, duplicates removed: the order a writer fixes them in.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.filter { seen.insert($0).inserted }.sorted {
            ($0.location, $0.severity == .error ? 0 : 1, $0.message) < ($1.location, $1.severity == .error ? 0 : 1, $1.message)
        }
    }
}

/// Thrown by the pipeline when a build cannot produce a site: carries every diagnostic found.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// The output folder was left part old, part new (a patch from the build cache that could be
    /// neither finished nor undone); otherwise a failed build has not changed it.
    public var outputPartlyUpdated = false
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
