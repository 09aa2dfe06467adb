/// An old address of a review or page (`aliases:` in its front matter), where the build writes a
/// page that sends readers and search engines on to the new one.
public struct Alias: Hashable, Sendable {
    /// The file written, relative to the output folder: "2012/03/24/a-separation/index.html".
    public var file: String
    /// The address as it is served, relative to the base URL, percent-encoded: "2012/03/24/a-separation/".
    public var url: String
    /// Where the writer typed it.
    public var location: SourceLocation
}
