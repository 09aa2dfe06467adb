import Foundation

/// Where a marked value (`BodyMarks`) sits in a file once the marks are cut out.
struct MarkedRange: Equatable, Sendable {
    /// Byte offset and length of the value, as escaped, in the file as written.
    var offset: Int
    var length: Int
    /// The mark's id: review index and part (`BodyMarks.review(ofID:)`, `part(ofID:)`).
    var id: Int
    var encoding: BodyMarks.Encoding
}

/// Cuts the marks of one build (`BodyMarks`) out of a file's bytes, noting where each marked value
/// was. The bytes left are exactly those of the same file rendered without marks: every mark is
/// removed, whatever happened to it. A mark whose probe came out escaped in a way not known here,
/// or that sits inside another, is left out of the ranges and its id is reported as unreadable.
enum MarkStripper {
    struct Result {
        var bytes: Data
        var ranges: [MarkedRange]
        /// Ids whose place could not be recorded: a later build must not rely on them.
        var unreadable: Set<Int>
    }

    /// Nil when the bytes hold no mark of this build (most files but pages).
    static func strip(_ data: Data, nonce: [UInt8]) -> Result? {
        data.withUnsafeBytes { raw -> Result? in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return nil }
            return strip(UnsafeBufferPointer(start: base, count: raw.count), nonce: nonce)
        }
    }

    private static let probes: [(bytes: [UInt8], encoding: BodyMarks.Encoding)] =
        BodyMarks.Encoding.allCases.map { (Array($0.encode(BodyMarks.probe).utf8), $0) }

    static func strip(_ bytes: UnsafeBufferPointer<UInt8>, nonce: [UInt8]) -> Result? {
        let count = bytes.count
        /// Whether a mark's start (kind 0x90) or end (0x92), with the nonce, begins at `index`.
        func isMark(_ index: Int, _ kind: UInt8) -> Bool {
            guard index + 3 + nonce.count <= count, bytes[index + 1] == 0xB7, bytes[index + 2] == kind else { return false }
            for k in 0..<nonce.count where bytes[index + 3 + k] != nonce[k] { return false }
            return true
        }
        func nextLead(from index: Int) -> Int? {
            guard index < count, let base = bytes.baseAddress,
                  let found = memchr(base + index, 0xEF, count - index) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        // Most files hold no mark: find the first before copying anything.
        var scan = 0
        var first: Int?
        while let lead = nextLead(from: scan) {
            if isMark(lead, 0x90) || isMark(lead, 0x92) { first = lead; break }
            scan = lead + 1
        }
        guard let first else { return nil }

        var out = Data(capacity: count)
        out.append(UnsafeBufferPointer(rebasing: bytes[0..<first]))
        var ranges: [MarkedRange] = []
        var unreadable = Set<Int>()
        var open: [(id: Int, encoding: BodyMarks.Encoding?, offset: Int)] = []
        var copied = first
        var index = first
        let markLength = 3 + nonce.count
        while index < count {
            guard let lead = nextLead(from: index) else { break }
            if isMark(lead, 0x90) {
                out.append(UnsafeBufferPointer(rebasing: bytes[copied..<lead]))
                // id digits, U+FDD1, the probe as escaped, U+FDD1
                var cursor = lead + markLength
                var id = 0
                var digits = 0
                while cursor < count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39, digits < 12 {
                    id = id * 10 + Int(bytes[cursor] - 0x30)
                    cursor += 1
                    digits += 1
                }
                guard digits > 0, isSeparator(bytes, cursor) else {
                    // Not a mark this build made: it cannot be, but never lose bytes over it.
                    index = lead + 1
                    copied = lead
                    continue
                }
                let probeStart = cursor + 3
                var probeEnd = probeStart
                while probeEnd < count, probeEnd - probeStart < 64, !isSeparator(bytes, probeEnd) { probeEnd += 1 }
                guard isSeparator(bytes, probeEnd) else {
                    index = lead + 1
                    copied = lead
                    continue
                }
                let probe = UnsafeBufferPointer(rebasing: bytes[probeStart..<probeEnd])
                let encoding = probes.first { $0.bytes.elementsEqual(probe) }?.encoding
                open.append((id, encoding, out.count))
                index = probeEnd + 3
                copied = index
            } else if isMark(lead, 0x92) {
                out.append(UnsafeBufferPointer(rebasing: bytes[copied..<lead]))
                if let mark = open.popLast() {
                    if open.isEmpty, let encoding = mark.encoding {
                        ranges.append(MarkedRange(offset: mark.offset, length: out.count - mark.offset, id: mark.id, encoding: encoding))
                    } else {
                        // Nested in another mark, or escaped in a way the next build cannot repeat.
                        unreadable.insert(mark.id)
                        for outer in open { unreadable.insert(outer.id) }
                    }
                }
                index = lead + markLength
                copied = index
            } else {
                index = lead + 1
            }
        }
        out.append(UnsafeBufferPointer(rebasing: bytes[copied..<count]))
        for mark in open { unreadable.insert(mark.id) }
        if !unreadable.isEmpty { ranges.removeAll { unreadable.contains($0.id) } }
        return Result(bytes: out, ranges: ranges, unreadable: unreadable)
    }

    private static func isSeparator(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index + 3 <= bytes.count && bytes[index] == 0xEF && bytes[index + 1] == 0xB7 && bytes[index + 2] == 0x91
    }
}
