import Foundation
import Testing

/// docs/reference/commands.md gives each command's synopsis as the argument parser prints it, and
/// each command's one-line summary, so the reference cannot drift from the commands.
@Suite struct CommandsReferenceTests {
    static let commands: [[String]] = [["build"], ["check"], ["serve"], ["new", "review"], ["new", "site"],
                                       ["templates", "list"], ["templates", "copy"], ["import", "wordpress"]]

    static func reference() throws -> String {
        try String(contentsOf: Paths.packageRoot.appendingPathComponent("docs/reference/commands.md"), encoding: .utf8)
    }

    @Test(arguments: commands)
    func theSynopsisIsTheHelpsUsageLine(_ command: [String]) throws {
        let binary = try #require(Paths.marqueeBinary, "the marquee executable was not built next to the tests")
        let help = try Shell.run(binary.path, command + ["--help"])
        #expect(help.status == 0)
        let usage = try #require(help.output.split(separator: "\n").first { $0.hasPrefix("USAGE: ") }, "\(help.output)")
        let synopsis = usage.dropFirst("USAGE: ".count)
        let given = try Self.reference().contains("\n```\n\(synopsis)\n```\n")
        #expect(given, "docs/reference/commands.md has no code block with the line: \(synopsis)")
    }

    /// The overview lists every command with the summary `marquee --help` gives it, unwrapped.
    @Test func theOverviewIsTheCommandsSummaries() throws {
        let binary = try #require(Paths.marqueeBinary)
        let help = try Shell.run(binary.path, ["--help"]).output
        let reference = try Self.reference()
        let section = try #require(help.range(of: "SUBCOMMANDS:\n"))
        var summaries: [(String, String)] = []
        for line in help[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("  "), !line.trimmingCharacters(in: .whitespaces).hasPrefix("See ") else { continue }
            if line.hasPrefix("  ") && !line.hasPrefix("   ") {
                let name = line.split(separator: " ").first.map(String.init) ?? ""
                summaries.append((name, line.dropFirst(2 + name.count).trimmingCharacters(in: .whitespaces)))
            } else if let last = summaries.indices.last {
                summaries[last].1 += " " + line.trimmingCharacters(in: .whitespaces)
            }
        }
        #expect(summaries.map(\.0) == ["build", "check", "serve", "new", "import", "templates"])
        for (name, summary) in summaries {
            let line = "marquee " + name.padding(toLength: 11, withPad: " ", startingAt: 0) + summary
            let listed = reference.contains("\n\(line)\n")
            #expect(listed, "docs/reference/commands.md's overview has no line: \(line)")
        }
    }
}
