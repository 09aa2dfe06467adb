/// A rating on the site's scale, in half steps (4.5 of 5 is 9 half steps): integers, so that
/// sorting, grouping and equality never meet a floating-point surprise.
public struct Rating: Hashable, Sendable, Comparable {
    public let halfSteps: Int
    public let scale: Int

    public init(halfSteps: Int, scale: Int) {
        self.halfSteps = halfSteps
        self.scale = scale
    }

    public var value: Double { Double(halfSteps) / 2 }

    /// "4.5", "5", "0.5": what a reader sees.
    public var text: String {
        halfSteps % 2 == 0 ? String(halfSteps / 2) : "\(halfSteps / 2).5"
    }

    /// Parses the writer's text ("4", "4.5", "4.50", "4,5" is refused) into half steps.
    /// Returns nil when the text is not a number.
    public static func parseNumber(_ text: String) -> Double? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
              let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    /// What a rating written as text comes to on a scale of `scale`.
    enum Written: Equatable {
        case number(Double)
        /// "7/10" on a scale of 5: 3.5 is a half step, 7/9 would not be one.
        case outOfScale(numerator: Double, denominator: Int)
        case notANumber
    }

    /// A number (`3.5`), a fraction (`8/10`: on the site's own scale as it is, on another when it
    /// lands on a half step of the site's, so 8/10 is 4 out of 5), or stars as blogs write them
    /// (`★★★½`, `★★★☆☆`: the filled stars, and a half).
    static func parseWritten(_ text: String, scale: Int) -> Written {
        let trimmed = text.trimmingWhitespace()
        if let number = parseNumber(trimmed) { return .number(number) }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, let numerator = parseNumber(String(parts[0])), let denominator = Int(parts[1].trimmingCharacters(in: .whitespaces)),
           denominator > 0, numerator >= 0, numerator <= Double(denominator) {
            if denominator == scale { return .number(numerator) }
            let converted = numerator * Double(scale) / Double(denominator)
            let halves = converted * 2
            return abs(halves - halves.rounded()) < 1e-9 ? .number(halves.rounded() / 2) : .outOfScale(numerator: numerator, denominator: denominator)
        }
        let scalars = Array(trimmed.unicodeScalars)
        let filled = scalars.prefix { $0 == "★" }.count
        let rest = scalars.dropFirst(filled)
        let half = rest.first == "½" ? 1 : 0
        let empty = rest.dropFirst(half)
        if filled + half > 0, empty.allSatisfy({ $0 == "☆" }) {
            return .number(Double(filled) + (half == 1 ? 0.5 : 0))
        }
        return .notANumber
    }

    public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.halfSteps < rhs.halfSteps }
}

import Foundation
