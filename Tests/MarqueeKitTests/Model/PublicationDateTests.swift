import Foundation
import Testing
@testable import MarqueeKit

@Suite struct PublicationDateTests {
    /// Written byte by byte: compared with Foundation's ISO 8601 formatter over years, offsets and
    /// times (from 1601: before the Gregorian reform Foundation counts Julian days, Marquee does not).
    @Test func rfc3339MatchesFoundation() {
        let offsets = [0, 19_800, -12_600, 3_600, -36_000, 50_400, 2_700]
        let moments: [Int64] = [0, -1, 1_236_988_800, 253_370_764_799, -11_644_473_600, -2_208_988_800, 1_700_000_000 + 59, 951_782_400]
        for offset in offsets {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(secondsFromGMT: offset)
            for seconds in moments {
                let date = PublicationDate(secondsSince1970: seconds, utcOffset: offset)
                #expect(date.rfc3339 == formatter.string(from: date.date), "\(seconds) \(offset)")
                #expect(date.isoDay == String(date.rfc3339.prefix(10)))
            }
        }
    }
}
