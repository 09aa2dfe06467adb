import Foundation

extension SiteReader {
    /// The languages the site writes its own words for (`i18n/fr.yml` → `fr`): such a language
    /// needs no shipped table.
    func ownTranslations() -> Set<String> {
        guard let entries = try? fileSystem.entries(in: TranslationReader.folder) else { return [] }
        return Set(entries.filter { $0.kind == .file && $0.name.hasSuffix(".yml") && !$0.name.hasPrefix(".") }
            .map { Translation.primarySubtag(String($0.name.dropLast(4))) })
    }

    /// `config` with the theme's words in its language: the shipped table (or English) with the
    /// site's `i18n/<lang>.yml` over it, and the built-in taxonomies' names in that language.
    func translating(_ config: SiteConfig, _ diagnostics: inout Diagnostics) -> SiteConfig {
        var config = config
        let path = TranslationReader.path(for: config.language)
        var overrides: [String: String] = [:]
        if fileSystem.kind(of: path) == .file {
            do {
                let data = try fileSystem.contents(of: path)
                if let text = String(validatingUTF8Data: data) {
                    let (words, found) = TranslationReader.read(text: text, path: path)
                    overrides = words
                    diagnostics.append(contentsOf: found)
                } else {
                    diagnostics.error(ContentFile.invalidUTF8Location(data, path: path), "\(path) is not valid UTF-8", hint: "save it as UTF-8 in your editor", stage: .config)
                }
            } catch {
                diagnostics.append(Self.readProblem(error, path: path, stage: .config))
            }
        }
        reportUnreadTranslations(besides: path, language: config.language, &diagnostics)
        let translation = Translation(language: config.language, overrides: overrides)
        config.translation = translation
        config.taxonomies = config.taxonomies.map(translation.translating)
        return config
    }

    /// A warning for each file of `i18n/` the build does not read: another language's words (a
    /// site has one language), or a file not named `<lang>.yml`.
    private func reportUnreadTranslations(besides read: String, language: String, _ diagnostics: inout Diagnostics) {
        guard let entries = try? fileSystem.entries(in: TranslationReader.folder) else { return }
        for entry in entries where !entry.name.hasPrefix(".") {
            let path = "\(TranslationReader.folder)/\(entry.name)"
            guard path != read else { continue }
            if entry.kind == .file, entry.name.hasSuffix(".yml") {
                diagnostics.warning(SourceLocation(path: path), "\(path) is not read: the site's language is \(language)",
                                    hint: "write the site's words in \(read), or set language: \(entry.name.dropLast(4)) in site.yml", stage: .config)
            } else {
                diagnostics.warning(SourceLocation(path: path), "\(path) is not read: the site's words belong in \(read)",
                                    hint: "name the file after the site's language, as \(read)", stage: .config)
            }
        }
    }
}
