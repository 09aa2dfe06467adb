import Foundation

/// What `marquee build` was asked to do.
public struct BuildOptions: Sendable {
    public var sourceDirectory: URL
    public var outputDirectory: URL
    public var baseURLOverride: String?
    public var includeDrafts = false
    public var includeFuture = false
    /// Replace an output folder that Marquee did not create.
    public var force = false
    /// Treat warnings as errors.
    public var strict = false
    /// Keep a build cache in the site folder (`.marquee/`) and use it: a build after edits
    /// to review bodies only then patches the last build's files instead of building the site.
    public var useCache = true
    /// Seconds since 1970 that "future" is measured from; the current time unless a test fixes it.
    public var now: Int64 = Int64(Date().timeIntervalSince1970)

    /// How long a build waits for another build of the same output folder to finish.
    public var lockTimeout: Double = 600
    /// Marked with each stage and page as the build goes, for a progress line and `--verbose`.
    public var progress: BuildProgress?
    /// Told once, with the other build's process id, when a build has to wait for it.
    public var waitingForOtherBuild: @Sendable (Int32?) -> Void = { _ in }

    public init(sourceDirectory: URL, outputDirectory: URL? = nil) {
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory ?? sourceDirectory.appendingPathComponent("public")
    }

    var publishing: PublishingOptions {
        PublishingOptions(includeDrafts: includeDrafts, includeFuture: includeFuture, now: now)
    }
}

/// What a successful build did.
public struct BuildReport: Sendable {
    public var pagesWritten: Int
    public var filesWritten: Int
    /// Warnings (a successful build has no errors).
    public var diagnostics: [Diagnostic]
    /// The base URL the site was built for.
    public var baseURL: String
    /// The last build's files were patched from the build cache (only review bodies changed).
    public var reusedCache = false
    /// Images decoded and resized by this build, and images whose variants came from `.marquee/images/`.
    public var imagesProcessed = 0
    public var imagesReused = 0
    /// What the build made in memory (the site, its pages' checks, its jobs), held here so that a
    /// command that exits right after the build can exit without taking it apart, as compilers
    /// do (clang's `-disable-free`): freeing 200 MB of small objects one by one takes a tenth of a
    /// second on one core at 10,000 reviews. Released normally when the report is.
    public var retained: RetainedValues?

    public init(pagesWritten: Int, filesWritten: Int, diagnostics: [Diagnostic], baseURL: String, reusedCache: Bool = false) {
        self.pagesWritten = pagesWritten
        self.filesWritten = filesWritten
        self.diagnostics = diagnostics
        self.baseURL = baseURL
        self.reusedCache = reusedCache
    }
}

/// A site rendered in memory: its files, the warnings of the build, and the base URL it was built for.
public struct RenderedSite: Sendable {
    public var files: [OutputFile]
    public var warnings: [Diagnostic]
    public var baseURL: String
}

/// Values kept alive on purpose (see `BuildReport.retained`). Never read.
public final class RetainedValues: @unchecked Sendable {
    private let values: [Any]

    init(_ values: [Any]) {
        self.values = values
    }
}
