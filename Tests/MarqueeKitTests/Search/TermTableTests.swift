import Testing
@testable import MarqueeKit

@Suite struct TermTableTests {
    private func number(_ term: String, in table: inout TermTable) -> Int {
        var term = term
        return term.withUTF8 { table.number(of: $0) }
    }

    @Test func aTermKeepsTheNumberItWasFirstGiven() {
        var table = TermTable()
        #expect(number("majidi", in: &table) == 0)
        #expect(number("baran", in: &table) == 1)
        #expect(number("majidi", in: &table) == 0)
        #expect(number("", in: &table) == 2)
        #expect(number("بچه‌های", in: &table) == 3)
        #expect(table.count == 4)
        #expect((0..<4).map(table.term) == ["majidi", "baran", "", "بچه‌های"])
    }

    /// Past the first thousand slots the table grows; every term keeps its number, and terms
    /// that differ in one byte, or are prefixes of each other, stay apart.
    @Test func numbersSurviveGrowthAndNearTermsStayApart() {
        var table = TermTable()
        let terms = (0..<5000).map { "t\($0)" } + (0..<50).map { String(repeating: "a", count: $0 + 1) }
        for (expected, term) in terms.enumerated() { #expect(number(term, in: &table) == expected) }
        for (expected, term) in terms.enumerated().reversed() { #expect(number(term, in: &table) == expected) }
        #expect(table.count == terms.count)
        #expect(table.term(4999) == "t4999" && table.term(5049) == String(repeating: "a", count: 50))
        table.withBytes(of: 5000) { #expect(Array($0) == [UInt8(ascii: "a")]) }
    }
}
