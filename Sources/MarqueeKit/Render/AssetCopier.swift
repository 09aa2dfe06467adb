import Foundation

/// Files copied as they are: `static/`, the images beside folder reviews and articles, and the default theme's
/// stylesheet when the site has none of its own.
enum AssetCopier {
    static func jobs(for site: Site) -> [RenderJob] {
        var files: [RenderJob] = []
        for review in site.reviews where !review.bundleFiles.isEmpty {
            let folder = review.source.split(separator: "/").dropLast().joined(separator: "/")
            for file in review.bundleFiles {
                files.append(.fixed("reviews/\(review.slug)/\(file)", .copy(sourcePath: "\(folder)/\(file)"), origin: "\(folder)/\(file)"))
            }
        }
        for article in site.articles where !article.bundleFiles.isEmpty {
            let folder = article.source.split(separator: "/").dropLast().joined(separator: "/")
            for file in article.bundleFiles {
                files.append(.fixed("posts/\(article.slug)/\(file)", .copy(sourcePath: "\(folder)/\(file)"), origin: "\(folder)/\(file)"))
            }
        }
        for file in site.images.files {
            files.append(.fixed(file.path, file.content, origin: file.origin))
        }
        let staticFiles = Set(site.staticFiles)
        for file in site.staticFiles {
            files.append(.fixed(file, .copy(sourcePath: "static/\(file)"), origin: "static/\(file)"))
        }
        for (path, text) in DefaultTheme.assets.sorted(by: { $0.key < $1.key }) where !staticFiles.contains(path) {
            if path == SearchPage.script, !site.config.search { continue }
            files.append(.fixed(path, .bytes(Array(text.utf8)), origin: "(default theme)/\(path)"))
        }
        return files
    }
}
