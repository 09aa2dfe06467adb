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

    public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.halfSteps < rhs.halfSteps }
}

import Foundation
