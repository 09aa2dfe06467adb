import Foundation
import Mustache
import Testing

/// The mustache/spec v1.4.2 cases (../shared/spec/mustache/*.json, see shared/spec/README.md)
/// rendered through swift-mustache's `MustacheLibrary`, the engine the site's templates use.
@Suite struct MustacheConformanceTests {
    static let caseCount = 184
    static let fileCount = 8

    /// Cases swift-mustache is known to fail (its own spec tests ignore them), as "file: name".
    static let knownFailures: Set<String> = [
        "~inheritance.json: Intrinsic indentation",
        "~inheritance.json: Nested block reindentation",
    ]

    /// Any JSON value, decoded in the order null, Bool, Int, Double, String, array, object.
    /// (JSONDecoder rather than JSONSerialization so that booleans never arrive as NSNumber.)
    enum JSONValue: Decodable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case array([JSONValue])
        case object([String: JSONValue])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int.self) {
                self = .int(value)
            } else if let value = try? container.decode(Double.self) {
                self = .double(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([JSONValue].self) {
                self = .array(value)
            } else if let value = try? container.decode([String: JSONValue].self) {
                self = .object(value)
            } else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value")
            }
        }

        var any: Any {
            switch self {
            case .null: return NSNull()
            case .bool(let value): return value
            case .int(let value): return value
            case .double(let value): return value
            case .string(let value): return value
            case .array(let values): return values.map(\.any)
            case .object(let values): return values.mapValues(\.any)
            }
        }
    }

    struct SpecFile: Decodable {
        let tests: [Case]
    }

    struct Case: Decodable {
        let name: String
        let desc: String
        let data: JSONValue
        let template: String
        let expected: String
        let partials: [String: String]?
    }

    struct Outcome {
        let file: String
        let testCase: Case
        let result: String
        let passed: Bool
        var key: String { "\(file): \(testCase.name)" }
    }

    /// `<package root>/../shared/spec/mustache`, found from this file's path
    /// (Tests/MarqueeKitTests/Render/ → package root).
    static func specDirectory(filePath: String = #filePath) -> URL {
        var root = URL(fileURLWithPath: filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        return root.appendingPathComponent("../shared/spec/mustache").standardizedFileURL
    }

    /// Every case of every spec file, or nil after recording an issue (so the test fails rather than skips).
    static func loadCases() -> [(file: String, cases: [Case])]? {
        let directory = specDirectory()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".json") }
                .sorted()
        } catch {
            Issue.record("Mustache spec data is missing: cannot list \(directory.path) (expected the shared spec directory next to the package, see shared/spec/README.md): \(error)")
            return nil
        }
        guard names.count == fileCount else {
            Issue.record("expected \(fileCount) Mustache spec files in \(directory.path), found \(names.count): \(names)")
            return nil
        }
        var files: [(file: String, cases: [Case])] = []
        for name in names {
            let path = directory.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else {
                Issue.record("cannot read \(path)")
                return nil
            }
            do {
                files.append((name, try JSONDecoder().decode(SpecFile.self, from: data).tests))
            } catch {
                Issue.record("cannot decode \(path): \(error)")
                return nil
            }
        }
        return files
    }

    static func run(_ testCase: Case, file: String) -> Outcome {
        var library = MustacheLibrary()
        let result: String
        do {
            try library.register(testCase.template, named: "__test__")
            for (name, partial) in testCase.partials ?? [:] {
                try library.register(partial, named: name)
            }
            result = library.render(testCase.data.any, withTemplate: "__test__") ?? "<nil: no template>"
        } catch {
            result = "<error: \(error)>"
        }
        return Outcome(file: file, testCase: testCase, result: result, passed: result == testCase.expected)
    }

    static func describe(_ outcomes: [Outcome]) -> String {
        outcomes.map { outcome in
            """

            --- \(outcome.key): \(outcome.testCase.desc)
            template: \(String(reflecting: outcome.testCase.template))
            partials: \(outcome.testCase.partials.map { String(describing: $0) } ?? "none")
            expected: \(String(reflecting: outcome.testCase.expected))
            actual:   \(String(reflecting: outcome.result))
            """
        }.joined()
    }

    @Test func specPassesExceptKnownInheritanceCases() {
        guard let files = Self.loadCases() else { return }
        let outcomes = files.flatMap { file in file.cases.map { Self.run($0, file: file.file) } }
        let passed = outcomes.filter(\.passed).count
        print("Mustache spec: \(passed)/\(Self.caseCount) cases pass")
        for file in files {
            let fileOutcomes = outcomes.filter { $0.file == file.file }
            print("  \(file.file): \(fileOutcomes.filter(\.passed).count)/\(fileOutcomes.count)")
        }

        #expect(outcomes.count == Self.caseCount, "expected \(Self.caseCount) cases, found \(outcomes.count)")

        let unexpected = outcomes.filter { !$0.passed && !Self.knownFailures.contains($0.key) }
        let unexpectedKeys = unexpected.map(\.key)
        #expect(unexpectedKeys.isEmpty, "Mustache spec: \(passed)/\(Self.caseCount) pass; unexpected failures: \(unexpectedKeys)\(Self.describe(unexpected))")

        let failedKeys = Set(outcomes.filter { !$0.passed }.map(\.key))
        let allKeys = Set(outcomes.map(\.key))
        let missing = Self.knownFailures.subtracting(allKeys)
        #expect(missing.isEmpty, "known failures not found in the spec files (renamed?): \(missing.sorted())")
        let nowPassing = Self.knownFailures.intersection(allKeys).subtracting(failedKeys)
        #expect(nowPassing.isEmpty, "known failures that now pass (remove them from knownFailures): \(nowPassing.sorted())")
    }
}
