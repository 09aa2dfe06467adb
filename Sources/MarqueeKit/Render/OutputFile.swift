import Foundation

/// One file of the built site, not yet on disk: its path in the output folder and its bytes (or the
/// source file to copy them from). Render produces these; Write puts them on disk.
public struct OutputFile: Sendable {
    public enum Content: Sendable {
        /// Bytes made in memory (a rendered page, the feed), written as they are: an array, the
        /// renderer's own buffer, so that no page is copied into a `Data` on its way to disk.
        case bytes([UInt8])
        /// A file of the site folder copied as is (static files, review images).
        case copy(sourcePath: String)
        /// A file of Marquee's image store (`.marquee/images/…`, relative to the site folder). The
        /// store never changes a file in place (it writes a new one and renames it over), nor does
        /// any writer of the output, so a new build's output may hard-link it instead of copying.
        case stored(storePath: String)

        /// The bytes, read from the site folder for a copied file.
        func bytes(from source: any SiteFileSystem) throws -> Data {
            switch self {
            case .bytes(let bytes): return Data(bytes)
            case .copy(let sourcePath): return try source.contents(of: sourcePath)
            case .stored(let storePath):
                do { return try source.contents(of: storePath) } catch {
                    throw BuildFailure([.error(SourceLocation(path: storePath), "the image store lost this file during the build: \(SiteReader.describe(error))",
                                               hint: "another program removed it; build again, or with --no-cache", stage: .write)])
                }
            }
        }
    }

    /// Relative to the output folder, "/"-separated: "reviews/baran/index.html".
    public var path: String
    public var content: Content
    /// What produced it ("content/reviews/baran.md", "static/style.css"), to name both sides of a collision.
    public var origin: String
    /// For pages: when their content last changed (RFC 3339), for the sitemap. Never the build time.
    public var lastModified: String?

    public init(path: String, content: Content, origin: String, lastModified: String? = nil) {
        self.path = path
        self.content = content
        self.origin = origin
        self.lastModified = lastModified
    }
}
