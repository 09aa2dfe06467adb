import CMarqueeVips
import CVips // links libvips (its module map names the libraries)
import Foundation

/// The calls Marquee makes to libvips (through the plain wrappers of CMarqueeVips), as Swift
/// values and errors. libvips is started once, with bounded caches.
enum Vips {
    struct Failure: Error, Sendable {
        /// libvips' own words, first line only.
        let reason: String
    }

    /// A decoded image in memory; released when dropped.
    final class Image: @unchecked Sendable {
        let pointer: OpaquePointer
        init(_ pointer: OpaquePointer) { self.pointer = pointer }
        deinit { marquee_vips_release(pointer) }
        var width: Int { Int(marquee_vips_width(pointer)) }
        var height: Int { Int(marquee_vips_height(pointer)) }
    }

    /// One worker thread per image: the build decodes one image per core at a time, so memory
    /// stays a few decoded images per core. libvips' operation cache is kept small for the same reason.
    private static let started: Bool = marquee_vips_start(1, 64 << 20, 100) == 0

    static func start() throws {
        guard started else { throw Failure(reason: takeError() ?? "libvips could not start") }
    }

    /// The format libvips recognises in the bytes, nil when none it resizes.
    static func format(of data: Data) -> (format: ImageFormat?, known: Bool) {
        let loader = data.withUnsafeBytes { marquee_vips_loader($0.baseAddress, $0.count) }
        guard let loader else { return (nil, false) }
        return (ImageFormat(loader: String(cString: loader)), true)
    }

    /// Width and height from the header, no pixel decoded.
    static func dimensions(of data: Data) throws -> (width: Int, height: Int) {
        var width: Int32 = 0, height: Int32 = 0
        let status = data.withUnsafeBytes { marquee_vips_header($0.baseAddress, $0.count, &width, &height) }
        guard status == 0 else { throw failure("unreadable header") }
        return (Int(width), Int(height))
    }

    /// Decoded whole, shrunk on load to at most `width` wide.
    static func decode(_ data: Data, width: Int) throws -> Image {
        let pointer = data.withUnsafeBytes { marquee_vips_decode($0.baseAddress, $0.count, Int32(width)) }
        guard let pointer else { throw failure("the image could not be decoded") }
        return Image(pointer)
    }

    static func shrink(_ image: Image, width: Int) throws -> Image {
        guard width < image.width else { return image }
        guard let pointer = marquee_vips_shrink(image.pointer, Int32(width)) else { throw failure("the image could not be resized") }
        return Image(pointer)
    }

    static func encode(_ image: Image, as format: ImageFormat, quality: Int) throws -> [UInt8] {
        let code: Int32 = switch format {
        case .jpeg: Int32(MARQUEE_JPEG)
        case .png: Int32(MARQUEE_PNG)
        case .webp: Int32(MARQUEE_WEBP)
        }
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        guard marquee_vips_save(image.pointer, code, Int32(quality), &bytes, &length) == 0, let bytes else {
            throw failure("the image could not be encoded as \(format.name)")
        }
        defer { marquee_vips_free(bytes) }
        return Array(UnsafeRawBufferPointer(start: bytes, count: length))
    }

    private static func failure(_ fallback: String) -> Failure {
        Failure(reason: takeError() ?? fallback)
    }

    /// libvips' error buffer, emptied: its first meaningful line.
    private static func takeError() -> String? {
        guard let text = marquee_vips_take_error() else { return nil }
        defer { marquee_vips_free(text) }
        let lines = String(cString: text).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.first
    }
}
