import MarqueeTemplates

/// The reference for theme authors, printed from the schema the templates are checked against:
/// `marquee templates` shows it, and docs/reference/templates.md's tables are the same text
/// (a test holds them to it).
///
/// `site` and `page`, which every page has, are listed once; then each kind's own variables.
/// Nested objects are listed with dotted names, and a list's items as `name[].field` (inside
/// `{{#name}}…{{/name}}` that field is written `{{field}}`). An object kind met a second time
/// within one listing (every `rating`, say) is not spelt out again: its row names the first.
public enum TemplateVariablesReference {
    /// One kind of page or fragment as the reference describes it.
    public struct Kind: Sendable {
        /// What `marquee templates NAME` takes: the template's name.
        public let name: String
        public let summary: String
        public let template: String
        public let root: TemplateObjectType
        /// Rendered once and handed to pages as HTML, rather than a page of its own.
        public let isFragment: Bool
        /// The default theme's partials its template uses, which see the same variables.
        public let partials: [String]

        public init(name: String, summary: String, template: String, root: TemplateObjectType,
                    isFragment: Bool = false, partials: [String] = []) {
            self.name = name
            self.summary = summary
            self.template = template
            self.root = root
            self.isFragment = isFragment
            self.partials = partials
        }
    }

    /// The variables every page shares (the same field with the same type in each page's root),
    /// which the reference lists once. Fragments have no part in it: they see none of them.
    static func shared(_ kinds: [Kind]) -> [TemplateField] {
        let pages = kinds.filter { !$0.isFragment }
        guard let first = pages.first else { return [] }
        return first.root.fields.filter { field in pages.allSatisfy { $0.root.field(field.name) == field } }
    }

    static let listSentence = "A name with `[]` is an item of a list: inside `{{#review.tags}}…{{/review.tags}}` you write `{{name}}` for `review.tags[].name`, once per tag."
    static let emptySentence = "Any variable may be empty (a review without a year, a site without an author): `{{#year}}…{{/year}}` shows its inside only when there is one, `{{^year}}…{{/year}}` only when there is none."
    static let fragmentSentence = "Fragments are not pages: each is rendered once (per review, per rating, per menu entry) with only the variables below, and pages insert the result with triple braces, as `{{{html}}}`, `{{{rating.html}}}`, `{{{site.headerHTML}}}`, `{{{site.footerHTML}}}`. To change how a card looks everywhere, override `review-card`."

    /// Markdown for docs/reference/templates.md: the shared variables, then a table per kind.
    public static func markdown(_ kinds: [Kind]) -> String {
        let shared = shared(kinds)
        let sharedNames = Set(shared.map(\.name))
        var seen = Seen()
        var text = "\(listSentence) \(emptySentence)\n\n"
        if !shared.isEmpty {
            text += "### Every page: \(shared.map { "`\($0.name)`" }.joined(separator: " and "))\n\n" + table(rows(shared, owner: sharedOwner, seen: &seen)) + "\n"
        }
        var saidFragments = false
        for kind in kinds {
            if kind.isFragment, !saidFragments {
                text += "### Fragments\n\n\(fragmentSentence)\n\n"
                saidFragments = true
            }
            let own = kind.isFragment ? kind.root.fields : kind.root.fields.filter { !sharedNames.contains($0.name) }
            text += "### `\(kind.name)`\n\n\(kind.summary.prefix(1).uppercased() + kind.summary.dropFirst()). "
            text += kind.isFragment ? "Its template is `\(kind.template).mustache`, which sees only these variables:\n\n"
                : "Its template is `\(kind.template).mustache`\(partialsClause(kind, code: true)). Besides `site` and `page`:\n\n"
            text += own.isEmpty ? "(nothing more)\n\n" : table(rows(own, owner: kind.name, seen: &seen)) + "\n"
        }
        return text
    }

    /// The same as plain text for a terminal: every kind (`site` and `page` once), or one kind
    /// (`only`, a kind's name or template) with every variable it has.
    public static func text(_ kinds: [Kind], only name: String? = nil) -> String {
        let shared = shared(kinds)
        let sharedNames = Set(shared.map(\.name))
        var seen = Seen()
        var text = ""
        guard let name else {
            text += wrap("The variables each kind of page offers its templates. \(listSentence) \(emptySentence)") + "\n\n"
            text += "Every page has \(shared.map(\.name).joined(separator: " and ")):\n" + lines(rows(shared, owner: sharedOwner, seen: &seen)) + "\n"
            var saidFragments = false
            for kind in kinds {
                if kind.isFragment, !saidFragments {
                    text += wrap(fragmentSentence) + "\n\n"
                    saidFragments = true
                }
                let own = kind.isFragment ? kind.root.fields : kind.root.fields.filter { !sharedNames.contains($0.name) }
                text += heading(kind) + lines(rows(own, owner: kind.name, seen: &seen)) + "\n"
            }
            return text + wrap("`marquee templates NAME` shows one kind with all its variables; `marquee templates copy NAME` writes the default theme's template into templates/, to start from.") + "\n"
        }
        for kind in kinds where kind.name == name || kind.template == name {
            text += heading(kind) + lines(rows(kind.root.fields, owner: kind.name, seen: &seen)) + "\n"
            text += wrap(listSentence + " " + emptySentence + (kind.isFragment ? " " + fragmentSentence : "")) + "\n"
            text += "\n" + wrap("`marquee templates copy \(kind.template)` writes the default theme's templates/\(kind.template).mustache into the site, to start from.") + "\n"
        }
        return text
    }

    private static func heading(_ kind: Kind) -> String {
        "\(kind.name): \(kind.summary)\n  templates/\(kind.template).mustache\(partialsClause(kind, code: false))\n"
    }

    /// "; its parent base and its partials credits and author-box see the same variables", or
    /// nothing for a fragment (which has neither).
    private static func partialsClause(_ kind: Kind, code: Bool) -> String {
        guard !kind.isFragment else { return "" }
        func name(_ name: String) -> String { code ? "`\(name)`" : name }
        var clause = "; its parent \(name("base"))"
        if !kind.partials.isEmpty {
            let names = kind.partials.map(name)
            let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
            clause += " and its partial\(names.count == 1 ? "" : "s") \(list)"
        }
        return clause + (kind.partials.isEmpty ? " sees" : " see") + " the same variables"
    }

    struct Row: Equatable {
        let name: String
        let kind: String
        let documentation: String
    }

    /// The object kinds a listing has spelt out: each with where (the row's name, and the kind
    /// of page it is under).
    struct Seen {
        var objects: [(type: TemplateObjectType, path: String, owner: String)] = []
    }

    /// The owner of the rows of `site` and `page`, listed once for every page.
    static let sharedOwner = "every page"

    /// The rows of `fields` and of everything inside them. An object kind already spelt out in
    /// this listing gets one row that points at the first place.
    static func rows(_ fields: [TemplateField], owner: String = "", seen: inout Seen) -> [Row] {
        rows(fields, prefix: "", owner: owner, seen: &seen)
    }

    static func rows(_ fields: [TemplateField]) -> [Row] {
        var seen = Seen()
        return rows(fields, seen: &seen)
    }

    private static func rows(_ fields: [TemplateField], prefix: String, owner: String, seen: inout Seen) -> [Row] {
        var rows: [Row] = []
        for field in fields {
            let name = prefix + field.name
            var documentation = field.documentation
            var inner: (TemplateObjectType, String)?
            switch field.type {
            case .object(let object) where !object.isFreeForm:
                inner = (object, name)
            case .list(.object(let object)):
                inner = (object, name + "[]")
            default:
                break
            }
            if let (object, path) = inner, let first = seen.objects.first(where: { $0.type == object }) {
                let place = first.owner == owner ? "`\(first.path)`"
                    : first.owner == sharedOwner ? "`\(first.path)` on every page" : "`\(first.path)` (see `\(first.owner)`)"
                documentation += path == name ? "; the same fields as \(place)" : "; each has the same fields as \(place)"
                inner = nil
            }
            rows.append(Row(name: name, kind: kindName(field.type), documentation: documentation))
            if let (object, path) = inner {
                seen.objects.append((object, path, owner))
                rows += self.rows(object.fields, prefix: path + ".", owner: owner, seen: &seen)
            }
        }
        return rows
    }

    /// A type as the reference names it: `text`, `HTML`, `flag`, `number`, `list`, `object`.
    static func kindName(_ type: TemplateType) -> String {
        switch type {
        case .text: "text"
        case .html: "HTML"
        case .flag: "flag"
        case .number: "number"
        case .list: "list"
        case .object: "object"
        }
    }

    private static func table(_ rows: [Row]) -> String {
        var text = "| variable | kind | what it holds |\n|---|---|---|\n"
        for row in rows {
            text += "| `\(row.name)` | \(row.kind) | \(row.documentation.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        return text
    }

    /// Rows for a terminal: names in a column (up to a width), the kind in brackets, then what it holds.
    private static func lines(_ rows: [Row]) -> String {
        let width = min(rows.map(\.name.count).max() ?? 0, 40)
        return rows.map { row in
            let name = row.name.padding(toLength: max(width, row.name.count), withPad: " ", startingAt: 0)
            let kind = row.kind.padding(toLength: 6, withPad: " ", startingAt: 0)
            return "  \(name)  \(kind)  \(row.documentation)\n"
        }.joined()
    }

    /// Prose folded at 100 columns.
    private static func wrap(_ text: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > 100 {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
