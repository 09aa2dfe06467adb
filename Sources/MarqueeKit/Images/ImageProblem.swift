/// Why an image cannot be resized, as the writer is told at its `image:` line.
enum ImageProblem: Error, Equatable, Sendable {
    case unreadable(String)
    case tooManyBytes(Int, limit: Int)
    case tooManyPixels(width: Int, height: Int, limit: Int)
    case notAnImage
    /// libvips knows the format but Marquee does not resize it (a GIF named poster.jpg).
    case unsupported(declared: ImageFormat)
    case wrongFormat(actual: ImageFormat, declared: ImageFormat)
    case damaged(String)

    /// The message and the hint of the diagnostic, for the image written `name`.
    func explained(_ name: String) -> (message: String, hint: String) {
        switch self {
        case .unreadable(let why):
            return ("image '\(name)' cannot be read: \(why)", "check the file's permissions")
        case .tooManyBytes(let size, let limit):
            return ("image '\(name)' is \(size >> 20) MB, more than the \(limit >> 20) MB Marquee resizes",
                    "export it smaller (a poster needs no more than 2000 pixels wide)")
        case .tooManyPixels(let width, let height, let limit):
            return ("image '\(name)' is \(width) × \(height) pixels, more than the \(limit / 1_000_000) megapixels Marquee decodes",
                    "scale it down (a poster needs no more than 2000 pixels wide); a tiny file this large is a decompression bomb")
        case .notAnImage:
            return ("image '\(name)' is not an image Marquee can read", "export it again as JPEG, PNG or WebP")
        case .unsupported(let declared):
            return ("image '\(name)' is not a \(declared.name) file, whatever its extension says",
                    "export it as JPEG, PNG or WebP with the matching extension")
        case .wrongFormat(let actual, let declared):
            return ("image '\(name)' is a \(actual.name) file, not the \(declared.name) its extension says",
                    "rename it to end in .\(actual.fileExtension), or export it as \(declared.name)")
        case .damaged(let why):
            return ("image '\(name)' is damaged or truncated: \(why)", "export the image again from its original")
        }
    }
}
