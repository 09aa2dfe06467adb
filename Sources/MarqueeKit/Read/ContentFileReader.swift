import Foundation
import Yams

/// The steps every content file shares: bytes → UTF-8 text → front matter + body → YAML mapping.
struct ContentFile {
    var path: String
    var document: YAMLDocument
    var mapping: Node.Mapping
    var body: String
    var bodyFirstLine: Int
    /// Fingerprint of everything in the file but the body (the front matter and where the body
    /// starts): equal fingerprints, equal front matter, for the build cache.
    var frontMatterDigest: UInt64

    static let maximumSize = 10 * 1024 * 1024

    static func read(_ data: Data, path: String) -> Result<ContentFile, Diagnostic> {
        if data.count > maximumSize {
            return .failure(.error(SourceLocation(path: path), "the file is \(data.count / 1_048_576) MB, more than the 10 MB a content file may have",
                                   hint: "split it, or move large media to static/"))
        }
        guard let raw = String(validatingUTF8Data: data) else {
            return .failure(.error(invalidUTF8Location(data, path: path), "the file is not valid UTF-8",
                                   hint: "save it as UTF-8 in your editor"))
        }
        let text = TextNormaliser.normalise(raw)
        if text.containsByte(0) {
            return .failure(.error(SourceLocation(path: path), "the file contains NUL bytes", hint: "is it a binary file? content files are UTF-8 text"))
        }
        let split: FrontMatterSplit
        switch FrontMatter.split(text, path: path) {
        case .success(let value): split = value
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        let document: YAMLDocument
        switch YAMLDocument.parse(split.yaml, path: path, firstLine: split.yamlFirstLine) {
        case .success(let value): document = value
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        guard let root = document.root else {
            return .failure(.error(SourceLocation(path: path), "the front matter is empty", hint: "add title, date and rating between the '---' lines"))
        }
        guard let mapping = root.mapping else {
            return .failure(.error(document.location(of: root), "the front matter must be 'key: value' lines, found \(root.kindName)",
                                   hint: "write one setting per line, such as title: Baran"))
        }
        var digest = StableHash()
        digest.combine(path)
        digest.combine(split.yaml)
        digest.combine(split.yamlFirstLine)
        digest.combine(split.bodyFirstLine)
        return .success(ContentFile(path: path, document: document, mapping: mapping, body: split.body, bodyFirstLine: split.bodyFirstLine,
                                    frontMatterDigest: digest.value))
    }

    /// Line and column of the first byte that is not UTF-8, so the writer can find it.
    static func invalidUTF8Location(_ data: Data, path: String) -> SourceLocation {
        var line = 1, column = 1, index = 0
        let bytes = [UInt8](data)
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0..<0x80: length = 1
            case 0xC2..<0xE0: length = 2
            case 0xE0..<0xF0: length = 3
            case 0xF0..<0xF5: length = 4
            default: return SourceLocation(path: path, line: line, column: column)
            }
            if index + length > bytes.count { return SourceLocation(path: path, line: line, column: column) }
            if length > 1, String(bytes: bytes[index..<(index + length)], encoding: .utf8) == nil {
                return SourceLocation(path: path, line: line, column: column)
            }
            if byte == 10 { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return SourceLocation(path: path, line: line, column: column)
    }
}

extension String {
    /// Strict UTF-8 decoding: nil for any invalid byte (Foundation's `String(data:encoding:)` is lenient on some platforms).
    init?(validatingUTF8Data data: Data) {
        guard let text = String(validating: data, as: UTF8.self) else { return nil }
        self = text
    }
}

/// Converts the front matter keys Marquee does not know into template params, with a budget of
/// values for the whole file, so templates never walk a huge tree. (YAML aliases, which could make a
/// small file describe an exponentially large one, are refused before: `YAMLAliases`.)
struct ParamConverter {
    static let maximumValues = 10_000
    private var budget = maximumValues

    mutating func convert(_ node: Node) -> ParamValue? {
        budget -= 1
        guard budget > 0 else { return nil }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain || scalar.style == .any {
                switch scalar.string {
                case "true", "True", "TRUE": return .bool(true)
                case "false", "False", "FALSE": return .bool(false)
                default:
                    if let int = Int(scalar.string) { return .int(int) }
                    if let double = Double(scalar.string), double.isFinite, scalar.string.contains(".") { return .double(double) }
                }
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            var items: [ParamValue] = []
            for item in sequence {
                guard let value = convert(item) else { return nil }
                items.append(value)
            }
            return .list(items)
        case .mapping(let mapping):
            var map: [String: ParamValue] = [:]
            for (key, value) in mapping {
                guard let converted = convert(value) else { return nil }
                map[key.scalarText ?? ""] = converted
            }
            return .map(map)
        case .alias:
            return nil
        }
    }
}
