import Foundation

/// Between assemble and render: every review's and article's `image:` and body image that is a
/// JPEG, PNG or WebP of the site is resized into its variants (or found in the store, made by an
/// earlier build), one image per core at a time. A problem with an image is an error at its
/// `image:` line, or at the image in the body; nothing is written to the output before the whole
/// build has succeeded.
struct ImageStage {
    var processor = ImageProcessor()
    let store: ImageStore

    /// One source and every place that names it.
    private struct Source {
        let path: String
        let format: ImageFormat
        var uses: [(location: SourceLocation, written: String)]
    }

    private enum Outcome {
        case made(ProcessedImage, kept: Bool, files: [String: [UInt8]])
        case reused(ProcessedImage)
        case failed(ImageProblem)
    }

    func run(_ site: Site, fileSystem: any SiteFileSystem) -> (ImageCatalog, [Diagnostic]) {
        var order: [String] = []
        var sources: [String: Source] = [:]
        var diagnostics = Diagnostics()
        func use(_ path: String, _ location: SourceLocation, _ written: String) {
            guard let format = ImageFormat(pathExtension: (path as NSString).pathExtension) else { return }
            if sources[path] == nil {
                order.append(path)
                sources[path] = Source(path: path, format: format, uses: [])
            }
            sources[path]?.uses.append((location, written))
        }
        func poster(_ image: String?, source: String, location: SourceLocation) {
            guard let image, case .local(let path) = ImageReference(image, postSource: source) else { return }
            use(path, location, image)
        }
        func body(_ body: RenderedMarkdown, source: String) {
            for image in body.images {
                let location = SourceLocation(path: source, line: image.line, column: image.column)
                if fileSystem.kind(of: image.source) == .file {
                    use(image.source, location, image.written)
                } else if image.isBeside {
                    diagnostics.error(location, "image '\(Slug.printable(image.written))' is not a file of the folder '\(Slug.printable((source as NSString).deletingLastPathComponent))'",
                                      hint: "put the image beside index.md, or fix its name (names are case-sensitive)", stage: .assemble)
                }
                // An image under static/ that is not there is a broken link, reported as one.
            }
        }
        for review in site.reviews {
            poster(review.image, source: review.source, location: review.location(of: "image"))
            body(review.body, source: review.source)
        }
        for article in site.articles {
            poster(article.image, source: article.source, location: article.location(of: "image"))
            body(article.body, source: article.source)
        }
        let results = ConcurrentMap.map(order) { path -> (Outcome, stamp: String?) in
            guard let source = sources[path] else { return (.failed(.notAnImage), nil) }
            let known = store.knownKey(ofFile: fileSystem.diskPath(of: source.path), settings: processor.settings)
            return (handle(source, known: known, fileSystem: fileSystem), known?.stamp)
        }
        let outcomes = results.map(\.0)
        var catalog = ImageCatalog()
        catalog.stamps = Set(results.compactMap(\.stamp))
        catalog.storeDirectory = store.directory
        catalog.storeHold = store.hold
        var written = Set<String>()
        for (path, outcome) in zip(order, outcomes) {
            guard let source = sources[path] else { continue }
            switch outcome {
            case .failed(let problem):
                for use in source.uses {
                    let (message, hint) = problem.explained(Slug.printable(use.written))
                    diagnostics.error(use.location, message, hint: hint, stage: .assemble)
                }
            case .reused(let image):
                catalog.reused += 1
                catalog.images[path] = image
                for variant in image.allVariants where written.insert(variant.path).inserted {
                    catalog.files.append((variant.path, .stored(storePath: "\(ImageStore.folder)/\(ImageStore.fileName(variant))"), path))
                }
            case .made(let image, let kept, let files):
                catalog.processed += 1
                catalog.images[path] = image
                for variant in image.allVariants where written.insert(variant.path).inserted {
                    let name = ImageStore.fileName(variant)
                    let content: OutputFile.Content = kept ? .stored(storePath: "\(ImageStore.folder)/\(name)") : .bytes(files[name] ?? [])
                    catalog.files.append((variant.path, content, path))
                }
            }
        }
        return (catalog, diagnostics.all)
    }

    private func handle(_ source: Source, known: (stamp: String, key: String?)?, fileSystem: any SiteFileSystem) -> Outcome {
        if let key = known?.key, let image = store.cached(key), image.format == source.format { return .reused(image) }
        let data: Data
        do { data = try fileSystem.contents(of: source.path) } catch {
            return .failed(.unreadable((error as? OutsideSiteRefusal)?.description ?? error.localizedDescription))
        }
        guard data.count <= processor.settings.maxBytes else { return .failed(.tooManyBytes(data.count, limit: processor.settings.maxBytes)) }
        let key = processor.key(of: data)
        if let known { store.remember(stamp: known.stamp, key: key) }
        if let image = store.cached(key), image.format == source.format { return .reused(image) }
        switch processor.process(data, declared: source.format) {
        case .failure(let problem): return .failed(problem)
        case .success(let (image, files)):
            // Kept files are not also held in memory until the output is written.
            let kept = store.keep(key, image, files: files)
            return .made(image, kept: kept, files: kept ? [:] : files)
        }
    }
}
