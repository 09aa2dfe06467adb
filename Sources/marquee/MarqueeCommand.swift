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
        """,
        version: MarqueeVersion.string,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self],
        defaultSubcommand: nil
    )

    /// Usage errors exit with status 2 (ArgumentParser's default is 64); build errors with 1.
    static func main() async {
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
                // ArgumentParser says only "Unexpected argument" for a misspelt command.
                let arguments = CommandLine.arguments.dropFirst()
                let names = configuration.subcommands.compactMap { $0.configuration.commandName }
                if let first = arguments.first, !first.hasPrefix("-"), !names.contains(first) {
                    let guess = Suggestion.closest(to: first, among: names).map { " — did you mean '\($0)'?" } ?? " — see 'marquee --help' for the commands"
                    FileHandle.standardError.write(Data("error: unknown command '\(first)'\(guess)\n".utf8))
                    Foundation.exit(2)
                }
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
