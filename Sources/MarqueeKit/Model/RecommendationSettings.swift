/// How Marquee suggests "You'll love" links where the writer gave none (`recommendations:` in site.yml).
public struct RecommendationSettings: Hashable, Sendable {
    /// Suggest links for reviews without explicit ones.
    public var suggest = true
    /// How many suggestions a review without explicit recommendations gets.
    public var count = 3
    /// Top up reviews that do have explicit recommendations to this many links (0: never top up).
    public var fillTo = 0
    /// The lowest rating a suggested review may have, in half steps; nil means 4/5 of the scale.
    public var minimumHalfSteps: Int?
    /// Terms filed under more reviews than this are too common to mean anything ("Drama").
    public var maxTermReviews = 100
    /// Points for each shared term, by taxonomy id, where site.yml changes them: the others count
    /// their taxonomy's `suggestionWeight` (directors 6, writers 4, tags 2; added taxonomies 1).
    public var weights: [String: Double] = [:]
    /// Points for a film year within `yearWindow` years (scaled by closeness), once something else is shared.
    public var yearWeight: Double = 1
    public var yearWindow = 5
    /// Points for a better rating (scaled from the floor to the top of the scale).
    public var ratingWeight: Double = 1
    /// Warn when two reviews recommend each other (off: "liked A? you'll love B" and back is often right).
    public var warnMutual = false

    public init() {}

    public func floor(scale: Int) -> Int {
        minimumHalfSteps ?? Int((Double(scale * 2) * 0.8).rounded())
    }
}
