/// What a page kind offers its templates: each variable's name, kind and one line of
/// documentation. Templates are checked against it when they load (`TemplateChecker`), the
/// reference for theme authors is printed from it, and tests hold every view model to it
/// (`TemplateType.problems(with:)`).
public indirect enum TemplateType: Sendable, Equatable {
    case text
    case html
    case flag
    case number
    case list(TemplateType)
    case object(TemplateObjectType)

    /// How a theme author reads the kind, in messages and the reference.
    public var summary: String {
        switch self {
        case .text: "text"
        case .html: "HTML"
        case .flag: "flag"
        case .number: "number"
        case .list(let element): "list of \(element.summaryPlural)"
        case .object(let object): object.name
        }
    }

    var summaryPlural: String {
        switch self {
        case .text: "texts"
        case .html: "HTML fragments"
        case .flag: "flags"
        case .number: "numbers"
        case .list(let element): "lists of \(element.summaryPlural)"
        case .object(let object): "\(object.name)s"
        }
    }

    /// Where `value` does not match this type: one line per problem, naming the path. Empty when
    /// it matches. `.absent` matches every type (any variable may be empty).
    public func problems(with value: TemplateValue, at path: String = "") -> [String] {
        switch (self, value) {
        case (_, .marked(let inner, _)):
            return problems(with: inner, at: path)
        case (_, .absent), (.text, .text), (.html, .html), (.flag, .flag), (.number, .int), (.number, .double):
            return []
        case (.list(let element), .list(let items)):
            return items.enumerated().flatMap { index, item in element.problems(with: item, at: "\(path)[\(index)]") }
        case (.object(let type), .object) where type.isFreeForm:
            return []
        case (.object(let type), .object(let object)):
            var problems: [String] = []
            for field in type.fields {
                let fieldPath = path.isEmpty ? field.name : "\(path).\(field.name)"
                guard let fieldValue = object[field.name] else {
                    problems.append("\(fieldPath): missing (use .absent for no value)")
                    continue
                }
                problems += field.type.problems(with: fieldValue, at: fieldPath)
            }
            let declared = Set(type.fields.map(\.name))
            for name in object.fields.keys.sorted() where !declared.contains(name) {
                problems.append("\(path.isEmpty ? name : "\(path).\(name)"): not in the schema of \(type.name)")
            }
            return problems
        default:
            return ["\(path.isEmpty ? "(value)" : path): expected \(summary), found \(value.kindName)"]
        }
    }
}

/// The fields of an object kind (a review, a card, the site).
public struct TemplateObjectType: Sendable, Equatable {
    /// A name for messages and the reference: "review", "card".
    public let name: String
    public let fields: [TemplateField]
    /// Fields the writer chooses (front matter Marquee does not know, under `params`): any name
    /// may be looked up in it, and what it holds is writer text, never HTML.
    public let isFreeForm: Bool

    public init(_ name: String, _ fields: [TemplateField]) {
        self.name = name
        self.fields = fields
        isFreeForm = false
    }

    /// An object whose fields the writer names.
    public static func freeForm(_ name: String) -> TemplateObjectType {
        TemplateObjectType(name: name)
    }

    private init(name: String) {
        self.name = name
        fields = []
        isFreeForm = true
    }

    public func field(_ name: String) -> TemplateField? {
        fields.first { $0.name == name }
    }
}

/// One variable of an object kind.
public struct TemplateField: Sendable, Equatable {
    public let name: String
    public let type: TemplateType
    /// One line for the reference: what it holds, and when it is empty.
    public let documentation: String

    public init(_ name: String, _ type: TemplateType, _ documentation: String) {
        self.name = name
        self.type = type
        self.documentation = documentation
    }
}

extension TemplateValue {
    var kindName: String {
        switch self {
        case .absent: "no value"
        case .flag: "a flag"
        case .int, .double: "a number"
        case .text: "text"
        case .html: "HTML"
        case .list: "a list"
        case .object: "an object"
        case .marked(let value, _): value.kindName
        }
    }
}
