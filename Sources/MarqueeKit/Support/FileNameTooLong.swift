/// A path component taken from a writer's files (a slug, a taxonomy term, a taxonomy path) that no
/// file system can hold: ext4, APFS, NTFS and the others cap one file or folder name at 255 bytes of
/// UTF-8. Every such component becomes a folder of the output, so it is checked where the writer
/// typed it; unchecked, the build would fail only when writing, naming no source.
struct FileNameTooLong: Error, Equatable {
    static let limit = 255
    static let hint = "shorten it"

    /// What the value is, as a message names it: "the slug", "the tag".
    var what: String
    /// The value as the writer typed it (a term's name, not the slug made from it).
    var value: String
    /// The length, in bytes, of the file name it makes.
    var bytes: Int

    /// The problem with `component` (the name as written to disk) when it is too long; `value` is what
    /// the writer typed, when it is not the component itself.
    static func check(_ component: String, what: String, value: String? = nil) -> FileNameTooLong? {
        let bytes = component.utf8.count
        return bytes > limit ? FileNameTooLong(what: what, value: value ?? component, bytes: bytes) : nil
    }

    var message: String {
        "\(what) '\(MappingReader.preview(value, length: 24))' makes a file name of \(bytes.groupedDigits) bytes; file systems allow \(Self.limit)"
    }
}
