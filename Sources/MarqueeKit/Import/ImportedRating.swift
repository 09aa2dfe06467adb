import Foundation

/// A rating as review blogs write it ("4.5 out of 5", "4/5", "8/10", "★★★★½", "★★★☆☆", "4
/// stars"), put on the site's scale in half steps.
struct ImportedRating: Equatable, Sendable {
    /// On the site's scale, in half steps.
    var value: Double
    /// As written, for the report when it had to be rounded.
    var written: String
    /// The rescaled value was not a half step and was rounded to the nearest.
    var rounded: Bool

    static func parse(_ text: String, scale: Int) -> ImportedRating? {
        let written = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let (value, outOf) = read(written), outOf > 0, value >= 0, value <= outOf else { return nil }
        let exact = value / outOf * Double(scale)
        let halves = (exact * 2).rounded() / 2
        return ImportedRating(value: halves, written: written, rounded: abs(halves - exact) > 0.001)
    }

    /// The value and the top of its scale; nil when the text is not a rating.
    private static func read(_ text: String) -> (Double, Double)? {
        let stars = text.filter { $0 == "★" || $0 == "☆" || $0 == "½" || $0 == "⯪" || $0 == "✩" || $0 == "✭" }
        if stars.contains(where: { $0 != "½" }) {
            let rest = text.filter { !stars.contains($0) && !$0.isWhitespace }
            guard rest.isEmpty || rest.allSatisfy({ "()/.".contains($0) }) else { return nil }
            let full = Double(stars.filter { $0 == "★" || $0 == "✭" }.count)
            let half = stars.contains { $0 == "½" || $0 == "⯪" } ? 0.5 : 0
            let empty = Double(stars.filter { $0 == "☆" || $0 == "✩" }.count)
            let total = empty > 0 ? full + (half > 0 ? 1 : 0) + empty : max(5, (full + half).rounded(.up))
            return (full + half, total)
        }
        var words = text.lowercased()
            .replacingOccurrences(of: "½", with: ".5")
            .replacingOccurrences(of: ",", with: ".")
        for suffix in [" stars", " star", " points", " pts", "."] where words.hasSuffix(suffix) {
            words = String(words.dropLast(suffix.count))
        }
        for separator in [" out of ", " of ", "/", " / "] {
            let parts = words.components(separatedBy: separator)
            if parts.count == 2, let value = number(parts[0]), let top = number(parts[1]) { return (value, top) }
        }
        if let value = number(words) { return (value, -1) }
        return nil
    }

    private static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return nil }
        return Double(trimmed)
    }

    /// A bare number ("4", "4 stars") is on the site's scale.
    static func parse(bare text: String, scale: Int) -> ImportedRating? {
        if let rating = parse(text, scale: scale) { return rating }
        let written = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var words = written.lowercased()
        for suffix in [" stars", " star"] where words.hasSuffix(suffix) { words = String(words.dropLast(suffix.count)) }
        guard let value = number(words), value <= Double(scale) else { return nil }
        let halves = (value * 2).rounded() / 2
        return ImportedRating(value: halves, written: written, rounded: abs(halves - value) > 0.001)
    }
}
