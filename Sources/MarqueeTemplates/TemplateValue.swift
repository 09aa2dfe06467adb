/// What a template is rendered with: a tree of plain values, made by the Swift side for each
/// page (the typed view models turn themselves into one). No `Any`, no protocols, no reflection:
/// rendering switches over these cases and nothing else.
public enum TemplateValue: Sendable, Equatable {
    /// No value (an optional that is empty, JSON's `null`). A name that resolves to it stops the
    /// context-stack lookup there, renders as nothing and is false for sections: a missing value
    /// never picks up a parent's value of the same name.
    case absent
    case flag(Bool)
    case int(Int)
    case double(Double)
    /// Text, escaped for HTML by `{{name}}`.
    case text(String)
    /// Trusted HTML made by Marquee (a rendered body, a fragment), for `{{{name}}}`. `{{name}}`
    /// escapes it like text, as Mustache does.
    case html(String)
    case list([TemplateValue])
    case object(TemplateObject)
    /// A value whose place in the output the caller wants to know: rendering it through a tag
    /// reports a `TemplateMark` with this id (the build cache learns where a review's body went,
    /// and can put a new one there). Otherwise it behaves as the value it wraps.
    indirect case marked(TemplateValue, id: Int)

    /// False for sections: absent, `false`, an empty list, empty text, zero.
    public var isFalsey: Bool {
        switch self {
        case .marked(let value, _): value.isFalsey
        case .absent: true
        case .flag(let flag): !flag
        case .int(let number): number == 0
        case .double(let number): number == 0
        case .text(let text), .html(let text): text.isEmpty
        case .list(let items): items.isEmpty
        case .object: false
        }
    }
}

/// A value with named fields. The names are fixed by the view model that made it; a name that is
/// missing (not even `.absent`) lets the lookup go on to the enclosing contexts.
///
/// Fields are kept in a small array with each name's hash, made once: a tag's name is hashed once,
/// when the template is parsed (`TemplateName`), and looked up by comparing hashes, where a
/// `Dictionary` would hash the name again in every context of the stack (a review page looks
/// up a few hundred names).
public struct TemplateObject: Sendable, Equatable {
    struct Entry: Sendable {
        let hash: UInt64
        let name: String
        var value: TemplateValue
    }

    private(set) var entries: [Entry]

    public init() {
        entries = []
    }

    /// Fields from a dictionary (free-form values such as front matter `params`), sorted by name
    /// so the object is the same whatever the dictionary's order. Labelled so that a literal
    /// `TemplateObject(["name": …])` takes the `KeyValuePairs` initialiser, which neither hashes
    /// into a dictionary nor sorts.
    public init(fields: [String: TemplateValue]) {
        entries = fields.keys.sorted().compactMap { name in fields[name].map { Entry(hash: FieldHash.of(name), name: name, value: $0) } }
    }

    /// Fields as written in a view model, each name once.
    public init(_ pairs: KeyValuePairs<String, TemplateValue>) {
        entries = []
        entries.reserveCapacity(pairs.count)
        for (name, value) in pairs { entries.append(Entry(hash: FieldHash.of(name), name: name, value: value)) }
    }

    /// Room for `count` fields in all, so that setting more of them does not grow the storage in
    /// steps (objects kept for a whole build, such as every review's card, would hold the slack).
    public mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    /// How many fields it has.
    public var count: Int { entries.count }

    /// The fields by name (a copy: for tests and conversions, not for rendering).
    public var fields: [String: TemplateValue] {
        Dictionary(entries.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
    }

    public subscript(name: String) -> TemplateValue? {
        get { value(named: name, hash: FieldHash.of(name)) }
        set {
            let hash = FieldHash.of(name)
            if let index = entries.indices.first(where: { entries[$0].hash == hash && entries[$0].name == name }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append(Entry(hash: hash, name: name, value: newValue))
            }
        }
    }

    /// The field `name`, whose `FieldHash` is `hash`.
    func value(named name: String, hash: UInt64) -> TemplateValue? {
        // By index, reading the hash in place: `for entry in entries` would copy (retain) each.
        entries.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                if buffer[index].hash == hash, buffer[index].name == name { return buffer[index].value }
                index += 1
            }
            return nil
        }
    }

    public static func == (a: TemplateObject, b: TemplateObject) -> Bool {
        a.fields == b.fields
    }
}

/// FNV-1a over a name's UTF-8: cheap for the short names of fields, and computed once per name.
enum FieldHash {
    static func of(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            return hash
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
}
