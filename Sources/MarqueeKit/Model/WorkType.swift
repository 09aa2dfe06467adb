/// What kind of work a review is about (`type:`): the word the credits show for it and the
/// schema.org type of the JSON-LD's `itemReviewed`. One table: a writer names a kind by its short
/// id (`book`) or, as before, by its schema.org type (`Book`).
public struct WorkType: Hashable, Sendable {
    /// What `type:` says: "book".
    public let id: String
    /// The schema.org type: "Book".
    public let schemaType: String
    /// The credits' word for it: "Book".
    public let label: String
    /// The credit taxonomies such a work has (`TaxonomyDefinition.ID`); another is shown with a
    /// warning. nil: any (the kinds a site adds, and the catch-all CreativeWork).
    public let credits: [String]?

    private typealias ID = TaxonomyDefinition.ID
    private static let screen = [ID.directors, ID.writers, ID.cast]

    public static let film = WorkType(id: "film", schemaType: "Movie", label: "Film", credits: screen)

    /// The kinds `type:` names, short ids first; films are the default.
    public static let all: [WorkType] = [
        film,
        WorkType(id: "tv", schemaType: "TVSeries", label: "Series", credits: screen),
        WorkType(id: "book", schemaType: "Book", label: "Book", credits: [ID.authors, ID.writers]),
        WorkType(id: "album", schemaType: "MusicAlbum", label: "Album", credits: [ID.artists, ID.writers]),
        WorkType(id: "game", schemaType: "VideoGame", label: "Game", credits: screen),
        WorkType(id: "play", schemaType: "CreativeWork", label: "Play", credits: [ID.directors, ID.writers, ID.cast]),
        WorkType(id: "restaurant", schemaType: "Restaurant", label: "Restaurant", credits: []),
        // The schema.org names a review could give before the short ids, with their own words.
        WorkType(id: "TVSeason", schemaType: "TVSeason", label: "Season", credits: screen),
        WorkType(id: "TVEpisode", schemaType: "TVEpisode", label: "Episode", credits: screen),
        WorkType(id: "MusicRecording", schemaType: "MusicRecording", label: "Recording", credits: [ID.artists, ID.writers]),
        WorkType(id: "Game", schemaType: "Game", label: "Game", credits: nil),
        WorkType(id: "PodcastSeries", schemaType: "PodcastSeries", label: "Podcast", credits: nil),
        WorkType(id: "CreativeWork", schemaType: "CreativeWork", label: "Work", credits: nil),
    ]

    public init(id: String, schemaType: String, label: String, credits: [String]? = nil) {
        self.id = id
        self.schemaType = schemaType
        self.label = label
        self.credits = credits
    }

    /// The kind `type:` names: one the site adds (`types:` in site.yml), a short id in any case
    /// (`Book`, `book`), `movie` for a film, or a schema.org type of the table.
    public static func named(_ text: String, siteKinds: [WorkType] = []) -> WorkType? {
        let lowered = text.lowercased()
        if let own = siteKinds.first(where: { $0.id.lowercased() == lowered }) { return own }
        if lowered == "movie" { return film }
        return all.first { $0.id.lowercased() == lowered || $0.schemaType == text }
    }

    /// The schema.org types Marquee fills `itemReviewed` for.
    static var schemaTypes: [String] {
        var seen = Set<String>()
        return all.map(\.schemaType).filter { seen.insert($0).inserted }
    }

    /// The short ids, for messages: "film, tv, book, album, game, play, restaurant".
    static var shortIDs: [String] { all.map(\.id).filter { $0 == $0.lowercased() } }
}
