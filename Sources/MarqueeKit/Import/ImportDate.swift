import Foundation

/// WordPress's dates as front matter: `post_date_gmt` is the moment (UTC), `post_date` the same
/// moment in the blog's local time; their difference is the offset the writer saw, written out
/// (`2011-01-18T13:36:14+05:30`). A draft's GMT date is `0000-00-00 00:00:00`: its local date is
/// written without an offset (read in the site's time zone).
enum ImportDate {
    struct Parts: Equatable {
        var year, month, day, hour, minute, second: Int
    }

    static func parse(_ text: String) -> Parts? {
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 3, numbers[0] >= 1000, (1...12).contains(numbers[1]), (1...31).contains(numbers[2]) else { return nil }
        let time = numbers.count >= 6 ? Array(numbers[3...5]) : [0, 0, 0]
        guard time[0] < 24, time[1] < 60, time[2] < 61 else { return nil }
        return Parts(year: numbers[0], month: numbers[1], day: numbers[2], hour: time[0], minute: time[1], second: min(59, time[2]))
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()

    static func moment(_ parts: Parts) -> Date? {
        calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second))
    }

    /// The front matter date, or nil when neither date can be read.
    static func frontMatter(local: String, gmt: String) -> String? {
        let localParts = parse(local)
        guard let gmtParts = parse(gmt), let utc = moment(gmtParts) else {
            return localParts.map { format($0) }
        }
        var offset = 0
        if let localParts, let localMoment = moment(localParts) {
            // Offsets are whole quarter hours; seconds of difference come from rounding in WordPress.
            offset = Int((localMoment.timeIntervalSince(utc) / 900).rounded()) * 900
            if abs(offset) > 14 * 3600 { offset = 0 }
        }
        let shifted = utc.addingTimeInterval(TimeInterval(offset))
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: shifted)
        let parts = Parts(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1, hour: c.hour ?? 0, minute: c.minute ?? 0, second: c.second ?? 0)
        let sign = offset < 0 ? "-" : "+"
        let zone = String(format: "%@%02d:%02d", sign, abs(offset) / 3600, abs(offset) % 3600 / 60)
        return format(parts) + zone
    }

    static func format(_ p: Parts) -> String {
        String(format: "%04d-%02d-%02dT%02d:%02d:%02d", p.year, p.month, p.day, p.hour, p.minute, p.second)
    }
}
