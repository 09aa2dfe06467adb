import Foundation

extension BuildCache {
    /// The cache describing the output folder a full build has just written: `inputs` is the
    /// snapshot of the sources taken before reading them (an edit made during the build is then
    /// seen by the next one), `marks` where the pages show body parts.
    /// `facts`: `reviewFacts(of:)` of the plan's site, when made beforehand (beside the render).
    static func record(options: BuildOptions, inputs: SourceStamps.Listing, content: SiteContent, plan: RenderPlan,
                       marks: RecordedMarks, warnings: [Diagnostic], facts: [ReviewEntry]? = nil) -> BuildCache {
        let site = plan.context.site
        var files: [FileEntry] = []
        var filesOfReview: [[Int]] = Array(repeating: [], count: site.reviews.count)
        // Stamped on all cores, by plain paths: 20,000 files at 10,000 reviews.
        var clock = StageClock()
        let marked = Array(marks.ranges) // (in no particular order: entries are found by index)
        let output = options.outputDirectory.path
        let stamps = ConcurrentMap.map(marked) { SourceStamp.of(output + "/" + $0.key) }
        for ((path, ranges), stamp) in zip(marked, stamps) {
            guard let stamp else { continue }
            let index = files.count
            files.append(FileEntry(path: path, stamp: stamp, ranges: ranges))
            for range in ranges {
                let review = BodyMarks.review(ofID: range.id)
                // (Files are taken one at a time: a review already noted for this one has it last.)
                if filesOfReview.indices.contains(review), filesOfReview[review].last != index { filesOfReview[review].append(index) }
            }
        }
        clock.lap("  stamps")
        let unreadable = Set(marks.unreadable.map(BodyMarks.review(ofID:)))
        var reviews = facts ?? reviewFacts(of: site)
        for index in reviews.indices {
            reviews[index].unreadable = unreadable.contains(index)
            reviews[index].files = filesOfReview[index]
        }
        clock.lap("  reviews")
        return BuildCache(key: key(for: options), nextDate: (content.reviews.map(\.date) + content.articles.map(\.date)).map(\.secondsSince1970).filter { $0 > options.now }.min(),
                          builtAt: options.now, warnings: warnings,
                          inputs: EntryTable(inputs), reviews: EntryTable(reviews), files: EntryTable(files), pagesBuilt: plan.jobs.filter(\.isPage).count,
                          baseURL: site.config.baseURL)
    }

    /// Each review's entry as far as the site alone tells it, in the site's order, on all cores:
    /// `unreadable` and `files` are left for `record`, which the rendered pages tell.
    static func reviewFacts(of site: Site) -> [ReviewEntry] {
        ConcurrentMap.map(Array(site.reviews.indices)) { index in
            let review = site.reviews[index]
            return ReviewEntry(source: review.source, frontMatterDigest: review.frontMatterDigest, headingsDigest: review.body.headingsDigest,
                               unreadable: false, nonEmptyParts: nonEmptyParts(of: review),
                               searchDigest: site.config.search ? SearchIndex.excerptDigest(review.excerpt) : 0, files: [])
        }
    }

    /// Which parts are not empty, and (bit 16) whether the body has images to resize: a body that
    /// gains or loses one is not patched, as its images' variants come and go with it.
    static func nonEmptyParts(of review: Review) -> Int {
        let parts = BodyMarks.Part.allCases.reduce(0) { mask, part in BodyMarks.isEmpty(part, of: review) ? mask : mask | (1 << part.rawValue) }
        return review.body.images.isEmpty ? parts : parts | 1 << 16
    }
}
