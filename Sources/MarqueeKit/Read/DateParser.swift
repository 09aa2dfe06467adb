import Foundation

/// Reads the dates writers type: `2009-03-14`, `2009-03-14 18:30`, `2009-03-14T18:30:00`, and
/// RFC 3339 with an offset (`2009-03-14T18:30:00+05:30`, `…Z`). A date without an offset is read in
/// the site's time zone.
struct DateParser {
    let timeZone: TimeZone

    enum Failure: Error, Equatable {
        case format
        case outOfRange(String)
    }

    func parse(_ raw: String) -> Result<PublicationDate, Failure> {
        let text = Array(raw.trimmingWhitespace().utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= text.count else { return nil }
            var n = 0
            for k in i..<(i + digits) {
                let c = text[k]
                guard c >= 48 && c <= 57 else { return nil }
                n = n * 10 + Int(c - 48)
            }
            i += digits
            return n
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < text.count, text[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2) else {
            return .failure(.format)
        }
        var hour = 0, minute = 0, second = 0
        var offset: Int?
        if i < text.count {
            guard text[i] == 84 || text[i] == 116 || text[i] == 32 else { return .failure(.format) } // T, t or space
            i += 1
            guard let h = number(2), expect(58), let m = number(2) else { return .failure(.format) }
            hour = h; minute = m
            if expect(58) {
                guard let s = number(2) else { return .failure(.format) }
                second = s
                if expect(46) { // fractional seconds are accepted and dropped
                    let start = i
                    while i < text.count, text[i] >= 48, text[i] <= 57 { i += 1 }
                    if i == start { return .failure(.format) }
                }
            }
            while i < text.count, text[i] == 32 { i += 1 }
            if i < text.count {
                if text[i] == 90 || text[i] == 122 { // Z
                    i += 1
                    offset = 0
                } else if text[i] == 43 || text[i] == 45 { // + or -
                    let sign = text[i] == 45 ? -1 : 1
                    i += 1
                    guard let oh = number(2) else { return .failure(.format) }
                    _ = expect(58)
                    guard let om = number(2), oh <= 23, om <= 59 else { return .failure(.format) }
                    offset = sign * (oh * 3600 + om * 60)
                } else {
                    return .failure(.format)
                }
            }
            if i != text.count { return .failure(.format) }
        }
        guard (1...12).contains(month) else { return .failure(.outOfRange("month \(month) does not exist")) }
        guard (1...CivilCalendar.daysInMonth(year, month)).contains(day) else {
            return .failure(.outOfRange("day \(day) does not exist in \(CivilCalendar.monthNames[month - 1]) \(year)"))
        }
        guard hour <= 23, minute <= 59, second <= 60 else {
            let time = [hour, minute, second].map { String($0).leftPadded(2) }.joined(separator: ":")
            return .failure(.outOfRange("the time \(time) does not exist"))
        }
        let localSeconds = Int64(CivilCalendar.days(fromCivil: year, month, day)) * 86_400
            + Int64(hour * 3600 + minute * 60 + min(second, 59))
        if let offset {
            return .success(PublicationDate(secondsSince1970: localSeconds - Int64(offset), utcOffset: offset))
        }
        // Local time in the site's zone: find the offset in force at that local time.
        let guess = Date(timeIntervalSince1970: TimeInterval(localSeconds))
        var zoneOffset = timeZone.secondsFromGMT(for: guess)
        zoneOffset = timeZone.secondsFromGMT(for: guess.addingTimeInterval(TimeInterval(-zoneOffset)))
        return .success(PublicationDate(secondsSince1970: localSeconds - Int64(zoneOffset), utcOffset: zoneOffset))
    }
}
