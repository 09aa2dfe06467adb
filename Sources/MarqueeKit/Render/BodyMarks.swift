import Foundation

/// Marks, while a build records its cache, where text drawn from a review's body lands in the
/// files: the body itself, the excerpt, the meta description, the JSON-LD description, the word
/// count and the reading time.
///
/// A marked value travels through templates (and their escaping) like any other string, wrapped
/// as `U+FDD0 nonce id U+FDD1 probe U+FDD1 value U+FDD2 nonce`. When the file is made, the marks are
/// cut out again (`MarkStripper`), leaving the exact bytes an unmarked build writes and the place
/// of each value. The probe (`<&"'\`) comes out escaped the way the value was, so the next build
/// can put a new body in the same place, escaped the same way, without rendering the page.
///
/// The nonce is random for each build: nothing a writer types can pass for a mark. Empty values
/// are never marked (a template may test them), and every value is marked after the last change
/// Swift makes to it (the description after shortening), so a mark holds exactly `value(part, of:)`.
struct BodyMarks: Sendable {
    /// What part of a review a marked value is.
    enum Part: Int, CaseIterable, Sendable {
        case body = 0
        case excerpt = 1
        /// The meta description: the excerpt's text shortened to 160 characters.
        case description = 2
        /// The excerpt's text as it is (JSON-LD).
        case excerptText = 3
        /// Numbers drawn from the body, which templates get as text for this reason.
        case wordCount = 4
        case readingMinutes = 5
    }

    /// How a marked value was escaped on its way into the file.
    enum Encoding: UInt8, CaseIterable, Sendable {
        case raw = 0, html = 1, xml = 2, json = 3

        func encode(_ text: String) -> String {
            switch self {
            case .raw: text
            case .html: HTMLText.escape(text)
            case .xml: XMLText.escape(text)
            case .json: JSONValue.stringBody(text)
            }
        }
    }

    static let probe = "<&\"'\\"
    static let open: [UInt8] = [0xEF, 0xB7, 0x90] // U+FDD0
    static let separator: [UInt8] = [0xEF, 0xB7, 0x91] // U+FDD1
    static let close: [UInt8] = [0xEF, 0xB7, 0x92] // U+FDD2

    /// Sixteen hex digits, or nil when not recording.
    let nonce: [UInt8]?
    /// The fixed pieces of a mark as text, made once: a value is then marked by joining strings,
    /// which copies it without checking its UTF-8 again.
    private let start: String
    private let middle: String
    private let end: String

    init(nonce: [UInt8]?) {
        self.nonce = nonce
        let text = String(decoding: nonce ?? [], as: UTF8.self)
        start = String(decoding: Self.open, as: UTF8.self) + text
        middle = String(decoding: Self.separator + Array(Self.probe.utf8) + Self.separator, as: UTF8.self)
        end = String(decoding: Self.close, as: UTF8.self) + text
    }

    static let off = BodyMarks(nonce: nil)

    static func recording() -> BodyMarks {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        return BodyMarks(nonce: Array(String(format: "%016llx", value).utf8))
    }

    var isRecording: Bool { nonce != nil }

    /// `value` as a page of review `review` shows it: marked when recording and not empty.
    func mark(_ value: String, review: Int, part: Part) -> String {
        guard nonce != nil, !value.isEmpty else { return value }
        return start + String(review * Part.allCases.count + part.rawValue) + middle + value + end
    }

    /// Part `part` of review `index`, marked: every page shows a body's parts through this, so a
    /// mark always holds exactly `value(part, of:)`, which the next build computes for the new body.
    func marked(_ part: Part, of review: Review, at index: Int) -> String {
        mark(Self.value(part, of: review), review: index, part: part)
    }

    /// What a marked part of `review` holds.
    static func value(_ part: Part, of review: Review) -> String {
        switch part {
        case .body: review.body.html
        case .excerpt: review.excerpt.html
        case .description: ViewModelBuilder.shorten(review.excerpt.text, to: 160)
        case .excerptText: review.excerpt.text
        case .wordCount: String(review.body.wordCount)
        case .readingMinutes: String(max(1, Int((Double(review.body.wordCount) / 220).rounded())))
        }
    }

    /// `value(part, of: review).isEmpty`, without shortening the description to find out: cut
    /// text is empty exactly when the whole is only whitespace.
    static func isEmpty(_ part: Part, of review: Review) -> Bool {
        switch part {
        case .body: review.body.html.isEmpty
        case .excerpt: review.excerpt.html.isEmpty
        case .description: review.excerpt.text.allSatisfy(\.isWhitespace)
        case .excerptText: review.excerpt.text.isEmpty
        case .wordCount, .readingMinutes: false
        }
    }

    static func review(ofID id: Int) -> Int { id / Part.allCases.count }
    static func part(ofID id: Int) -> Part? { Part(rawValue: id % Part.allCases.count) }
}
