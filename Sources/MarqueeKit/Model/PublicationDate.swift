import Foundation

/// A moment a writer gave in front matter, with the UTC offset it is shown in. Kept as seconds since
/// 1970 plus the offset so that output (feeds, `<time>`) never depends on the build machine's zone.
public struct PublicationDate: Hashable, Sendable, Comparable {
    public let secondsSince1970: Int64
    /// Offset from UTC in seconds of the writer's clock at that moment.
    public let utcOffset: Int

    public init(secondsSince1970: Int64, utcOffset: Int) {
        self.secondsSince1970 = secondsSince1970
        self.utcOffset = utcOffset
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSince1970)) }

    public static func < (lhs: PublicationDate, rhs: PublicationDate) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }

    /// The local calendar fields in the writer's zone.
    public var local: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let seconds = secondsSince1970 + Int64(utcOffset)
        let days = Int(floorDivide(seconds, 86_400))
        let rest = Int(seconds - Int64(days) * 86_400)
        let (y, m, d) = CivilCalendar.civil(fromDays: days)
        return (y, m, d, rest / 3600, rest % 3600 / 60, rest % 60)
    }

    /// RFC 3339 with the writer's offset: `2009-03-14T00:00:00+05:30`. Used in feeds, sitemaps, JSON-LD, `<time>`.
    public var rfc3339: String {
        // As bytes: this is written several times on every review page and card (interpolating a
        // dozen padded pieces cost 1% of a build).
        let l = local
        var out: [UInt8] = []
        out.reserveCapacity(25)
        Self.appendDay(l.year, l.month, l.day, to: &out)
        out.append(UInt8(ascii: "T"))
        Self.append(l.hour, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        Self.append(l.minute, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        Self.append(l.second, width: 2, to: &out)
        if utcOffset == 0 {
            out.append(UInt8(ascii: "Z"))
        } else {
            let off = abs(utcOffset)
            out.append(UInt8(ascii: utcOffset < 0 ? "-" : "+"))
            Self.append(off / 3600, width: 2, to: &out)
            out.append(UInt8(ascii: ":"))
            Self.append(off % 3600 / 60, width: 2, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `2009-03-14`, the day in the writer's zone.
    public var isoDay: String {
        let l = local
        var out: [UInt8] = []
        out.reserveCapacity(10)
        Self.appendDay(l.year, l.month, l.day, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendDay(_ year: Int, _ month: Int, _ day: Int, to out: inout [UInt8]) {
        append(year, width: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        append(month, width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        append(day, width: 2, to: &out)
    }

    /// The decimal digits of `n`, zero-padded to `width` (as `pad`; a negative year keeps its sign).
    private static func append(_ n: Int, width: Int, to out: inout [UInt8]) {
        if n >= 0, n < 10_000, width <= 4 {
            let count = n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : 4
            if count < width { out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - count)) }
            var divisor = count == 1 ? 1 : count == 2 ? 10 : count == 3 ? 100 : 1000
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(n / divisor % 10))
                divisor /= 10
            }
            return
        }
        let digits = Array(String(n).utf8)
        if digits.count < width { out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count)) }
        out.append(contentsOf: digits)
    }

    /// "14 March 2009", for people.
    public var display: String {
        let l = local
        return "\(l.day) \(CivilCalendar.monthNames[l.month - 1]) \(l.year)"
    }

    public var year: Int { local.year }
}

func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    a >= 0 ? a / b : -((-a + b - 1) / b)
}

/// Proleptic Gregorian calendar arithmetic (Howard Hinnant's algorithms): exact, fast, and
/// independent of Foundation's calendars and the machine's locale.
enum CivilCalendar {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
