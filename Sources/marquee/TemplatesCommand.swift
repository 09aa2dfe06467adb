import ArgumentParser
import Foundation
import MarqueeKit

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List the variables each kind of page offers its templates, or copy the default theme's templates to customise them.",
        discussion: """
        Examples:
          marquee templates               every kind of page and its variables
          marquee templates review        every variable of review pages
          marquee templates --markdown    the same, as Markdown (for docs/reference/)
          marquee templates --words       the theme's words, for i18n/<lang>.yml
          marquee templates copy review   write the default templates/review.mustache
          marquee templates copy          write every template of the default theme
        """,
        subcommands: [TemplatesListCommand.self, TemplatesCopyCommand.self],
        defaultSubcommand: TemplatesListCommand.self
    )
}

struct TemplatesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the variables of every kind of page (or of one), from the schema templates are checked against."
    )

    @Argument(help: ArgumentHelp("A kind of page, by its template's name (review, article, home, term, taxonomy, archive, ratings, page, 404, review-card, article-card, rating-badge, site-header, site-footer); all when left out.", valueName: "kind"))
    var kind: String?

    @Flag(name: .long, help: "Print Markdown tables, as in docs/reference/templates.md.")
    var markdown = false

    @Flag(name: .long, help: "Print the ids of the theme's words (for i18n/<lang>.yml) as docs/reference/theme-words.md's Markdown table.")
    var words = false

    func run() throws {
        let kinds = PageKind.referenceKinds
        if let kind, !kinds.contains(where: { $0.name == kind || $0.template == kind }) {
            let names = kinds.map(\.template)
            // `marquee templates cpoy review` reaches here too: the word is taken for a kind.
            let hint = MarqueeCommand.closestName(to: kind, among: names + ["copy"]).map { "did you mean '\($0)'?" }
                ?? "the kinds are: \(names.joined(separator: ", "))"
            FileHandle.standardError.write(Data("error: there is no kind of page '\(kind)' — \(hint)\n".utf8))
            throw ExitCode(2)
        }
        if words {
            print(ThemeWordsReference.markdown(), terminator: "")
            return
        }
        if markdown, let kind {
            FileHandle.standardError.write(Data("error: --markdown prints every kind; leave out '\(kind)'\n".utf8))
            throw ExitCode(2)
        }
        print(markdown ? TemplateVariablesReference.markdown(kinds) : TemplateVariablesReference.text(kinds, only: kind), terminator: "")
    }
}

struct TemplatesCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Write the default theme's templates into the site's templates/ folder, to start customising them.",
        discussion: """
        Copy only the templates you mean to change: every other one keeps coming from the default theme, and gets its improvements. An existing template is never replaced unless --force is given.
        """
    )

    @Argument(help: ArgumentHelp("Templates to copy (review, base, credits, review-card, …); all when left out.", valueName: "name"))
    var names: [String] = []

    @Option(name: .long, help: ArgumentHelp("The site folder (holding site.yml).", valueName: "dir"))
    var source: String = "."

    @Flag(name: .long, help: "Replace templates the site already has.")
    var force = false

    func run() throws {
        let site = URL(fileURLWithPath: source)
        let console = Console(siteFolder: site)
        switch ThemeCopy.copy(names, into: site, force: force) {
        case .success(let written):
            let what = written.count == 1 ? written[0] : names.isEmpty ? "all \(written.count) templates of the default theme into templates/" : written.joined(separator: ", ")
            console.say("Wrote \(what): edit \(written.count == 1 ? "it" : "them"), and the build uses \(written.count == 1 ? "it" : "them") instead of the default theme's")
        case .failure(let diagnostic):
            console.print([diagnostic])
            throw ExitCode.failure
        }
    }
}
