/// One way of grouping reviews: categories, directors, writers, years, tags, or one a site adds
/// (`taxonomies:` in site.yml). Each term gets a page at `/<path>/<term>/` and the taxonomy an index at `/<path>/`.
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

    public init(id: String, keys: [String], path: String? = nil, title: String, singular: String) {
        self.id = id
        self.keys = keys
        self.path = path ?? id
        self.title = title
        self.singular = singular
    }

    /// The ids of the built-in taxonomies, named here once: every stage refers to them by these.
    public enum ID {
        public static let categories = "categories"
        public static let directors = "directors"
        public static let writers = "writers"
        public static let years = "years"
        public static let tags = "tags"
    }

    public static let defaults: [TaxonomyDefinition] = [
        TaxonomyDefinition(id: ID.categories, keys: ["category", "categories"], title: "Categories", singular: "Category"),
        TaxonomyDefinition(id: ID.directors, keys: ["director", "directors"], title: "Directors", singular: "Director"),
        TaxonomyDefinition(id: ID.writers, keys: ["writer", "writers"], title: "Writers", singular: "Writer"),
        TaxonomyDefinition(id: ID.years, keys: ["year"], title: "Years", singular: "Year"),
        TaxonomyDefinition(id: ID.tags, keys: ["tags"], title: "Tags", singular: "Tag"),
    ]

    /// Keys Marquee reads itself; any other front matter key can feed an added taxonomy.
    var isBuiltIn: Bool { Self.defaults.contains { $0.id == id } }
}
