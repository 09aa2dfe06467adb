/// One way of grouping reviews: categories, directors, writers, cast, authors, artists, years, tags,
/// or one a site adds (`taxonomies:` in site.yml). Each term gets a page at `/<path>/<term>/` and
/// the taxonomy an index at `/<path>/`.
///
/// The built-in ones are rows of one table (`defaults`): the front matter keys they read, where
/// their pages go, whether they are credits of the work, how much a shared term counts towards a
/// suggestion and how the suggestion says so. Reading, assembling and rendering go through the
/// table; adding a built-in taxonomy is one row.
public struct TaxonomyDefinition: Hashable, Sendable {
    /// The name in site.yml ("directors").
    public var id: String
    /// The front matter keys that hold its terms ("director", "directors").
    public var keys: [String]
    /// The URL folder ("directors").
    public var path: String
    /// "Directors"
    public var title: String
    /// "Director"
    public var singular: String
    /// A credit of the work (directors, cast, a book's authors): shown with the credits, in the
    /// feed's credits line and in the JSON-LD of the work.
    public var isCredit = false
    /// Its pages and its place in the menu exist only when a review uses it (cast, authors and
    /// artists: a film blog never shows an empty "Artists" page).
    public var onlyWhenUsed = false
    /// Listed in the site's menu.
    public var inMenu = false
    /// Points a shared term adds to a suggested recommendation (site.yml's weights override it).
    public var suggestionWeight: Double = 1
    /// Why a suggestion was made, `{name}` standing for the shared term: "Also directed by {name}".
    public var suggestionReason: String?
    /// Why an added taxonomy's shared term suggested a review, in the site's language (`reason.same`).
    public var sameTermReason = "Same {singular_lowercase}: {name}"

    public init(id: String, keys: [String], path: String? = nil, title: String, singular: String,
                isCredit: Bool = false, onlyWhenUsed: Bool = false, inMenu: Bool = false,
                suggestionWeight: Double = 1, suggestionReason: String? = nil) {
        self.id = id
        self.keys = keys
        self.path = path ?? id
        self.title = title
        self.singular = singular
        self.isCredit = isCredit
        self.onlyWhenUsed = onlyWhenUsed
        self.inMenu = inMenu
        self.suggestionWeight = suggestionWeight
        self.suggestionReason = suggestionReason
    }

    /// The ids of the built-in taxonomies, named here once: every stage refers to them by these.
    public enum ID {
        public static let categories = "categories"
        public static let directors = "directors"
        public static let writers = "writers"
        public static let cast = "cast"
        public static let authors = "authors"
        public static let artists = "artists"
        public static let years = "years"
        public static let tags = "tags"
    }

    /// The built-in taxonomies, in the order of the menu and the credits.
    public static let defaults: [TaxonomyDefinition] = [
        TaxonomyDefinition(id: ID.categories, keys: ["category", "categories"], title: "Categories", singular: "Category",
                           inMenu: true, suggestionWeight: 1, suggestionReason: "Also in {name}"),
        TaxonomyDefinition(id: ID.directors, keys: ["director", "directors"], title: "Directors", singular: "Director",
                           isCredit: true, inMenu: true, suggestionWeight: 6, suggestionReason: "Also directed by {name}"),
        // A book's author (`author:`), not the review's: that is `reviewer:`.
        TaxonomyDefinition(id: ID.authors, keys: ["author", "authors"], title: "Authors", singular: "Author",
                           isCredit: true, onlyWhenUsed: true, inMenu: true, suggestionWeight: 6, suggestionReason: "Also by {name}"),
        TaxonomyDefinition(id: ID.artists, keys: ["artist", "artists"], title: "Artists", singular: "Artist",
                           isCredit: true, onlyWhenUsed: true, inMenu: true, suggestionWeight: 6, suggestionReason: "Also by {name}"),
        TaxonomyDefinition(id: ID.writers, keys: ["writer", "writers"], title: "Writers", singular: "Writer",
                           isCredit: true, suggestionWeight: 4, suggestionReason: "Also written by {name}"),
        TaxonomyDefinition(id: ID.cast, keys: ["cast"], title: "Cast", singular: "Cast",
                           isCredit: true, onlyWhenUsed: true, suggestionWeight: 2, suggestionReason: "Also with {name}"),
        TaxonomyDefinition(id: ID.years, keys: ["year"], title: "Years", singular: "Year", suggestionWeight: 0),
        TaxonomyDefinition(id: ID.tags, keys: ["tags"], title: "Tags", singular: "Tag",
                           inMenu: true, suggestionWeight: 2, suggestionReason: "Also tagged “{name}”"),
    ]

    /// The built-in taxonomy with this id.
    public static func builtIn(_ id: String) -> TaxonomyDefinition? {
        defaults.first { $0.id == id }
    }

    /// Keys Marquee reads itself; any other front matter key can feed an added taxonomy.
    var isBuiltIn: Bool { Self.builtIn(id) != nil }

    /// Terms filed from front matter names (every taxonomy but years, which is the work's `year`).
    var readsNames: Bool { id != ID.years }

    /// "Also directed by Majid Majidi"; an added taxonomy's "Same country: Iran".
    func reason(for name: String) -> String {
        guard let suggestionReason else {
            return Translation.fill(sameTermReason, ["singular_lowercase": singular.lowercased(), "singular": singular, "name": name])
        }
        return suggestionReason.replacingOccurrences(of: "{name}", with: name)
    }

    /// The singular for one name, the title for more: "Director", "Directors".
    func label(count: Int) -> String { count == 1 ? singular : title }
}
