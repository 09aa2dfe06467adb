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

    /// `value` when present, `.absent` when nil.
    public static func optional<Wrapped>(_ value: Wrapped?, _ make: (Wrapped) -> TemplateValue) -> TemplateValue {
        value.map(make) ?? .absent
    }

    public static func text(_ value: String?) -> TemplateValue { value.map(TemplateValue.text) ?? .absent }
}

/// A value with named fields. The names are fixed by the view model that made it; a name that is
/// missing (not even `.absent`) lets the lookup go on to the enclosing contexts.
public struct TemplateObject: Sendable, Equatable {
    public private(set) var fields: [String: TemplateValue]

    public init(_ fields: [String: TemplateValue] = [:]) {
        self.fields = fields
    }

    public init(_ pairs: KeyValuePairs<String, TemplateValue>) {
        var fields: [String: TemplateValue] = [:]
        fields.reserveCapacity(pairs.count)
        for (name, value) in pairs { fields[name] = value }
        self.fields = fields
    }

    public subscript(name: String) -> TemplateValue? {
        get { fields[name] }
        set { fields[name] = newValue }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
}
