/// The raster formats Marquee resizes. Other images (SVG, GIF, AVIF…) are copied as they are.
enum ImageFormat: String, Sendable, Equatable {
    case jpeg, png, webp

    /// The format an `image:` path's extension says, nil for one Marquee does not resize.
    init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "jpg", "jpeg": self = .jpeg
        case "png": self = .png
        case "webp": self = .webp
        default: return nil
        }
    }

    /// From the name of the loader libvips picks for the bytes ("VipsForeignLoadJpegBuffer").
    init?(loader: String) {
        let name = loader.lowercased()
        if name.contains("jpeg") { self = .jpeg } else if name.contains("png") { self = .png } else if name.contains("webp") { self = .webp } else { return nil }
    }

    var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .webp: "webp"
        }
    }

    var mimeType: String { "image/\(rawValue)" }
    var name: String { rawValue.uppercased() }
}
