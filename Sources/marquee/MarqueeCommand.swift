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
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
