import Foundation

/// What `marquee build` keeps between runs (in `<site>/.marquee/`) so that the next build,
/// after an edit to review bodies only, can put the new bodies into the files of the last build
/// instead of building the site again (`CachedRebuild`).
///
/// It describes one output folder as the last full build left it: the sources it was built from
/// (stamps), each published review's front-matter fingerprint, and where in which
/// file each part of each review's body sits (`MarkedRange`). It is written only after a build
/// succeeded, removed (full build) or set aside (patching build) before any file it describes is
/// changed, and ignored when anything it was made under differs (Marquee's version and executable,
/// the options, the folders).
struct BuildCache {
    /// Everything the cache was made under; a build under anything else ignores it.
    struct Key: Equatable {
        static let currentFormat = 5 // 4: headings; 5: search digests
        var format = currentFormat
        /// Marquee's version and the stamp of the executable that wrote the cache.
        var marquee: String
        var source: String
        var output: String
        var baseURLOverride: String?
        var includeDrafts: Bool
        var includeFuture: Bool
        var strict: Bool
    }

    struct ReviewEntry: Equatable {
        var source: String
        var frontMatterDigest: UInt64
        /// The body's headings (a table of contents shows them, unmarked): other headings need the
        /// pages rendered.
        var headingsDigest: UInt64
        /// Some file shows a part of its body in a way that cannot be redone without rendering.
        var unreadable: Bool
        /// Which parts (`1 << BodyMarks.Part.rawValue`) were not empty: a mark is never empty, so
        /// a part that becomes empty, or stops being so, needs the pages rendered.
        var nonEmptyParts: Int
        /// The terms its excerpt gives the search index (`SearchIndex.excerptDigest`; 0 with
        /// `search: false`): an edit that changes them changes the index, which is not patched.
        var searchDigest: UInt64
        /// Indexes into `files` of the files showing parts of its body.
        var files: [Int]
    }

    struct FileEntry: Equatable {
        var path: String
        /// As the last build left it: a file changed since is not patched.
        var stamp: SourceStamp
        var ranges: [MarkedRange]
    }

    var key: Key
    /// The earliest date (seconds since 1970) of a review read but not yet published or marked as
    /// scheduled: once it passes, the site changes without any edit.
    var nextDate: Int64?
    /// The time reviews were published against (`BuildOptions.now`): an earlier one may unpublish some.
    var builtAt: Int64
    /// The warnings of the last build, shown again by a build that reuses it.
    var warnings: [Diagnostic]
    /// The sources as listed before the last build (`SourceStamps.list`).
    var inputs: EntryTable<InputEntry>
    /// By review index; decoded one by one when asked for (a build reads a few of 10,000).
    var reviews: EntryTable<ReviewEntry>
    var files: EntryTable<FileEntry>
    var pagesBuilt: Int
    var baseURL: String
    /// Random, new with every full write: names the cache a journal applies to.
    var generation: UInt64 = 0

    /// One cache per output folder (`<site>/.marquee/build-<hash of the output path>`): a build
    /// into another folder neither uses nor disturbs it.
    static func location(for options: BuildOptions) -> URL {
        var hash = StableHash()
        hash.combine(options.outputDirectory.standardizedFileURL.path)
        return options.sourceDirectory.appendingPathComponent(".marquee").appendingPathComponent(String(format: "build-%016llx", hash.value))
    }

    /// The executable's stamp: a rebuilt Marquee of the same version may render differently.
    static func marqueeIdentity() -> String {
        var info = stat()
        // stat follows /proc/self/exe to the executable itself.
        guard stat("/proc/self/exe", &info) == 0 || stat(CommandLine.arguments.first ?? "", &info) == 0 else { return UUID().uuidString } // never matches: no cache
        let stamp = SourceStamp(info)
        return "\(MarqueeVersion.string) \(stamp.size) \(stamp.modified) \(stamp.inode)"
    }

    static func key(for options: BuildOptions) -> Key {
        Key(marquee: marqueeIdentity(), source: options.sourceDirectory.standardizedFileURL.path,
            output: options.outputDirectory.standardizedFileURL.path, baseURLOverride: options.baseURLOverride,
            includeDrafts: options.includeDrafts, includeFuture: options.includeFuture, strict: options.strict)
    }

    /// The index of the review read from `source`, if it was published.
    func review(source: String) -> Int? {
        let bytes = Array(source.utf8)
        return bytes.withUnsafeBufferPointer { name in reviews.firstIndex { reader in reader.skipPath(folder: "", name: name, isFolder: false) } }
    }

    // MARK: Reading and writing
    //
    // A full build writes the whole cache. A second build that patched files writes only a journal
    // beside it (`<cache>.journal`: the entries it replaced, tagged with the cache's generation),
    // which the next load applies: a few hundred bytes instead of megabytes. While files are being
    // patched the cache is renamed to `<cache>.busy`, so a build stopped halfway leaves no cache.

    static func load(from url: URL) -> BuildCache? {
        guard let bytes = readFile(url.path) else { return nil }
        var reader = ByteReader(bytes)
        guard var cache = try? decode(&reader) else { return nil }
        if let journal = readFile(url.path + ".journal") {
            var reader = ByteReader(journal)
            // A journal written for an earlier generation is left over from before a full write: ignored.
            guard let generation = try? reader.uint64() else { return nil }
            if generation == cache.generation {
                do {
                    try cache.inputs.applyReplacements(&reader)
                    try cache.reviews.applyReplacements(&reader)
                    try cache.files.applyReplacements(&reader)
                } catch { return nil }
            }
        }
        return cache
    }

    /// The whole cache, atomically (a temporary file, then a rename), with a new generation.
    mutating func write(to url: URL) throws {
        generation = UInt64.random(in: 1...UInt64.max)
        var writer = ByteWriter()
        writer.reserve(4 << 20)
        encode(&writer)
        try Self.writeFile(writer.bytes, to: url)
        unlink(url.path + ".journal")
        unlink(url.path + ".busy")
    }

    /// Puts the cache out of use while the files it describes change (see `resume`).
    static func suspend(at url: URL) -> Bool {
        rename(url.path, url.path + ".busy") == 0
    }

    /// Back in use, with the entries replaced since it was loaded written to the journal (or the
    /// whole cache written again once the journal would be large).
    mutating func resume(at url: URL) throws {
        var journal = ByteWriter()
        journal.uint64(generation)
        inputs.encodeReplacements(&journal)
        reviews.encodeReplacements(&journal)
        files.encodeReplacements(&journal)
        if journal.bytes.count > 1 << 20 {
            try write(to: url)
            return
        }
        try Self.writeFile(journal.bytes, to: URL(fileURLWithPath: url.path + ".journal"))
        guard rename(url.path + ".busy", url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    static func remove(at url: URL) {
        for suffix in ["", ".journal", ".busy"] { unlink(url.path + suffix) }
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0, info.st_size < 1 << 32 else { return nil }
        let size = Int(info.st_size)
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size, let base = buffer.baseAddress {
                let got = read(descriptor, base + done, size - done)
                if got <= 0 { break }
                done += got
            }
            count = done
        }
        return bytes.count == size ? bytes : nil
    }

    private static func writeFile(_ bytes: [UInt8], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard AtomicFile.write(bytes, to: url.path) else { throw CocoaError(.fileWriteUnknown) }
    }

    private static let magic = "marquee-build-cache\n"

    func encode(_ out: inout ByteWriter) {
        out.string(Self.magic)
        out.int(key.format)
        out.uint64(generation)
        out.string(key.marquee)
        out.string(key.source)
        out.string(key.output)
        out.optionalString(key.baseURLOverride)
        out.int((key.includeDrafts ? 1 : 0) | (key.includeFuture ? 2 : 0) | (key.strict ? 4 : 0))
        out.int(nextDate.map { Int($0) + 1 } ?? 0) // 0: none
        out.int(Int(builtAt))
        out.int(pagesBuilt)
        out.string(baseURL)
        out.int(warnings.count)
        for warning in warnings {
            out.string(warning.severity.rawValue)
            out.string(warning.location.path)
            out.int(warning.location.line)
            out.int(warning.location.column)
            out.string(warning.message)
            out.optionalString(warning.hint)
            out.string(warning.stage.rawValue)
        }
        inputs.encode(&out)
        reviews.encode(&out)
        files.encode(&out)
    }

    static func decode(_ input: inout ByteReader) throws -> BuildCache {
        guard try input.string() == magic, try input.int() == Key.currentFormat else { throw ByteReader.Malformed() }
        let generation = try input.uint64()
        var key = Key(marquee: try input.string(), source: try input.string(), output: try input.string(),
                      baseURLOverride: try input.optionalString(), includeDrafts: false, includeFuture: false, strict: false)
        let flags = try input.int()
        key.includeDrafts = flags & 1 != 0
        key.includeFuture = flags & 2 != 0
        key.strict = flags & 4 != 0
        let next = try input.int()
        let builtAt = Int64(try input.int())
        let pagesBuilt = try input.int()
        let baseURL = try input.string()
        var warnings: [Diagnostic] = []
        for _ in 0..<(try input.count()) {
            let severity = Diagnostic.Severity(rawValue: try input.string())
            let location = SourceLocation(path: try input.string(), line: try input.int(), column: try input.int())
            let message = try input.string()
            let hint = try input.optionalString()
            guard let severity, let stage = Diagnostic.Stage(rawValue: try input.string()) else { throw ByteReader.Malformed() }
            warnings.append(Diagnostic(severity, at: location, message, hint: hint, stage: stage))
        }
        let inputs = try EntryTable<InputEntry>(decoding: &input)
        let reviews = try EntryTable<ReviewEntry>(decoding: &input)
        let files = try EntryTable<FileEntry>(decoding: &input)
        guard input.isAtEnd else { throw ByteReader.Malformed() }
        return BuildCache(key: key, nextDate: next == 0 ? nil : Int64(next - 1), builtAt: builtAt, warnings: warnings,
                          inputs: inputs, reviews: reviews, files: files, pagesBuilt: pagesBuilt, baseURL: baseURL,
                          generation: generation)
    }
}

/// A value the cache stores in an `EntryTable`.
protocol CacheEntry {
    func encode(_ out: inout ByteWriter)
    static func decode(_ input: inout ByteReader) throws -> Self
}

/// One source file or folder and its stamp.
struct InputEntry: CacheEntry, Equatable {
    var path: String
    var stamp: SourceStamp

    func encode(_ out: inout ByteWriter) {
        out.string(path)
        out.stamp(stamp)
    }

    static func decode(_ input: inout ByteReader) throws -> Self {
        Self(path: try input.string(), stamp: try input.stamp())
    }
}

extension EntryTable where Entry == InputEntry {
    init(_ listing: SourceStamps.Listing) {
        self.init(listing.map { InputEntry(path: $0.path, stamp: $0.stamp) })
    }

    /// Why the sources now cannot be proved to differ from the listing by edited files only.
    struct Unprovable: Error {
        var reason: String
    }

    /// The sources now, compared with the listing entry by entry as the folders are read: the
    /// entries whose stamp changed (index, path, new stamp). Throws when the change may be one a
    /// re-read file does not show: the folders no longer hold the same names in the same order (a
    /// file added, removed or renamed); an entry's type or permissions changed (a file made
    /// unreadable, replaced by a folder or a FIFO); or any entry is a symbolic link, or something
    /// other than a file or a folder (whether a full build follows a link depends on its target,
    /// which its stamp does not describe). Builds no path for an entry that matches.
    func changes(in root: URL) throws(Unprovable) -> [(index: Int, path: String, stamp: SourceStamp)] {
        var cursor = 0
        var problem: String?
        var changed: [(index: Int, path: String, stamp: SourceStamp)] = []
        func path(_ folder: String, _ name: UnsafeBufferPointer<UInt8>) -> String {
            (folder.isEmpty ? "" : folder + "/") + String(decoding: name, as: UTF8.self)
        }
        SourceStamps.walk(root) { folder, name, stamp, isFolder in
            guard problem == nil else { return }
            guard cursor < count else { problem = "files were added, removed or renamed"; return }
            var reader = reader(at: cursor)
            guard reader.skipPath(folder: folder, name: name, isFolder: isFolder), let stored = try? reader.stamp() else {
                problem = "files were added, removed or renamed"
                return
            }
            guard !stamp.isLink else { problem = "\(path(folder, name)) is a symbolic link"; return }
            guard isFolder || stamp.isRegularFile else { problem = "\(path(folder, name)) is not a plain file"; return }
            let old = self[replacedAt: cursor]?.stamp ?? stored
            guard stamp.mode == old.mode else { problem = "the permissions of \(path(folder, name)) changed"; return }
            if !isFolder, old != stamp { changed.append((cursor, self[replacedAt: cursor]?.path ?? path(folder, name), stamp)) }
            cursor += 1
        }
        if let problem { throw Unprovable(reason: problem) }
        guard cursor == count else { throw Unprovable(reason: "files were added, removed or renamed") }
        return changed
    }
}

extension BuildCache.ReviewEntry: CacheEntry {
    func encode(_ out: inout ByteWriter) {
        out.string(source)
        out.uint64(frontMatterDigest)
        out.uint64(headingsDigest)
        out.int(unreadable ? 1 : 0)
        out.int(nonEmptyParts)
        out.uint64(searchDigest)
        out.int(files.count)
        for file in files { out.int(file) }
    }

    static func decode(_ input: inout ByteReader) throws -> Self {
        let source = try input.string()
        let digest = try input.uint64()
        let headingsDigest = try input.uint64()
        let unreadable = try input.int() != 0
        let nonEmptyParts = try input.int()
        let searchDigest = try input.uint64()
        var files: [Int] = []
        for _ in 0..<(try input.count()) { files.append(try input.int()) }
        return Self(source: source, frontMatterDigest: digest, headingsDigest: headingsDigest, unreadable: unreadable, nonEmptyParts: nonEmptyParts,
                    searchDigest: searchDigest, files: files)
    }
}

extension BuildCache.FileEntry: CacheEntry {
    func encode(_ out: inout ByteWriter) {
        out.string(path)
        out.stamp(stamp)
        out.int(ranges.count)
        for range in ranges {
            out.int(range.offset)
            out.int(range.length)
            out.int(range.id)
            out.int(Int(range.encoding.rawValue))
        }
    }

    static func decode(_ input: inout ByteReader) throws -> Self {
        let path = try input.string()
        let stamp = try input.stamp()
        var ranges: [MarkedRange] = []
        for _ in 0..<(try input.count()) {
            let offset = try input.int(), length = try input.int(), id = try input.int()
            guard let encoding = BodyMarks.Encoding(rawValue: UInt8(truncatingIfNeeded: try input.int())) else { throw ByteReader.Malformed() }
            ranges.append(MarkedRange(offset: offset, length: length, id: id, encoding: encoding))
        }
        return Self(path: path, stamp: stamp, ranges: ranges)
    }
}

/// Entries stored encoded, one after another, with the offset of each: loading the cache costs a
/// copy of the bytes, and only the entries a build asks for are decoded. Entries replaced are
/// encoded again when the table is written; the others are copied as they are.
struct EntryTable<Entry: CacheEntry> {
    private var blob: [UInt8]
    private var offsets: [Int] // count + 1
    private var replaced: [Int: Entry] = [:]

    init(_ entries: [Entry]) {
        var writer = ByteWriter()
        var offsets = [0]
        for entry in entries {
            entry.encode(&writer)
            offsets.append(writer.bytes.count)
        }
        blob = writer.bytes
        self.offsets = offsets
    }

    /// Shares the reader's bytes (no copy): the offsets point into them.
    init(decoding input: inout ByteReader) throws {
        let count = try input.count()
        var lengths: [Int] = []
        lengths.reserveCapacity(count)
        for _ in 0..<count { lengths.append(try input.count()) }
        let (bytes, start) = try input.skip(lengths.reduce(0, +))
        var offsets = [start]
        offsets.reserveCapacity(count + 1)
        for length in lengths { offsets.append((offsets.last ?? start) + length) }
        blob = bytes
        self.offsets = offsets
    }

    var count: Int { offsets.count - 1 }

    subscript(index: Int) -> Entry? {
        get {
            if let entry = replaced[index] { return entry }
            guard index >= 0, index < count else { return nil }
            var reader = reader(at: index)
            return try? Entry.decode(&reader)
        }
    }

    mutating func replace(_ index: Int, with entry: Entry) {
        replaced[index] = entry
    }

    subscript(replacedAt index: Int) -> Entry? { replaced[index] }

    /// Reads entry `index` as it was stored (not as replaced since).
    func reader(at index: Int) -> ByteReader {
        ByteReader(blob, from: offsets[index], to: offsets[index + 1])
    }

    /// The entries replaced since the table was read or made (for the journal).
    func encodeReplacements(_ out: inout ByteWriter) {
        out.int(replaced.count)
        for (index, entry) in replaced.sorted(by: { $0.key < $1.key }) {
            out.int(index)
            entry.encode(&out)
        }
    }

    mutating func applyReplacements(_ input: inout ByteReader) throws {
        for _ in 0..<(try input.count()) {
            let index = try input.int()
            guard index >= 0, index < count else { throw ByteReader.Malformed() }
            replaced[index] = try Entry.decode(&input)
        }
    }

    /// The first entry, as stored, for which `matches` (reading from the entry's start) says yes.
    func firstIndex(where matches: (inout ByteReader) -> Bool) -> Int? {
        for index in 0..<count {
            var reader = reader(at: index)
            if matches(&reader) { return index }
        }
        return nil
    }

    func encode(_ out: inout ByteWriter) {
        var encoded: [Int: [UInt8]] = [:]
        for (index, entry) in replaced {
            var writer = ByteWriter()
            entry.encode(&writer)
            encoded[index] = writer.bytes
        }
        out.int(count)
        for index in 0..<count { out.int(encoded[index]?.count ?? offsets[index + 1] - offsets[index]) }
        // Runs of unchanged entries are copied in one go.
        var runStart = 0
        for index in encoded.keys.sorted() {
            out.raw(blob[offsets[runStart]..<offsets[index]])
            out.raw(encoded[index] ?? [])
            runStart = index + 1
        }
        out.raw(blob[offsets[runStart]..<offsets[count]])
    }
}

/// Appends numbers (LEB128, zigzag for signed) and length-prefixed UTF-8 strings.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func reserve(_ capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func uint64(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func int(_ value: Int) {
        uint64(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
    }

    mutating func string(_ text: String) {
        int(text.utf8.count)
        bytes += text.utf8
    }

    mutating func raw<Bytes: Sequence>(_ more: Bytes) where Bytes.Element == UInt8 {
        bytes += more
    }

    mutating func optionalString(_ text: String?) {
        int(text == nil ? 0 : 1)
        if let text { string(text) }
    }

    mutating func stamp(_ stamp: SourceStamp) {
        int(Int(stamp.modified))
        int(Int(stamp.size))
        uint64(stamp.inode)
        uint64(UInt64(stamp.mode) | (stamp.isLink ? 1 << 32 : 0))
    }
}

/// Reads what `ByteWriter` wrote; throws on anything short or out of range (a damaged cache is
/// ignored, never trusted).
struct ByteReader {
    struct Malformed: Error {}
    private let bytes: [UInt8]
    private var index: Int
    private let end: Int

    init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        index = start
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var isAtEnd: Bool { index == end }
    /// Where the next read starts.
    var offset: Int { index }

    /// Moves past `count` bytes; returns the whole buffer (shared, not copied) and where they start.
    mutating func skip(_ count: Int) throws -> (bytes: [UInt8], start: Int) {
        guard count >= 0, count <= end - index else { throw Malformed() }
        defer { index += count }
        return (bytes, index)
    }

    mutating func uint64() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard index < end, shift < 64 else { throw Malformed() }
            let byte = bytes[index]
            index += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let raw = try uint64()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A count of items that follow: never more than the bytes left could hold.
    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= end - index else { throw Malformed() }
        return value
    }

    mutating func string() throws -> String {
        let length = try count()
        defer { index += length }
        return String(decoding: bytes[index..<index + length], as: UTF8.self)
    }

    /// Reads a string and tells whether it is `folder/name` (`name` alone when `folder` is empty),
    /// with a final "/" for a folder, without making it a String.
    mutating func skipPath(folder: String, name: UnsafeBufferPointer<UInt8>, isFolder: Bool) -> Bool {
        guard let length = try? count() else { return false }
        let start = index
        index += length
        var expected = folder.utf8.count + name.count + (folder.isEmpty ? 0 : 1) + (isFolder ? 1 : 0)
        guard expected == length else { return false }
        expected = start
        for byte in folder.utf8 {
            guard bytes[expected] == byte else { return false }
            expected += 1
        }
        if !folder.isEmpty {
            guard bytes[expected] == UInt8(ascii: "/") else { return false }
            expected += 1
        }
        for byte in name {
            guard bytes[expected] == byte else { return false }
            expected += 1
        }
        return !isFolder || bytes[expected] == UInt8(ascii: "/")
    }

    mutating func optionalString() throws -> String? {
        try int() == 0 ? nil : try string()
    }

    mutating func stamp() throws -> SourceStamp {
        let modified = Int64(try int()), size = Int64(try int()), inode = try uint64(), mode = try uint64()
        return SourceStamp(modified: modified, size: size, inode: inode, mode: UInt32(truncatingIfNeeded: mode), isLink: mode >> 32 != 0)
    }
}
