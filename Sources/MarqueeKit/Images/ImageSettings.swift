/// How posters and body images are resized: the widths of the variants, their formats and
/// qualities, and the limits on what is decoded at all. Its `fingerprint` goes into every
/// variant's name, so a change of settings never serves an old file under a new meaning.
struct ImageSettings: Sendable {
    /// Widths of the variants, smallest first; an image narrower than one gets its own width instead.
    var widths = [320, 640, 960, 1280]
    /// The social card's width (og:image, twitter:image): what Facebook, X and LinkedIn show best.
    var socialWidth = 1200
    var jpegQuality = 80
    var webpQuality = 75
    /// Larger images are refused from their header, before a pixel is decoded: a 30,000 × 30,000
    /// PNG of a few kilobytes (a decompression bomb) would need 2.7 GB.
    var maxPixels = 100_000_000
    /// Larger files are refused unread.
    var maxBytes = 64 << 20

    static let standard = ImageSettings()

    /// The widths an image `width` pixels wide is resized to: never enlarged, the largest being
    /// the image's own width when it is narrower than the largest of `widths`.
    func variantWidths(forWidth width: Int) -> [Int] {
        var result = widths.filter { $0 < width }
        if let largest = widths.last { result.append(min(width, largest)) }
        return Array(Set(result)).sorted()
    }

    var fingerprint: String {
        "v1 " + widths.map(String.init).joined(separator: ",") + " s\(socialWidth) j\(jpegQuality) w\(webpQuality)"
    }
}
