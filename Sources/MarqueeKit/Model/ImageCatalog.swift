/// One resized file of an image: its name in the output's `images/` folder and its size.
public struct ImageVariant: Sendable, Equatable {
    /// "images/3fa2c1d0e9b87a65-640.webp": the hash of the source's bytes and the settings.
    public var path: String
    public var width: Int
    public var height: Int
    var format: ImageFormat
}

/// What a source image (a poster, a still in a body) became: its variants in its own format and
/// in WebP, and the social card (a JPEG for og:image).
public struct ProcessedImage: Sendable, Equatable {
    /// The source's own dimensions.
    public var width: Int
    public var height: Int
    var format: ImageFormat
    /// Smallest first; `own` is empty for a WebP source (its variants are `webp`).
    public var own: [ImageVariant]
    public var webp: [ImageVariant]
    public var social: ImageVariant?

    /// The largest variant in the source's own format (WebP for a WebP source): the `src`.
    var fallback: ImageVariant? { (own.isEmpty ? webp : own).last }
    var allVariants: [ImageVariant] { own + webp + (social.map { [$0] } ?? []) }
}

/// Every image of a build that was resized, by its path in the site folder
/// ("content/reviews/baran/poster.jpg", "static/posters/baran.jpg"), and the files to write.
public struct ImageCatalog: Sendable {
    public var images: [String: ProcessedImage] = [:]
    /// The output file of each variant: made this build, or copied from `.marquee/images/`.
    var files: [(path: String, content: OutputFile.Content, origin: String)] = []
    /// How many images were decoded and resized by this build (the others came from the cache).
    public var processed = 0
    public var reused = 0
    /// The names of the stamps (`ImageStore.knownKey`) of this build's source files, which the
    /// store keeps.
    var stamps = Set<String>()
    /// The store the files are copied from, and this build's lock on it, kept until the catalog
    /// goes (see `ImageStoreHold`); nil when the build keeps no store.
    var storeDirectory: String?
    var storeHold: ImageStoreHold?

    public init() {}
}
