import Yams

/// Reads site.yml's `comments:`, the service embedded for new comments, with the keys its own
/// documentation uses (giscus.app's configurator, utteranc.es), written in snake case:
///
///     comments: {provider: giscus, repo: owner/name, repo_id: R_…, category: Comments, category_id: DIC_…}
///     comments: {provider: utterances, repo: owner/name, issue_term: pathname}
///
/// `comments: false` (or none) embeds nothing.
enum CommentsProviderReader {
    /// One setting: its key in site.yml, its attribute, and the values it may take (nil: any text).
    struct Setting {
        let key: String
        let attribute: String
        var choices: [String]? = nil
        var isFlag = false
        var required = false
        /// What it is when not given (nil: left out).
        var fallback: String? = nil
    }

    static func settings(_ kind: CommentsProvider.Kind, language: String) -> [Setting] {
        switch kind {
        case .giscus:
            return [
                Setting(key: "repo", attribute: "data-repo", required: true),
                Setting(key: "repo_id", attribute: "data-repo-id", required: true),
                Setting(key: "category", attribute: "data-category", required: true),
                Setting(key: "category_id", attribute: "data-category-id", required: true),
                Setting(key: "mapping", attribute: "data-mapping", choices: ["pathname", "url", "title", "og:title", "specific", "number"], fallback: "pathname"),
                Setting(key: "term", attribute: "data-term"),
                Setting(key: "strict", attribute: "data-strict", isFlag: true, fallback: "0"),
                Setting(key: "reactions_enabled", attribute: "data-reactions-enabled", isFlag: true, fallback: "1"),
                Setting(key: "emit_metadata", attribute: "data-emit-metadata", isFlag: true, fallback: "0"),
                Setting(key: "input_position", attribute: "data-input-position", choices: ["top", "bottom"], fallback: "bottom"),
                Setting(key: "theme", attribute: "data-theme", fallback: "preferred_color_scheme"),
                Setting(key: "lang", attribute: "data-lang", fallback: Translation.primarySubtag(language)),
                Setting(key: "loading", attribute: "data-loading", choices: ["lazy", "eager"], fallback: "lazy"),
            ]
        case .utterances:
            return [
                Setting(key: "repo", attribute: "data-repo", required: true),
                Setting(key: "issue_term", attribute: "data-issue-term"),
                Setting(key: "issue_number", attribute: "data-issue-number"),
                Setting(key: "label", attribute: "data-label"),
                Setting(key: "theme", attribute: "data-theme", fallback: "preferred-color-scheme"),
            ]
        }
    }

    static func read(_ node: Node, language: String, _ reader: inout MappingReader) -> CommentsProvider? {
        if node.isNull || ["false", "no", "off"].contains(node.scalarText?.lowercased() ?? "") { return nil }
        let example = "write comments: {provider: giscus, repo: owner/name, repo_id: …, category: …, category_id: …}"
        guard let mapping = node.mapping else {
            reader.error(node, "'comments' must be a mapping: the provider and its settings, found \(MappingReader.describe(node))", hint: example)
            return nil
        }
        guard let providerNode = mapping.first(where: { $0.key.scalarText == "provider" })?.value else {
            reader.error(node, "'comments' has no 'provider'", hint: "add provider: giscus or provider: utterances (or remove comments: to embed none)")
            return nil
        }
        guard let name = reader.requiredText("comments.provider", providerNode) else { return nil }
        guard let kind = CommentsProvider.Kind(rawValue: name.trimmingWhitespace().lowercased()) else {
            let names = CommentsProvider.Kind.allCases.map(\.rawValue)
            reader.error(providerNode, "unknown comments provider '\(MappingReader.preview(providerNode))'",
                         hint: MappingReader.suggestion(for: name, among: names).map { "did you mean '\($0)'?" } ?? "Marquee embeds \(names.joined(separator: " or "))")
            return nil
        }
        let settings = settings(kind, language: language)
        var given: [String: (text: String, node: Node)] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            guard key != "provider" else { continue }
            guard let setting = settings.first(where: { $0.key == key }) else {
                let keys = settings.map(\.key)
                reader.error(keyNode, "'\(MappingReader.preview(key))' is not a setting of \(kind.rawValue)",
                             hint: (MappingReader.suggestion(for: key, among: keys).map { "did you mean '\($0)'? " } ?? "") + "\(kind.rawValue) takes \(keys.joined(separator: ", "))")
                continue
            }
            if setting.isFlag {
                if let flag = reader.bool("comments.\(key)", value) { given[key] = (flag ? "1" : "0", value) }
                continue
            }
            guard let text = reader.requiredText("comments.\(key)", value)?.trimmingWhitespace() else { continue }
            if let choices = setting.choices, !choices.contains(text) {
                reader.error(value, "comments.\(key) '\(MappingReader.preview(value))' is not one \(kind.rawValue) knows", hint: "use one of \(choices.joined(separator: ", "))")
                continue
            }
            if key == "repo", !isRepository(text) {
                reader.error(value, "comments.repo '\(MappingReader.preview(value))' is not a GitHub repository",
                             hint: "write it as owner/name, such as repo: mina-r/film-comments (the public repository that keeps the comments)")
                continue
            }
            given[key] = (text, value)
        }
        var problems = false
        func missing(_ key: String, _ why: String) {
            reader.error(node, "comments: \(kind.rawValue) needs '\(key)'", hint: why)
            problems = true
        }
        for setting in settings where setting.required && given[setting.key] == nil && !mapping.keys.contains(where: { $0.scalarText == setting.key }) {
            missing(setting.key, kind == .giscus ? "copy it from the configuration on https://giscus.app (its script's \(setting.attribute))"
                                                 : "give the public repository that keeps the comments, as owner/name")
        }
        if kind == .giscus, ["specific", "number"].contains(given["mapping"]?.text ?? ""), given["term"] == nil {
            missing("term", "mapping: \(given["mapping"]?.text ?? "") takes the discussion's term (or number) in term:")
        }
        if kind == .utterances, let number = given["issue_number"], given["issue_term"] != nil {
            reader.error(number.node, "comments: utterances takes issue_term or issue_number, not both", hint: "keep one of them")
            problems = true
        }
        guard !problems, !reader.diagnostics.hasErrors else { return nil }
        var attributes: [CommentsProvider.Attribute] = []
        for setting in settings {
            var value = given[setting.key]?.text ?? setting.fallback
            if kind == .utterances, setting.key == "issue_term", value == nil, given["issue_number"] == nil { value = "pathname" }
            if let value { attributes.append(CommentsProvider.Attribute(name: setting.attribute, value: value)) }
        }
        return CommentsProvider(kind: kind, attributes: attributes)
    }

    /// `owner/name` as GitHub allows them: an owner of letters, digits and single hyphens (39 at
    /// most), a name of letters, digits, `.`, `-` and `_`.
    static func isRepository(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let owner = parts.first, let name = parts.last,
              (1...39).contains(owner.count), (1...100).contains(name.count), name != ".", name != "..",
              !owner.hasPrefix("-"), !owner.hasSuffix("-") else { return false }
        let isASCIIAlphanumeric = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber) }
        return owner.allSatisfy { isASCIIAlphanumeric($0) || $0 == "-" } && name.allSatisfy { isASCIIAlphanumeric($0) || "._-".contains($0) }
    }
}
