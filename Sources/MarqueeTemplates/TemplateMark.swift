/// Where a marked value (`TemplateValue.marked`) was written in a render's output.
public struct TemplateMark: Sendable, Equatable {
    /// The id the value was marked with.
    public let id: Int
    /// Byte range in the output.
    public let offset: Int
    public let length: Int
    /// Written by `{{name}}`, HTML-escaped (else by `{{{name}}}` or `{{&name}}`, as it is).
    public let isEscaped: Bool

    public init(id: Int, offset: Int, length: Int, isEscaped: Bool) {
        self.id = id
        self.offset = offset
        self.length = length
        self.isEscaped = isEscaped
    }
}

extension TemplateValue {
    /// The value a mark wraps, or the value itself.
    public var unmarked: TemplateValue {
        if case .marked(let value, _) = self { return value.unmarked }
        return self
    }
}
