import Foundation

extension BuildCache {
    /// The cache describing the output folder a full build has just written: `inputs` is the
    /// snapshot of the sources taken before reading them (an edit made during the build is then
    /// seen by the next one), `marks` where the pages show body parts.
    static func record(options: BuildOptions, inputs: [String: SourceStamp], content: SiteContent, plan: RenderPlan,
                       marks: RecordedMarks, warnings: [Diagnostic]) -> BuildCache {
        let site = plan.context.site
        var files: [FileEntry] = []
        var filesOfReview: [[Int]] = Array(repeating: [], count: site.reviews.count)
        for (path, ranges) in marks.ranges.sorted(by: { $0.key < $1.key }) {
            guard let stamp = SourceStamp.of(options.outputDirectory.appendingPathComponent(path).path) else { continue }
            let index = files.count
            files.append(FileEntry(path: path, stamp: stamp, ranges: ranges))
            var seen = Set<Int>()
            for range in ranges where seen.insert(BodyMarks.review(ofID: range.id)).inserted {
                let review = BodyMarks.review(ofID: range.id)
                if filesOfReview.indices.contains(review) { filesOfReview[review].append(index) }
            }
        }
        let unreadable = Set(marks.unreadable.map(BodyMarks.review(ofID:)))
        let reviews = site.reviews.enumerated().map { index, review in
            ReviewEntry(source: review.source, frontMatterDigest: review.frontMatterDigest,
                        unreadable: unreadable.contains(index), nonEmptyParts: nonEmptyParts(of: review), files: filesOfReview[index])
        }
        return BuildCache(key: key(for: options), nextDate: content.reviews.map(\.date.secondsSince1970).filter { $0 > options.now }.min(),
                          builtAt: options.now, warnings: warnings,
                          inputs: inputs, reviews: EntryTable(reviews), files: EntryTable(files), pagesBuilt: plan.jobs.filter(\.isPage).count,
                          baseURL: site.config.baseURL)
    }

    static func nonEmptyParts(of review: Review) -> Int {
        BodyMarks.Part.allCases.reduce(0) { mask, part in BodyMarks.value(part, of: review).isEmpty ? mask : mask | (1 << part.rawValue) }
    }
}
