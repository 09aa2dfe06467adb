import Foundation
import Testing
@testable import MarqueeKit

/// The default stylesheet's palettes, light and dark: every text colour against every background it
/// is used on passes WCAG AA for body text (4.5:1). axe-core checks the pages it is given; this checks
/// the palette itself, so a colour changed for one page cannot fail another.
@Suite struct ThemeColoursTests {
    static let css = DefaultTheme.assets["style.css"] ?? ""

    /// The `--name: #rrggbb;` variables of the first `:root { … }` after `marker`.
    static func palette(after marker: String) -> [String: String] {
        guard let start = css.range(of: marker),
              let root = css.range(of: ":root {", range: start.upperBound..<css.endIndex),
              let close = css.range(of: "}", range: root.upperBound..<css.endIndex) else { return [:] }
        var colours: [String: String] = [:]
        for declaration in css[root.upperBound..<close.lowerBound].split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if parts.count == 2, parts[0].hasPrefix("--"), parts[1].hasPrefix("#"), parts[1].count == 7 { colours[parts[0]] = parts[1] }
        }
        return colours
    }

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        func linear(_ shift: Int) -> Double {
            let channel = Double((value >> shift) & 255) / 255
            return channel <= 0.03928 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
        }
        let red: Double = linear(16), green: Double = linear(8), blue: Double = linear(0)
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    @Test(arguments: ["/* Marquee default theme", "@media (prefers-color-scheme: dark)"])
    func textColoursPassAA(scheme marker: String) throws {
        let colours = Self.palette(after: marker)
        #expect(colours.count >= 10, "no palette after \(marker)")
        let pairs = [("--text", "--bg"), ("--text", "--card"), ("--text", "--code-bg"), ("--muted", "--bg"), ("--muted", "--card"),
                     ("--muted", "--code-bg"), ("--accent", "--bg"), ("--accent", "--card"), ("--on-accent", "--accent")]
        for (text, background) in pairs {
            let fg = try #require(colours[text], "\(marker): no \(text)")
            let bg = try #require(colours[background], "\(marker): no \(background)")
            #expect(Self.contrast(fg, bg) >= 4.5, "\(marker): \(text) \(fg) on \(background) \(bg) is \(Self.contrast(fg, bg)):1")
        }
        // The stars and the chart's bars are not text, but must stand out from the page (3:1, WCAG 1.4.11).
        #expect(Self.contrast(try #require(colours["--star"]), try #require(colours["--bg"])) >= 3)
    }

    @Test func theContrastFormulaIsWCAGs() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 0.001)
        #expect(abs(Self.contrast("#777777", "#ffffff") - 4.48) < 0.01)
    }
}
