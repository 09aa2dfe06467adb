import MarqueeTemplates

/// The reference for theme authors, printed from the schema the templates are checked against:
/// `marquee templates` shows it, and the README's template-variable tables are the same text
/// (a test holds them to it).
public enum TemplateVariablesReference {
    /// One kind of page or fragment as the reference describes it.
    public struct Kind: Sendable {
        public let name: String
        public let summary: String
        public let template: String
        public let root: TemplateObjectType

        public init(name: String, summary: String, template: String, root: TemplateObjectType) {
            self.name = name
            self.summary = summary
            self.template = template
            self.root = root
        }
    }

    /// The variables every kind shares (the same field with the same type in each root), which
    /// the reference lists once.
    static func shared(_ kinds: [Kind]) -> [TemplateField] {
        guard let first = kinds.first else { return [] }
        return first.root.fields.filter { field in kinds.allSatisfy { $0.root.field(field.name) == field } }
    }

    /// Markdown: a table of the shared variables, then one per kind. Nested objects are listed
    /// with dotted names; inside a list, names are those of one item, as a section sees them.
    public static func markdown(_ kinds: [Kind]) -> String {
        let shared = shared(kinds)
        let sharedNames = Set(shared.map(\.name))
        var text = "### Every page\n\n" + table(shared) + "\n"
        for kind in kinds {
            let own = kind.root.fields.filter { !sharedNames.contains($0.name) }
            text += "### \(kind.name) — `templates/\(kind.template).mustache`\n\n\(kind.summary)\n\n"
            text += own.isEmpty ? "Only the variables of every page.\n\n" : table(own) + "\n"
        }
        return text
    }

    /// The same as plain text for a terminal, for one kind or all.
    public static func text(_ kinds: [Kind], only name: String? = nil) -> String {
        let shared = shared(kinds)
        let sharedNames = Set(shared.map(\.name))
        var text = ""
        for kind in kinds where name == nil || kind.name == name || kind.template == name {
            text += "\(kind.name) (templates/\(kind.template).mustache): \(kind.summary)\n"
            let fields = name == nil ? kind.root.fields.filter { !sharedNames.contains($0.name) } : kind.root.fields
            for row in rows(fields, prefix: "") { text += "  \(row.name)  [\(row.kind)]  \(row.documentation)\n" }
            text += "\n"
        }
        if name == nil {
            text += "every page also has:\n"
            for row in rows(shared, prefix: "") { text += "  \(row.name)  [\(row.kind)]  \(row.documentation)\n" }
        }
        return text
    }

    struct Row {
        let name: String
        let kind: String
        let documentation: String
    }

    static func rows(_ fields: [TemplateField], prefix: String) -> [Row] {
        fields.flatMap { field -> [Row] in
            let name = prefix + field.name
            var rows = [Row(name: name, kind: field.type.summary, documentation: field.documentation)]
            switch field.type {
            case .object(let object) where !object.isFreeForm:
                rows += Self.rows(object.fields, prefix: name + ".")
            case .list(.object(let object)):
                rows += Self.rows(object.fields, prefix: name + "[].")
            default:
                break
            }
            return rows
        }
    }

    private static func table(_ fields: [TemplateField]) -> String {
        var text = "| variable | kind | what it holds |\n|---|---|---|\n"
        for row in rows(fields, prefix: "") {
            text += "| `\(row.name)` | \(row.kind) | \(row.documentation.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        return text
    }
}
