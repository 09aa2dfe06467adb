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
        let l = local
        let sign = utcOffset < 0 ? "-" : "+"
        let off = abs(utcOffset)
        let zone = utcOffset == 0 ? "Z" : "\(sign)\(pad(off / 3600)):\(pad(off % 3600 / 60))"
        return "\(pad(l.year, 4))-\(pad(l.month))-\(pad(l.day))T\(pad(l.hour)):\(pad(l.minute)):\(pad(l.second))\(zone)"
    }

    /// `2009-03-14`, the day in the writer's zone.
    public var isoDay: String {
        let l = local
        return "\(pad(l.year, 4))-\(pad(l.month))-\(pad(l.day))"
    }

    /// "14 March 2009", for people.
    public var display: String {
        let l = local
        return "\(l.day) \(CivilCalendar.monthNames[l.month - 1]) \(l.year)"
    }

    public var year: Int { local.year }

    private func pad(_ n: Int, _ width: Int = 2) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
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
