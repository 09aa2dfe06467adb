import Foundation
import Yams

/// The steps of one job of a GitHub workflow, read with Yams, and its `run:` steps run here in
/// order as a runner runs them: the workflow's and the step's env, `${{ … }}` in env values replaced
/// by what the test gives, GITHUB_PATH, GITHUB_ENV and RUNNER_TEMP honoured. `uses:` steps are the
/// caller's to stand in for (the checkout is the folder the steps run in).
struct WorkflowSteps {
    struct Step {
        var name: String
        var run: String?
        var uses: String?
        var env: [String: String]
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var env: [String: String]
    var steps: [Step]

    init(yaml: String, job: String) throws {
        guard let root = try Yams.load(yaml: yaml) as? [String: Any],
              let jobs = root["jobs"] as? [String: Any], let body = jobs[job] as? [String: Any],
              let steps = body["steps"] as? [[String: Any]] else { throw Failure(description: "no job \(job) with steps") }
        func strings(_ value: Any?) -> [String: String] {
            ((value as? [String: Any]) ?? [:]).mapValues { "\($0)" }
        }
        env = strings(root["env"]).merging(strings(body["env"])) { $1 }
        self.steps = steps.map { step in
            Step(name: step["name"] as? String ?? step["uses"] as? String ?? "", run: step["run"] as? String,
                 uses: step["uses"] as? String, env: strings(step["env"]))
        }
    }

    /// What each `run:` step printed, by name; stops after the first that fails (as a runner does).
    /// Throws when a value holds an expression `expressions` does not give.
    /// With `only`, the `run:` steps of those names alone (the others need what a runner has).
    func run(in folder: URL, expressions: [String: String], temporary: URL, only: Set<String>? = nil,
             environment extra: [String: String] = [:]) throws -> [(name: String, run: Shell.Run)] {
        let manager = FileManager.default
        try manager.createDirectory(at: temporary, withIntermediateDirectories: true)
        let pathFile = temporary.appendingPathComponent("github_path"), envFile = temporary.appendingPathComponent("github_env")
        for file in [pathFile, envFile] { try Data().write(to: file) }
        var base = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GITHUB_") && !$0.key.hasPrefix("MARQUEE_") }
        base["CI"] = "true"
        base["RUNNER_TEMP"] = temporary.path
        base["GITHUB_PATH"] = pathFile.path
        base["GITHUB_ENV"] = envFile.path
        base["GITHUB_OUTPUT"] = temporary.appendingPathComponent("github_output").path
        var results: [(name: String, run: Shell.Run)] = []
        for step in steps {
            guard let script = step.run, only?.contains(step.name) ?? true else { continue }
            // An expression in a script is pasted into the shell unquoted: values go through env:.
            guard !script.contains("${{") else { throw Failure(description: "\(step.name): a ${{ }} in run:, not in env:") }
            var environment = base.merging(extra) { $1 }
            for (key, value) in env.merging(step.env, uniquingKeysWith: { $1 }) { environment[key] = try Self.substitute(value, expressions) }
            // Lines added to GITHUB_ENV and GITHUB_PATH by the steps before.
            for line in try String(contentsOf: envFile, encoding: .utf8).split(separator: "\n") {
                if let equals = line.firstIndex(of: "=") { environment[String(line[..<equals])] = String(line[line.index(after: equals)...]) }
            }
            let added = try String(contentsOf: pathFile, encoding: .utf8).split(separator: "\n").reversed()
            environment["PATH"] = (added.map(String.init) + [environment["PATH"] ?? "/usr/bin:/bin"]).joined(separator: ":")
            let run = try Shell.bash(script, in: folder, environment: environment)
            results.append((step.name, run))
            if run.status != 0 { break }
        }
        return results
    }

    static func substitute(_ value: String, _ expressions: [String: String]) throws -> String {
        var out = value
        while let start = out.range(of: "${{"), let end = out.range(of: "}}", range: start.upperBound..<out.endIndex) {
            let expression = out[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let replacement = expressions[expression] else { throw Failure(description: "no value for ${{ \(expression) }}") }
            out.replaceSubrange(start.lowerBound..<end.upperBound, with: replacement)
        }
        return out
    }
}
