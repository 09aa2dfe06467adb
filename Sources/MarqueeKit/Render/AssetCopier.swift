/// Files copied as they are: `static/`, the images beside folder reviews, and the default theme's
/// stylesheet when the site has none of its own.
enum AssetCopier {
    static func files(for site: Site) -> [OutputFile] {
        var files: [OutputFile] = []
        for review in site.reviews {
            let folder = review.source.split(separator: "/").dropLast().joined(separator: "/")
            for file in review.bundleFiles {
                files.append(OutputFile(path: "reviews/\(review.slug)/\(file)", content: .copy(sourcePath: "\(folder)/\(file)"),
                                        origin: "\(folder)/\(file)"))
            }
        }
        let staticFiles = Set(site.staticFiles)
        for file in site.staticFiles {
            files.append(OutputFile(path: file, content: .copy(sourcePath: "static/\(file)"), origin: "static/\(file)"))
        }
        for (path, text) in DefaultTheme.assets.sorted(by: { $0.key < $1.key }) where !staticFiles.contains(path) {
            files.append(.text(path, text, origin: "(default theme)/\(path)"))
        }
        return files
    }
}
