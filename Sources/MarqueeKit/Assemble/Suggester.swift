/// Suggests "You'll love" links for reviews the writer gave none (or tops them up), from what reviews
/// share: director, writer, tags, category, film year, and how well the other one is rated.
///
/// Linear in the number of reviews: candidates come from the taxonomies' term lists (an inverted
/// index), terms shared by more than `maxTermReviews` reviews are skipped as noise, and the best few
/// are kept by a top-k selection, never a full sort.
struct Suggester {
    let reviews: [Review]
    let taxonomies: [Taxonomy]
    let settings: RecommendationSettings
    let scale: Int

    struct Candidate {
        var score: Double
        var halfSteps: Int
        var index: Int
        var reason: String?
        var reasonWeight: Double

        /// Higher score, then higher rating, then newer (lower index: reviews are newest first, ties by slug).
        func ranks(before other: Candidate) -> Bool {
            (score, halfSteps, -index) > (other.score, other.halfSteps, -other.index)
        }
    }

    func suggestions(for explicit: [[Recommendation]]) -> [[Recommendation]] {
        guard settings.suggest else { return explicit }
        let floor = settings.floor(scale: scale)
        let weighted: [(Taxonomy, Double)] = taxonomies.compactMap { taxonomy in
            let weight = settings.weights[taxonomy.definition.id] ?? taxonomy.definition.suggestionWeight
            return weight > 0 && taxonomy.definition.readsNames ? (taxonomy, weight) : nil
        }
        return ConcurrentMap.map(Array(reviews.indices)) { index in
            let given = explicit[index]
            // A review whose named recommendations all lie outside the site still gets one from the
            // site: every review keeps the reader here.
            let keepsReaderHere = given.isEmpty || given.contains { if case .review = $0.target { true } else { false } }
            let wanted = given.isEmpty ? settings.count : max(keepsReaderHere ? 0 : 1, settings.fillTo - given.count)
            guard wanted > 0 else { return given }
            return given + suggest(for: index, count: wanted, excluding: given, floor: floor, weighted: weighted)
        }
    }

    private func suggest(for index: Int, count: Int, excluding given: [Recommendation], floor: Int,
                         weighted: [(Taxonomy, Double)]) -> [Recommendation] {
        var found: [Int: Candidate] = [:]
        for (taxonomy, weight) in weighted {
            for termIndex in taxonomy.termsOfReview[index] {
                let term = taxonomy.terms[termIndex]
                guard term.reviews.count >= 2, term.reviews.count <= settings.maxTermReviews else { continue }
                for other in term.reviews where other != index {
                    var candidate = found[other] ?? Candidate(score: 0, halfSteps: reviews[other].rating.halfSteps, index: other, reason: nil, reasonWeight: 0)
                    candidate.score += weight
                    if weight > candidate.reasonWeight {
                        candidate.reasonWeight = weight
                        candidate.reason = taxonomy.definition.reason(for: term.name)
                    }
                    found[other] = candidate
                }
            }
        }
        let review = reviews[index]
        let excluded = Set(given.compactMap { if case .review(let target) = $0.target { return target } else { return nil } })
        var best: [Candidate] = []
        for var candidate in found.values where candidate.halfSteps >= floor && !excluded.contains(candidate.index) {
            let other = reviews[candidate.index]
            if let a = review.year, let b = other.year, settings.yearWindow > 0 {
                let distance = abs(a - b)
                if distance <= settings.yearWindow {
                    candidate.score += settings.yearWeight * (1 - Double(distance) / Double(settings.yearWindow + 1))
                }
            }
            let top = max(1, scale * 2 - floor)
            candidate.score += settings.ratingWeight * Double(candidate.halfSteps - floor) / Double(top)
            // Keep the best `count` so far, in order: a top-k insertion, not a sort of every candidate.
            if best.count < count || candidate.ranks(before: best[best.count - 1]) {
                let position = best.firstIndex { candidate.ranks(before: $0) } ?? best.count
                best.insert(candidate, at: position)
                if best.count > count { best.removeLast() }
            }
        }
        return best.map { Recommendation(target: .review($0.index), isExplicit: false, reason: $0.reason) }
    }
}
