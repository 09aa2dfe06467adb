import Foundation

/// The variants made by earlier builds, kept in `<site>/.marquee/images/` so that a second build
/// does no image work: each source's variants under the names `ImageProcessor` gives them, and
/// beside them `<key>.variants`, written last, listing them (a source is cached only once that
/// list is there and names files that all are).
struct ImageStore: Sendable {
    /// Relative to the site folder, for the output's copies; nil keeps nothing (in-memory builds).
    static let folder = ".marquee/images"
    /// The absolute path of `folder`, nil for none.
    let directory: String?
    /// This build's shared lock on the store (see `ImageStoreHold`), nil for none.
    let hold: ImageStoreHold?

    /// The plain files the store held when this build began, read in one pass over the folder:
    /// a cached build of 1,000 posters asks of 9,000 variants whether each is there, and an
    /// `lstat` each was a fifth of such a build's system time.
    private let plainFiles: Set<String>

    init(siteDirectory: String?) {
        directory = siteDirectory.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + Self.folder }
        // The lock first: a prune by another build finishes before the folder is listed.
        hold = directory.flatMap { ImageStoreHold(storeDirectory: $0) }
        plainFiles = directory.map(Self.plainFiles(in:)) ?? []
    }

    /// The names of the folder's plain files (not links, not folders), none when it cannot be read.
    static func plainFiles(in directory: String) -> Set<String> {
        var names = Set<String>()
        for (name, type) in DiskFileSystem.listing(directory) ?? [] {
            if type == UInt8(DT_REG) {
                names.insert(name)
            } else if type == UInt8(DT_UNKNOWN) { // a file system that does not say: ask
                var info = stat()
                if lstat("\(directory)/\(name)", &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { names.insert(name) }
            }
        }
        return names
    }

    /// The image whose variants the store holds under `key`, nil when any is missing. Only plain
    /// files count: the output hard-links them, and a symbolic link put here would reach the
    /// output as a link. Anything else makes the variants again.
    func cached(_ key: String) -> ProcessedImage? {
        guard let directory, plainFiles.contains("\(key).variants"),
              let data = FileManager.default.contents(atPath: "\(directory)/\(key).variants"),
              let image = Self.decode(String(decoding: data, as: UTF8.self)) else { return nil }
        for variant in image.allVariants where !plainFiles.contains(Self.fileName(variant)) { return nil }
        return image
    }

    /// Keeps the files, then the list. False when something could not be written (the build goes
    /// on: the next one makes the variants again).
    @discardableResult
    func keep(_ key: String, _ image: ProcessedImage, files: [String: [UInt8]]) -> Bool {
        guard let directory else { return false }
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch { return false }
        for (name, bytes) in files.sorted(by: { $0.key < $1.key }) where !Self.write(bytes, to: "\(directory)/\(name)") { return false }
        return Self.write(Array(Self.encode(image).utf8), to: "\(directory)/\(key).variants")
    }

    /// The key of the bytes a source file had when it was last resized, found from its stamp
    /// (size, time, inode) alone: a second build reads no poster to hash it. Only for a plain file
    /// (not a link), whose stamp changes with every save.
    func knownKey(ofFile diskPath: String?, settings: ImageSettings) -> (stamp: String, key: String?)? {
        guard let directory, let diskPath else { return nil }
        var info = stat()
        guard lstat(diskPath, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let stamp = SourceStamp(info)
        var hash = ContentHash()
        hash.combine("\(settings.fingerprint) \(diskPath) \(stamp.size) \(stamp.modified) \(stamp.inode) \(stamp.mode)")
        let name = hash.hex
        let key = plainFiles.contains("\(name).source")
            ? FileManager.default.contents(atPath: "\(directory)/\(name).source").map { String(decoding: $0, as: UTF8.self) } : nil
        return (name, key.flatMap { $0.count == 16 && $0.allSatisfy(\.isHexDigit) ? $0 : nil })
    }

    /// Remembers that the file of that stamp had bytes of that key.
    func remember(stamp: String, key: String) {
        guard let directory else { return }
        // The first build remembers too (before `keep` has made the folder), so the second reads no poster.
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = Self.write(Array(key.utf8), to: "\(directory)/\(stamp).source")
    }

    static func fileName(_ variant: ImageVariant) -> String {
        String(variant.path.dropFirst("images/".count))
    }

    // "marquee-image-variants 1", then "<width> <height> <format>", then one line a variant:
    // "<own|webp|social> <format> <width> <height> <path>".
    static func encode(_ image: ProcessedImage) -> String {
        var lines = ["marquee-image-variants 1", "\(image.width) \(image.height) \(image.format.rawValue)"]
        for (kind, variants) in [("own", image.own), ("webp", image.webp), ("social", image.social.map { [$0] } ?? [])] {
            for variant in variants { lines.append("\(kind) \(variant.format.rawValue) \(variant.width) \(variant.height) \(variant.path)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads `encode`'s text back, nil for anything else. On bytes, not `String`s: a cached build
    /// decodes one list per image, and splitting them as Characters cost 0.5 M instructions each.
    static func decode(_ text: String) -> ProcessedImage? {
        var text = text
        return text.withUTF8 { decode(bytes: $0) }
    }

    private static func decode(bytes: UnsafeBufferPointer<UInt8>) -> ProcessedImage? {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        func fields(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> [Slice<UnsafeBufferPointer<UInt8>>] {
            line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        }
        func number(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
            guard !field.isEmpty, field.count <= 9, field.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
            return field.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        func imageFormat(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> ImageFormat? {
            ImageFormat(rawValue: String(decoding: field, as: UTF8.self))
        }
        guard lines.count >= 2, lines[0].elementsEqual("marquee-image-variants 1".utf8) else { return nil }
        let size = fields(lines[1])
        guard size.count == 3, let width = number(size[0]), let height = number(size[1]), let format = imageFormat(size[2]) else { return nil }
        var image = ProcessedImage(width: width, height: height, format: format, own: [], webp: [], social: nil)
        let prefix = Array("images/".utf8)
        for line in lines.dropFirst(2) {
            let fields = fields(line)
            guard fields.count == 5, let variantFormat = imageFormat(fields[1]), let variantWidth = number(fields[2]), let variantHeight = number(fields[3]),
                  fields[4].starts(with: prefix), !zip(fields[4], fields[4].dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") })
            else { return nil }
            let variant = ImageVariant(path: String(decoding: fields[4], as: UTF8.self), width: variantWidth, height: variantHeight, format: variantFormat)
            switch String(decoding: fields[0], as: UTF8.self) {
            case "own": image.own.append(variant)
            case "webp": image.webp.append(variant)
            case "social": image.social = variant
            default: return nil
            }
        }
        return image
    }

    /// Removes every file of the store that none of `catalog`'s images uses: the variants and lists
    /// of images no longer in the site (or replaced by other bytes), the stamps of files no longer
    /// there or changed since, and temporary files a stopped build left. What cannot be removed stays, harmlessly.
    /// Skipped while another build of the site holds the store (its images may not be `catalog`'s);
    /// a later build prunes. False when skipped.
    @discardableResult
    static func prune(keeping catalog: ImageCatalog) -> Bool {
        guard let hold = catalog.storeHold, let directory = catalog.storeDirectory else { return false }
        return hold.exclusively { removeUnused(in: directory, keeping: catalog) }
    }

    private static func removeUnused(in directory: String, keeping catalog: ImageCatalog) {
        // Names compared as UTF-8 up to their first '-' or '.': all of them are Marquee's own,
        // ASCII hex keys, and a Character-wise split of 10,000 names cost more than the unlinks.
        func key(_ name: String) -> Substring.UTF8View {
            let bytes = name.utf8
            return bytes[..<(bytes.firstIndex { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") } ?? bytes.endIndex)]
        }
        var keys = Set<String>()
        for image in catalog.images.values {
            for variant in image.allVariants { keys.insert(String(Substring(key(fileName(variant))))) }
        }
        for (name, _) in DiskFileSystem.listing(directory) ?? [] {
            let keep: Bool
            if name.hasSuffix(".tmp") {
                keep = false
            } else if name.hasSuffix(".source") {
                keep = catalog.stamps.contains(String(name.dropLast(".source".count)))
            } else {
                keep = keys.contains(String(Substring(key(name))))
            }
            if !keep { unlink("\(directory)/\(name)") }
        }
    }

    /// A temporary file of its own (several images are kept at once), then a rename.
    private static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let temporary = path + ".\(UUID().uuidString).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { return false }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
