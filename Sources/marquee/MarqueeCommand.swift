import ArgumentParser
import Foundation
import MarqueeKit

@main
struct MarqueeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marquee",
        abstract: "A static site generator for review blogs.",
        discussion: """
        Examples:
          marquee build                                   build ./ into ./public
          marquee build --source blog --output /tmp/site  build another folder
          marquee build --base-url https://example.org/blog/ --drafts
          marquee templates review                        review pages' variables
          marquee templates copy review                   a default template to edit
        """,
        version: MarqueeVersion.description,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, ImportCommand.self, TemplatesCommand.self],
        defaultSubcommand: nil
    )

    /// Usage errors exit with status 2 (ArgumentParser's default is 64); build errors with 1.
    static func main() async {
        MallocSettings.apply()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = unknownCommand(in: CommandLine.arguments.dropFirst()) ?? fullMessage(for: error)
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// "did you mean" for a mistyped command, written here because ArgumentParser 1.8.2 suggests a
    /// near name for an unknown option only: for `marquee biuld` it says "Unexpected argument".
    /// Asked once the parse has failed; nil when no command name is close (the parser's message then).
    static func unknownCommand(in arguments: ArraySlice<String>) -> String? {
        var command: any ParsableCommand.Type = MarqueeCommand.self
        for argument in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !argument.hasPrefix("-"), argument != "help" else { return nil }
            let names = subcommands.map { $0.configuration.commandName ?? "" }
            if let index = names.firstIndex(of: argument) {
                command = subcommands[index]
                continue
            }
            guard let suggestion = closestName(to: argument, among: names) else { return nil }
            return "error: unknown command '\(argument)' — did you mean '\(suggestion)'?"
        }
        return nil
    }

    /// The name at the smallest edit distance, if it is near: at most 2 edits, and fewer than half
    /// the name's letters ("biuld" → build; "nwe" → new, but not "x" → new).
    static func closestName(to word: String, among names: [String]) -> String? {
        let scored = names.map { ($0, editDistance(word.lowercased(), $0)) }.filter { $0.1 <= min(2, $0.0.count / 2) }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Levenshtein distance, with a swap of two neighbouring letters as one edit ("biuld").
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
