import Yams

/// Reads `taxonomies:` from site.yml: rename a default (`categories: {title: Genres, path: genres}`),
/// switch one off (`writers: false`), or add one from any front matter key
/// (`countries: {key: country, title: Countries, singular: Country}`).
enum TaxonomySettingsReader {
    static func read(_ node: Node, _ reader: inout MappingReader) -> [TaxonomyDefinition] {
        var result = TaxonomyDefinition.defaults
        guard let mapping = node.mapping else {
            reader.error(node, "'taxonomies' must be a mapping", hint: "write taxonomies: {writers: false} or see Marquee's docs/guide/taxonomies.md")
            return result
        }
        for (keyNode, value) in mapping {
            guard let id = keyNode.scalarText, !id.isEmpty else { continue }
            let existing = result.firstIndex { $0.id == id }
            if let flag = value.scalarText, ["false", "no", "off"].contains(flag.lowercased()) {
                if let existing { result.remove(at: existing) } else {
                    reader.warning(keyNode, "there is no taxonomy '\(id)' to switch off", hint: "the built-in ones are categories, directors, writers, years and tags")
                }
                continue
            }
            if let flag = value.scalarText, ["true", "yes", "on"].contains(flag.lowercased()), existing != nil { continue }
            guard let settings = value.mapping else {
                reader.error(value, "taxonomy '\(id)' must be false or a mapping of key, path, title and singular",
                             hint: "write \(id): {key: \(id), title: \(id.capitalized)}")
                continue
            }
            var definition = existing.map { result[$0] } ?? TaxonomyDefinition(id: id, keys: [], title: id.capitalized, singular: id.capitalized)
            for (settingNode, settingValue) in settings {
                let setting = settingNode.scalarText ?? ""
                switch setting {
                case "key":
                    if let key = reader.requiredText("taxonomies.\(id).key", settingValue) {
                        if existing != nil {
                            reader.error(settingValue, "the built-in taxonomy '\(id)' always reads \(definition.keys.joined(separator: "/"))",
                                         hint: "add a new taxonomy with its own name for another key")
                        } else if ReviewReader.knownKeys.contains(key) {
                            reader.error(settingValue, "'\(key)' is a key Marquee reads itself", hint: "use another front matter key, such as country")
                        } else {
                            definition.keys = [key]
                        }
                    }
                case "path":
                    if let path = reader.requiredText("taxonomies.\(id).path", settingValue) {
                        if let problem = Slug.problem(with: path) {
                            reader.error(settingValue, "taxonomy path: \(problem)", hint: "use lower-case letters and hyphens, such as genres")
                        } else if let tooLong = FileNameTooLong.check(path, what: "the taxonomy path") {
                            reader.error(settingValue, tooLong.message, hint: FileNameTooLong.hint)
                        } else {
                            definition.path = path
                        }
                    }
                case "title": definition.title = reader.requiredText("taxonomies.\(id).title", settingValue) ?? definition.title
                case "singular": definition.singular = reader.requiredText("taxonomies.\(id).singular", settingValue) ?? definition.singular
                default:
                    reader.warning(settingNode, "unknown taxonomy setting '\(setting)' is ignored",
                                   hint: MappingReader.suggestion(for: setting, among: ["key", "path", "title", "singular"]).map { "did you mean '\($0)'?" } ?? "known: key, path, title, singular")
                }
            }
            if existing == nil && definition.keys.isEmpty { definition.keys = [id] }
            // An added taxonomy without `path:` is written to a folder named after it: the name is
            // checked as a path would be ("../x" or a 300-byte name would make no folder of the site).
            if existing == nil, definition.path == id {
                if let problem = Slug.problem(with: id) {
                    reader.error(keyNode, "taxonomy '\(Slug.printable(id))' cannot be a folder name: \(problem)",
                                 hint: "give it a path: of lower-case letters and hyphens, such as path: countries")
                    continue
                }
                if let tooLong = FileNameTooLong.check(id, what: "the taxonomy") {
                    reader.error(keyNode, tooLong.message, hint: "shorten it, or give it a shorter path:")
                    continue
                }
            }
            if let existing { result[existing] = definition } else { result.append(definition) }
        }
        // Two taxonomies in one folder would overwrite each other's pages.
        var paths: [String: String] = [:]
        for definition in result {
            if let other = paths[definition.path.lowercased()] {
                reader.error(node, "taxonomies '\(other)' and '\(definition.id)' both use the path /\(definition.path)/", hint: "give one of them another path:")
            }
            paths[definition.path.lowercased()] = definition.id
            if SiteAssembler.reservedTopLevel.subtracting(TaxonomyDefinition.defaults.map(\.path)).contains(definition.path.lowercased()) {
                reader.error(node, "taxonomy '\(definition.id)' cannot use the path /\(definition.path)/, which the site uses itself", hint: "choose another path:")
            }
        }
        return result
    }
}
