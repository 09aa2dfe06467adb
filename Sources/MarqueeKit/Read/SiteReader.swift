import MarqueeTemplates
import Foundation

/// The read stage: files → `SiteContent`. Reads `site.yml`, every review and page, and lists
/// static files and templates. Problems in one file never stop the others from being read.
public struct SiteReader: Sendable {
    public let fileSystem: any SiteFileSystem
    public var baseURLOverride: String?
    /// Parsed reviews kept from earlier builds in this process, if any.
    public var cache: ReadCache?

    public init(fileSystem: any SiteFileSystem, baseURLOverride: String? = nil, cache: ReadCache? = nil) {
        self.fileSystem = fileSystem
        self.baseURLOverride = baseURLOverride
        self.cache = cache
    }

    public func read() -> (SiteContent?, [Diagnostic]) {
        SiteReader(fileSystem: fileSystem.forOneRead(), baseURLOverride: baseURLOverride, cache: cache).readOnce()
    }

    private func readOnce() -> (SiteContent?, [Diagnostic]) {
        let configData: Data?
        do { configData = try fileSystem.contents(of: SiteConfigReader.path) } catch {
            // A missing site.yml is SiteConfigReader's to report, with how to start one.
            if !Self.isMissing(error) { return (nil, [Self.readProblem(error, path: SiteConfigReader.path, stage: .config)]) }
            configData = nil
        }
        if let configData, String(validatingUTF8Data: configData) == nil {
            return (nil, [.error(ContentFile.invalidUTF8Location(configData, path: SiteConfigReader.path), "site.yml is not valid UTF-8",
                                 hint: "save it as UTF-8 in your editor", stage: .config)])
        }
        let (maybeConfig, configDiagnostics) = SiteConfigReader.read(
            text: configData.flatMap { String(validatingUTF8Data: $0) }, baseURLOverride: baseURLOverride, ownTranslations: ownTranslations())
        var diagnostics = Diagnostics(configDiagnostics)
        guard let readConfig = maybeConfig else { return (nil, diagnostics.all) }
        let config = translating(readConfig, &diagnostics)

        reportUnreadContent(&diagnostics)
        let reviews = readReviews(config: config, &diagnostics)
        let articles = readArticles(config: config, &diagnostics)
        let pages = readPages(config: config, &diagnostics)
        let staticFiles = listFiles(under: "static", &diagnostics)
        let templates = readTemplates(&diagnostics)
        var content = SiteContent(config: config, reviews: reviews, pages: pages, staticFiles: staticFiles, templates: templates)
        content.articles = articles
        return (diagnostics.hasErrors ? nil : content, diagnostics.all)
    }

    /// The folders of `content/` Marquee reads.
    static let contentFolders: Set<String> = ["reviews", "posts", "pages"]

    /// What `content/` holds besides `reviews/`, `posts/` and `pages/`: a warning each, never silence
    /// (a blog moved from Hugo or Jekyll often brings `_posts/`).
    private func reportUnreadContent(_ diagnostics: inout Diagnostics) {
        guard let entries = try? fileSystem.entries(in: "content") else { return }
        for entry in entries where !entry.name.hasPrefix(".") && !Self.contentFolders.contains(entry.name) {
            let path = "content/\(entry.name)"
            if entry.kind == .directory {
                diagnostics.warning(SourceLocation(path: path), "\(path)/ is not read: Marquee builds the reviews in content/reviews/, the articles in content/posts/ and the pages in content/pages/",
                                    hint: "move its files into one of those (a dated post without a rating is an article)")
            } else {
                diagnostics.warning(SourceLocation(path: path), "\(path) is not read: content files belong in content/reviews/, content/posts/ or content/pages/",
                                    hint: "move it into one of those")
            }
        }
    }

    /// The files of a folder of dated posts (`content/reviews`, `content/posts`): `<slug>.md`, or
    /// `<slug>/index.md` beside its images (`what` names one: "review", "post").
    /// Its comments files (`<name>.comments.yml`) are listed apart, by name.
    private func postFiles(in folder: String, what: String, _ diagnostics: inout Diagnostics)
        -> (jobs: [(path: String, slug: String, bundle: String?)], comments: Set<String>)? {
        guard let entries = listEntries(folder, &diagnostics) else { return nil }
        var jobs: [(path: String, slug: String, bundle: String?)] = []
        var comments = Set<String>()
        for entry in entries where !entry.name.hasPrefix(".") {
            let path = "\(folder)/\(entry.name)"
            switch entry.kind {
            case .file where entry.name.hasSuffix(".md"):
                jobs.append((path, String(entry.name.dropLast(3)), nil))
            case .file where entry.name.hasSuffix(CommentsFiles.suffix):
                comments.insert(entry.name) // a post's readers' comments: read with it (`SiteReader+Comments.swift`)
            case .directory:
                let index = "\(path)/index.md"
                if fileSystem.kind(of: index) == .file {
                    jobs.append((index, entry.name, path))
                } else {
                    diagnostics.error(SourceLocation(path: path), "the \(what) folder has no index.md",
                                      hint: "put the \(what) in \(path)/index.md, beside its images")
                }
            case .unsafeLink(let why):
                diagnostics.error(SourceLocation(path: path), "refusing to follow a symbolic link: \(why)", hint: "replace the link with the file itself")
            case .file, .other:
                diagnostics.warning(SourceLocation(path: path), "ignored: only .md files and \(what) folders belong in \(folder)",
                                    hint: "move it to static/ or into a \(what)'s folder")
            }
        }
        return (jobs, comments)
    }

    private func readReviews(config: SiteConfig, _ diagnostics: inout Diagnostics) -> [Review] {
        // Collect the jobs first, then parse them concurrently: each file is independent.
        guard let (jobs, commentsFiles) = postFiles(in: "content/reviews", what: "review", &diagnostics) else { return [] }
        cache?.beginBuild()
        let reader = ReviewReader(config: config)
        let settings = ReviewReader.settingsKey(config)
        let comments = CommentsFiles(folder: "content/reviews", names: commentsFiles, reader: CommentsReader(config: config))
        comments.reportUnclaimed(jobs.map(\.slug), what: "review", &diagnostics)
        let results = ConcurrentMap.map(jobs) { job in
            // The comments are read apart from the review (never from `ReadCache`): an edit to
            // them alone reads them again, and leaves the review as parsed.
            var (review, found) = readReview(at: job.path, slug: job.slug, bundle: job.bundle, reader: reader, settings: settings)
            let (read, problems) = comments.read(for: job.slug, bundle: job.bundle, fileSystem: fileSystem)
            review?.comments = read
            return (review, found + problems)
        }
        var reviews: [Review] = []
        for (review, found) in results {
            diagnostics.append(contentsOf: found)
            if let review { reviews.append(review) }
        }
        return reviews
    }

    /// The articles of `content/posts/`, when the site has that folder. Not cached between builds
    /// as reviews are (`ReadCache`): a blog has far fewer of them.
    private func readArticles(config: SiteConfig, _ diagnostics: inout Diagnostics) -> [Article] {
        guard fileSystem.kind(of: "content/posts") != nil,
              let (jobs, commentsFiles) = postFiles(in: "content/posts", what: "post", &diagnostics) else { return [] }
        let reader = ArticleReader(config: config)
        let comments = CommentsFiles(folder: "content/posts", names: commentsFiles, reader: CommentsReader(config: config))
        comments.reportUnclaimed(jobs.map(\.slug), what: "post", &diagnostics)
        let results = ConcurrentMap.map(jobs) { job -> (Article?, [Diagnostic]) in
            let data: Data
            do { data = try fileSystem.contents(of: job.path) } catch { return (nil, [Self.readProblem(error, path: job.path)]) }
            var (article, found) = reader.read(data, path: job.path, defaultSlug: job.slug)
            if let bundle = job.bundle, article != nil {
                var bundleDiagnostics = Diagnostics()
                article?.bundleFiles = listFiles(under: bundle, &bundleDiagnostics).filter { !CommentsFiles.isBundleData($0) }
                found += bundleDiagnostics.all
            }
            let (read, problems) = comments.read(for: job.slug, bundle: job.bundle, fileSystem: fileSystem)
            article?.comments = read
            return (article, found + problems)
        }
        var articles: [Article] = []
        for (article, found) in results {
            diagnostics.append(contentsOf: found)
            if let article { articles.append(article) }
        }
        return articles
    }

    /// Reads one review file (through the cache, when there is one).
    func readReview(at path: String, slug: String, bundle: String?, reader: ReviewReader, settings: String) -> (Review?, [Diagnostic]) {
        let data: Data
        do { data = try fileSystem.contents(of: path) } catch {
            return (nil, [Self.readProblem(error, path: path)])
        }
        var (review, found): (Review?, [Diagnostic])
        if let cached = cache?.lookup(path, bytes: data, settings: settings) {
            (review, found) = cached
        } else {
            (review, found) = reader.read(data, path: path, defaultSlug: slug)
            cache?.store(path, bytes: data, settings: settings, review: review, diagnostics: found)
        }
        if let bundle, review != nil {
            var bundleDiagnostics = Diagnostics()
            review?.bundleFiles = listFiles(under: bundle, &bundleDiagnostics).filter { !CommentsFiles.isBundleData($0) }
            found += bundleDiagnostics.all
        }
        return (review, found)
    }

    /// Reads one review file again, as a full read would, but without listing the other files of
    /// a folder review (`bundleFiles` stays empty): for a rebuild after an edit to that file only.
    func rereadReview(at path: String, config: SiteConfig) -> (Review?, [Diagnostic]) {
        let parts = path.split(separator: "/").map(String.init)
        let isFolderReview = parts.count == 4 && parts[3] == "index.md"
        let slug = isFolderReview ? parts[2] : String(parts.last?.dropLast(3) ?? "")
        return readReview(at: path, slug: slug, bundle: nil, reader: ReviewReader(config: config), settings: ReviewReader.settingsKey(config))
    }

    private func readPages(config: SiteConfig, _ diagnostics: inout Diagnostics) -> [Page] {
        let folder = "content/pages"
        guard let entries = listEntries(folder, &diagnostics) else { return [] }
        let reader = PageReader(config: config)
        var pages: [Page] = []
        for entry in entries where !entry.name.hasPrefix(".") {
            let path = "\(folder)/\(entry.name)"
            switch entry.kind {
            case .file where entry.name.hasSuffix(CommentsFiles.suffix):
                diagnostics.warning(SourceLocation(path: path), "comments are shown under reviews and articles, not pages: this file is not read",
                                    hint: "remove it, or make the page an article in content/posts/ and move the file beside it")
            case .file where entry.name.hasSuffix(".md"):
                do {
                    let (page, found) = reader.read(try fileSystem.contents(of: path), path: path, defaultSlug: String(entry.name.dropLast(3)))
                    diagnostics.append(contentsOf: found)
                    if let page { pages.append(page) }
                } catch {
                    diagnostics.append(Self.readProblem(error, path: path))
                }
            case .unsafeLink(let why):
                diagnostics.error(SourceLocation(path: path), "refusing to follow a symbolic link: \(why)", hint: "replace the link with the file itself")
            default:
                diagnostics.warning(SourceLocation(path: path), "ignored: only .md files belong in \(folder)", hint: "move it to static/")
            }
        }
        return pages
    }

    private func readTemplates(_ diagnostics: inout Diagnostics) -> [TemplateSource] {
        guard let entries = listEntries("templates", &diagnostics) else { return [] }
        var templates: [TemplateSource] = []
        for entry in entries where entry.name.hasSuffix(".mustache") {
            let path = "templates/\(entry.name)"
            guard entry.kind == .file else {
                if case .unsafeLink(let why) = entry.kind {
                    diagnostics.error(SourceLocation(path: path), "refusing to follow a symbolic link: \(why)", hint: "replace the link with the file itself")
                }
                continue
            }
            do {
                let data = try fileSystem.contents(of: path)
                guard let text = String(validatingUTF8Data: data) else {
                    diagnostics.error(ContentFile.invalidUTF8Location(data, path: path), "the template is not valid UTF-8", hint: "save it as UTF-8")
                    continue
                }
                templates.append(TemplateSource(name: String(entry.name.dropLast(".mustache".count)), path: path, text: TextNormaliser.normalise(text)))
            } catch {
                diagnostics.append(Self.readProblem(error, path: path, what: "template"))
            }
        }
        return templates
    }

    private func listEntries(_ folder: String, _ diagnostics: inout Diagnostics) -> [DirectoryEntry]? {
        do {
            return try fileSystem.entries(in: folder)
        } catch {
            diagnostics.append(Self.readProblem(error, path: folder, what: "folder"))
            return nil
        }
    }

    /// Every file under `folder`, relative to it, sorted; dot files are skipped. Links that leave the
    /// site or loop are errors, and a folder reached twice (through a link) is walked once.
    func listFiles(under folder: String, _ diagnostics: inout Diagnostics) -> [String] {
        var files: [String] = []
        var pending: [(String, Int)] = [("", 0)]
        var visited = Set<String>()
        while let (relative, depth) = pending.popLast() {
            let full = relative.isEmpty ? folder : "\(folder)/\(relative)"
            if let real = fileSystem.diskPath(of: full).flatMap(DiskFileSystem.realPath) {
                guard visited.insert(real).inserted else { continue }
            }
            guard depth < 32 else {
                diagnostics.error(SourceLocation(path: full), "folders are nested more than 32 deep", hint: "is there a symbolic link loop?")
                continue
            }
            guard let entries = listEntries(full, &diagnostics) else { continue }
            for entry in entries.reversed() where !entry.name.hasPrefix(".") {
                let child = relative.isEmpty ? entry.name : "\(relative)/\(entry.name)"
                switch entry.kind {
                case .file: files.append(child)
                case .directory: pending.append((child, depth + 1))
                case .unsafeLink(let why):
                    diagnostics.error(SourceLocation(path: "\(folder)/\(child)"), "refusing to follow a symbolic link: \(why)", hint: "replace the link with the file itself")
                case .other:
                    diagnostics.warning(SourceLocation(path: "\(folder)/\(child)"), "ignored: not a regular file", hint: "remove it")
                }
            }
        }
        return files.sorted()
    }

    /// A file or folder that could not be read, as a diagnostic at its path. A link out of the
    /// site is refused before anything is opened, so the diagnostic never quotes it.
    static func readProblem(_ error: Error, path: String, what: String = "file", stage: Diagnostic.Stage = .read) -> Diagnostic {
        if let refusal = error as? OutsideSiteRefusal {
            return .error(SourceLocation(path: path), refusal.description,
                          hint: "replace the link with the \(what == "folder" ? "folder" : "file") itself; Marquee reads nothing outside the site folder", stage: stage)
        }
        let verb = what == "folder" ? "list the folder" : "read the \(what)"
        return .error(SourceLocation(path: path), "cannot \(verb): \(describe(error))", hint: "check its permissions", stage: stage)
    }

    static func isMissing(_ error: Error) -> Bool {
        if let cocoa = error as? CocoaError, [.fileReadNoSuchFile, .fileNoSuchFile].contains(cocoa.code) { return true }
        let error = error as NSError
        return error.domain == NSPOSIXErrorDomain && error.code == Int(ENOENT)
    }

    static func describe(_ error: Error) -> String {
        if let refusal = error as? OutsideSiteRefusal { return refusal.description }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileReadNoPermission: return "permission denied"
            case .fileReadNoSuchFile, .fileNoSuchFile: return "no such file"
            default: break
            }
        }
        let error = error as NSError
        // Marquee's own file writes (`PlainFile`, `OutputWriter.createFolders`) fail with the
        // system's error and the path it concerned: say both.
        if error.domain == NSPOSIXErrorDomain, let path = error.userInfo[NSFilePathErrorKey] as? String {
            return String(cString: strerror(Int32(error.code))).lowercased() + " (\(path))"
        }
        let text = error.localizedDescription
        return text.isEmpty ? "\(error)" : text
    }
}
