public extension Int {
    /// 10000 → "10,000", whatever the locale: messages read the same everywhere.
    var groupedDigits: String {
        let digits = Array(String(magnitude))
        var out = self < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}
