import Foundation

/// Turns the bytes of one source image into its variants: checked first (size, header
/// dimensions, that it is what its extension says), then decoded once, shrunk on load to the
/// largest variant, and every smaller variant made from that in memory.
struct ImageProcessor: Sendable {
    var settings = ImageSettings.standard

    /// The name every variant of these bytes shares: a hash of the bytes and of the settings.
    func key(of data: Data) -> String {
        var hash = ContentHash()
        hash.combine(settings.fingerprint)
        hash.combine(data)
        return hash.hex
    }

    /// Checks the bytes without decoding a pixel: what `process` refuses before decoding.
    func inspect(_ data: Data, declared: ImageFormat) -> Result<(width: Int, height: Int), ImageProblem> {
        guard data.count <= settings.maxBytes else { return .failure(.tooManyBytes(data.count, limit: settings.maxBytes)) }
        do { try Vips.start() } catch { return .failure(.damaged((error as? Vips.Failure)?.reason ?? "libvips did not start")) }
        let (actual, known) = Vips.format(of: data)
        guard let actual else { return .failure(known ? .unsupported(declared: declared) : .notAnImage) }
        guard actual == declared else { return .failure(.wrongFormat(actual: actual, declared: declared)) }
        let size: (width: Int, height: Int)
        do { size = try Vips.dimensions(of: data) } catch { return .failure(.damaged((error as? Vips.Failure)?.reason ?? "unreadable header")) }
        guard size.width > 0, size.height > 0, size.width * size.height <= settings.maxPixels else {
            return .failure(.tooManyPixels(width: size.width, height: size.height, limit: settings.maxPixels))
        }
        return .success(size)
    }

    /// The variants' descriptions and bytes (by file name, no folder), or why there are none.
    func process(_ data: Data, declared: ImageFormat) -> Result<(ProcessedImage, [String: [UInt8]]), ImageProblem> {
        let size: (width: Int, height: Int)
        switch inspect(data, declared: declared) {
        case .failure(let problem): return .failure(problem)
        case .success(let found): size = found
        }
        let key = key(of: data)
        let widths = settings.variantWidths(forWidth: size.width)
        do {
            let largest = try Vips.decode(data, width: widths.last ?? size.width)
            var image = ProcessedImage(width: size.width, height: size.height, format: declared, own: [], webp: [], social: nil)
            var files: [String: [UInt8]] = [:]
            func add(_ picture: Vips.Image, _ format: ImageFormat, suffix: String) throws -> ImageVariant {
                let name = "\(key)-\(suffix).\(format.fileExtension)"
                files[name] = try Vips.encode(picture, as: format, quality: format == .webp ? settings.webpQuality : settings.jpegQuality)
                return ImageVariant(path: "images/" + name, width: picture.width, height: picture.height, format: format)
            }
            // Largest first: each variant is shrunk from the decoded image, never from a smaller one.
            for width in widths.reversed() {
                let picture = try Vips.shrink(largest, width: width)
                if declared != .webp { image.own.insert(try add(picture, declared, suffix: "\(picture.width)"), at: 0) }
                image.webp.insert(try add(picture, .webp, suffix: "\(picture.width)"), at: 0)
            }
            let card = try Vips.shrink(largest, width: settings.socialWidth)
            image.social = try add(card, .jpeg, suffix: "social")
            return .success((image, files))
        } catch {
            return .failure(.damaged((error as? Vips.Failure)?.reason ?? "\(error)"))
        }
    }
}
