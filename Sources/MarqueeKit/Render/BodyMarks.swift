import MarqueeTemplates

/// Marks, while a build records its cache (or `serve` keeps its state), the values drawn from a
/// review's body: the body itself, the excerpt, the meta description, the JSON-LD description,
/// the word count and the reading time. A marked value is `TemplateValue.marked`, and the engine
/// reports where each went in the output and whether it escaped it (`TemplateMark`), so the next
/// build can put a new body in the same place, escaped the same way, without rendering the page;
/// and `serve` knows which pages show a review's body.
///
/// Fragments that hold marked values and are inserted into pages as HTML (a review's card, its
/// JSON-LD) are marked as containers: where a container lands, its own marks are found inside.
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

    /// A fragment holding marked values, marked as a whole where pages insert it.
    enum Container: Int, CaseIterable, Sendable {
        case card = 0
        case jsonLD = 1
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

    let isRecording: Bool

    static let off = BodyMarks(isRecording: false)
    static let recording = BodyMarks(isRecording: true)

    /// Part `part` of review `index` as templates see it: marked when recording and not empty
    /// (a template may test an empty value, and there is nothing to put back).
    func value(_ part: Part, of review: Review, at index: Int, in translation: Translation) -> TemplateValue {
        let text = Self.value(part, of: review, in: translation)
        let value: TemplateValue = part == .body || part == .excerpt ? .html(text) : .text(text)
        guard isRecording, !text.isEmpty else { return value }
        return .marked(value, id: Self.id(review: index, part: part))
    }

    /// `value`, a fragment of review `index` holding marked values, marked as that container.
    func container(_ value: TemplateValue, _ container: Container, of index: Int) -> TemplateValue {
        isRecording ? .marked(value, id: Self.id(review: index, container: container)) : value
    }

    /// What a marked part of `review` holds; numbers in the digits of the site's language
    /// (`translation`: a Persian site counts ۴۵۰ words).
    static func value(_ part: Part, of review: Review, in translation: Translation) -> String {
        switch part {
        case .body: review.body.html
        case .excerpt: review.excerpt.html
        case .description: ViewModelBuilder.shorten(review.excerpt.text, to: 160)
        case .excerptText: review.excerpt.text
        case .wordCount: translation.number(String(review.body.wordCount))
        case .readingMinutes: translation.number(String(max(1, Int((Double(review.body.wordCount) / 220).rounded()))))
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

    // MARK: - Ids: parts are 0 and up, containers below 0.

    static func id(review: Int, part: Part) -> Int { review * Part.allCases.count + part.rawValue }
    static func id(review: Int, container: Container) -> Int { -(review * Container.allCases.count + container.rawValue) - 1 }

    static func review(ofID id: Int) -> Int {
        id >= 0 ? id / Part.allCases.count : (-id - 1) / Container.allCases.count
    }
    static func part(ofID id: Int) -> Part? { id >= 0 ? Part(rawValue: id % Part.allCases.count) : nil }
    static func container(ofID id: Int) -> Container? { id < 0 ? Container(rawValue: (-id - 1) % Container.allCases.count) : nil }
}

/// Where a marked value sits in a file as written.
struct MarkedRange: Equatable, Sendable {
    /// Byte offset and length of the value, as escaped, in the file.
    var offset: Int
    var length: Int
    /// The mark's id: review index and part (`BodyMarks.review(ofID:)`, `part(ofID:)`).
    var id: Int
    var encoding: BodyMarks.Encoding
}

/// The marks of one file: where each body part is, which could not be followed (a container
/// escaped by a template, so its inner places moved), and every review whose body it shows.
struct FileMarks: Sendable {
    var ranges: [MarkedRange] = []
    /// Part ids whose place could not be recorded: a later build must not rely on them.
    var unreadable = Set<Int>()
    /// Indexes of the reviews whose body, excerpt or numbers the file shows.
    var reviews = Set<Int>()

    /// Adds the place of a part, `length` bytes at `offset`.
    mutating func add(_ id: Int, offset: Int, length: Int, encoding: BodyMarks.Encoding) {
        ranges.append(MarkedRange(offset: offset, length: length, id: id, encoding: encoding))
        reviews.insert(BodyMarks.review(ofID: id))
    }

    /// The engine's marks of a render, with each container's own marks (`inner`, relative to the
    /// container's start) placed where the container went.
    init(_ marks: [TemplateMark], inner: (Int) -> [MarkedRange]) {
        for mark in marks {
            reviews.insert(BodyMarks.review(ofID: mark.id))
            guard mark.id < 0 else {
                add(mark.id, offset: mark.offset, length: mark.length, encoding: mark.isEscaped ? .html : .raw)
                continue
            }
            for range in inner(mark.id) {
                if mark.isEscaped {
                    // Escaping moved the places inside it.
                    unreadable.insert(range.id)
                    reviews.insert(BodyMarks.review(ofID: range.id))
                } else {
                    add(range.id, offset: mark.offset + range.offset, length: range.length, encoding: range.encoding)
                }
            }
        }
    }

    init() {}
}
