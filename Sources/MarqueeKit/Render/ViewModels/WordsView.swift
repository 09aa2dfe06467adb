import MarqueeTemplates

/// `words`: the theme's plain words in the site's language, by id (`{{words.card.read_more}}`),
/// on every page and fragment. Phrases with something to fill in (`{count} reviews`, `By {name}`)
/// are not here: the view models fill them and give templates the result.
///
/// Each is HTML, escaped here: a site's own word fully (quotes and apostrophes too), a shipped
/// one for element content and double-quoted attributes, keeping its apostrophes (`You'll love`
/// as English has always been written). Templates insert them with {{{ }}}.
struct WordsView: TemplateView {
    let translation: Translation
    /// Made once per build: every page and fragment shows it.
    let templateValue: TemplateValue

    init(_ translation: Translation) {
        self.translation = translation
        templateValue = .object(Self.object(translation))
    }

    var templateObject: TemplateObject { Self.object(translation) }

    /// The template words by group: `card.read_more` is `read_more` in the object `card`.
    private static var groups: [(name: String, words: [ThemeWord])] {
        var order: [String] = []
        var byGroup: [String: [ThemeWord]] = [:]
        for word in ThemeWord.all where word.inTemplates {
            let group = String(word.id.prefix { $0 != "." })
            if byGroup[group] == nil { order.append(group) }
            byGroup[group, default: []].append(word)
        }
        return order.map { ($0, byGroup[$0] ?? []) }
    }

    private static func name(of word: ThemeWord) -> String {
        String(word.id.drop { $0 != "." }.dropFirst())
    }

    private static func object(_ translation: Translation) -> TemplateObject {
        var object = TemplateObject()
        for group in groups {
            var inner = TemplateObject()
            for word in group.words {
                let text = translation.word(word.id)
                let escape = translation.isSitesOwn(word.id) ? HTMLText.escape : Self.escapeShipped
                inner[name(of: word)] = word.use == .split ? .object(split(text, of: word, escape)) : .html(escape(text))
            }
            object[group.name] = .object(inner)
        }
        return object
    }

    /// `before`, `between` (for two placeholders) and `after` of a split phrase.
    private static func split(_ text: String, of word: ThemeWord, _ escape: (String) -> String) -> TemplateObject {
        let parts = Translation.split(text, at: ThemeWord.placeholders(in: word.english))
        var object = TemplateObject()
        for (name, part) in zip(partNames(of: word), parts) { object[name] = .html(escape(part)) }
        return object
    }

    /// `&`, `<`, `>` and `"` escaped; an apostrophe kept (shipped texts only: they are the
    /// program's own, and every attribute of the default theme is double-quoted).
    static func escapeShipped(_ text: String) -> String {
        HTMLText.escape(text).replacingOccurrences(of: "&#39;", with: "'")
    }

    private static func partNames(of word: ThemeWord) -> [String] {
        ThemeWord.placeholders(in: word.english).count == 2 ? ["before", "between", "after"] : ["before", "after"]
    }

    static let schema = TemplateObjectType("words", groups.map { group in
        TemplateField(group.name, .object(TemplateObjectType("\(group.name) words", group.words.map { word in
            let about = "`\(word.english)`: \(word.note) (`\(word.id)` in i18n/<lang>.yml)"
            guard word.use == .split else { return TemplateField(name(of: word), .html, about) }
            let placeholders = ThemeWord.placeholders(in: word.english).map { "{\($0)}" }.joined(separator: " and ")
            return TemplateField(name(of: word), .object(TemplateObjectType("split phrase", partNames(of: word).map {
                TemplateField($0, .html, "the text \($0) \(placeholders)")
            })), about + "; the template puts \(placeholders) between its parts")
        })), "the theme's `\(group.name).…` words, escaped: insert each with {{{ }}}")
    })
}
