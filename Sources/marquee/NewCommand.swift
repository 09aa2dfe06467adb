import ArgumentParser
import Foundation
import MarqueeKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a review or a whole new site.",
        subcommands: [NewReviewCommand.self, NewSiteCommand.self]
    )
}

struct NewReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Write content/reviews/<slug>.md with its front matter filled in, as a draft.",
        discussion: """
        The slug comes from the title ("Cléo from 5 to 7" → cleo-from-5-to-7); the date is today in the site's time zone. An existing file is never overwritten.

        Example:
          marquee new review "Children of Heaven"
        """
    )

    @Argument(help: "The review's title.")
    var title: String

    @Option(name: .long, help: ArgumentHelp("The site folder (holding site.yml).", valueName: "dir"))
    var source: String = "."

    func run() throws {
        let site = URL(fileURLWithPath: source)
        let console = Console(siteFolder: site)
        switch NewReview.create(title: title, in: site) {
        case .success(let created):
            console.say("Wrote \(created.path) (a draft: build with --drafts, or run marquee serve, to see it)")
        case .failure(let diagnostic):
            console.print([diagnostic])
            throw ExitCode.failure
        }
    }
}

struct NewSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Create a ready-to-build site: site.yml, two sample reviews, an About page, static/, and the files that publish it.",
        discussion: """
        With --host github (the default) it writes .github/workflows/pages.yml, which downloads this version of Marquee, checks its SHA-256, builds and checks the site for its GitHub Pages address and deploys it on every push to main. --host netlify writes netlify.toml and --host cloudflare writes wrangler.toml, each with marquee-build.sh, which does the same on that host's build machine.

        Examples:
          marquee new site blog && cd blog && marquee serve
          marquee new site blog --host netlify
        """
    )

    @Argument(help: "The folder to create (it must not exist, or be empty).")
    var folder: String

    @Option(name: .long, help: ArgumentHelp("Where the site is published: github, netlify or cloudflare.", valueName: "host"))
    var host: PublishingHost = .github

    func run() throws {
        let url = URL(fileURLWithPath: folder)
        let console = Console(siteFolder: url)
        switch NewSite.create(at: url, host: host) {
        case .success(let files):
            console.say("Created a site in \(folder):\n" + files.map { "  \($0)" }.joined(separator: "\n")
                        + "\n" + host.notes(release: .current).joined(separator: "\n")
                        + "\nNext: cd \(folder) && marquee serve")
        case .failure(let diagnostic):
            console.print([diagnostic])
            throw ExitCode.failure
        }
    }
}

extension PublishingHost: ExpressibleByArgument {}
