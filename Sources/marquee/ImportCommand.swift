import ArgumentParser
import Foundation
import MarqueeKit

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Move a blog in from another system.",
        subcommands: [ImportWordPressCommand.self]
    )
}

struct ImportWordPressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wordpress",
        abstract: "Turn a WordPress export (Tools → Export, WXR 1.0–1.2) into a Marquee site.",
        discussion: """
        Posts with a rating become reviews, other posts become articles (content/posts/) and \
        pages stay pages; approved comments are kept beside each review (<slug>.comments.yml); old \
        permalinks become aliases. Running it again into the same folder replaces only the \
        files you have not edited.

        Examples:
          marquee import wordpress blog.WordPress.2026-12-03.xml --into blog
          marquee import wordpress export.xml --into blog \\
            --media backup/wp-content/uploads
          marquee import wordpress export.xml --rating-key _review_rating \\
            --rating-scale 10
        """
    )

    @Argument(help: ArgumentHelp("The export file.", valueName: "export.xml"))
    var export: String

    @Option(name: .long, help: ArgumentHelp("The site folder to write into (created when missing).", valueName: "dir"))
    var into: String = "."

    @Option(name: .long, help: ArgumentHelp("A copy of the old blog's wp-content/uploads: the images posts use are copied into the site.", valueName: "dir"))
    var media: String?

    @Option(name: .customLong("rating-key"), help: ArgumentHelp("A post meta key that holds each review's rating.", valueName: "key"))
    var ratingKey: String?

    @Option(name: .customLong("rating-scale"), help: ArgumentHelp("The new site's rating scale (default 5): other scales are converted to it.", valueName: "n"))
    var ratingScale: Int = 5

    @Flag(name: .long, help: "Overwrite files edited since the last import.")
    var force = false

    func validate() throws {
        guard (1...100).contains(ratingScale) else { throw ValidationError("--rating-scale must be from 1 to 100") }
        if let media {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: media, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("--media \(media) is not a folder: give a copy of the old blog's wp-content/uploads")
            }
        }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: into)
        let console = Console(siteFolder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let started = Date()
        switch WordPressImport.run(export: export, into: folder, options: WordPressImportOptions(ratingKey: ratingKey, ratingScale: ratingScale,
                                                                        media: media.map { ImportMedia.folderLookup(URL(fileURLWithPath: $0)) }), force: force) {
        case .success(let report):
            console.print(report.warnings)
            console.say(report.text(export: export, into: into))
            console.say(String(format: "Done in %.2f s. Next: cd %@ && marquee serve", Date().timeIntervalSince(started), into))
        case .failure(let diagnostic):
            console.print([diagnostic])
            FileHandle.standardError.write(Data("import failed: nothing was written\n".utf8))
            throw ExitCode.failure
        }
    }
}
