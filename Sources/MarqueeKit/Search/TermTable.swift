/// Terms by their UTF-8 bytes, each numbered the first time it is seen (0, 1, 2, …).
///
/// The index meets a term for every word of every title, credit and excerpt, and most of them
/// again and again. A `[String: …]` would make a String of each occurrence and hash it with
/// SipHash; this table hashes the bytes where they lie (FNV-1a) and keeps each term's bytes once,
/// so a word seen before costs a hash and one comparison. Open addressing, linear probing, grown
/// at half full.
struct TermTable {
    /// The bytes of every term, one after another.
    private var bytes: [UInt8] = []
    /// Term number → where its bytes are.
    private var ranges: [Range<Int>] = []
    private var hashes: [UInt64] = []
    /// Term number + 1 in each slot, 0 for an empty one; the count is a power of two.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)

    var count: Int { ranges.count }

    /// The number of `term`, given it now when it is new.
    mutating func number(of term: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(term)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let found = Int(slots[slot]) - 1
            if hashes[found] == hash, equal(found, term) { return found }
            slot = (slot + 1) & mask
        }
        let number = ranges.count
        let start = bytes.count
        bytes.append(contentsOf: term)
        ranges.append(start..<bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(number + 1)
        if ranges.count * 2 > slots.count { grow() }
        return number
    }

    /// Term `number`'s text.
    func term(_ number: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[ranges[number]]), as: UTF8.self) }
    }

    /// Calls `body` with term `number`'s bytes.
    func withBytes<R>(of number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[ranges[number]])) }
    }

    private func equal(_ number: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = ranges[number]
        guard range.count == term.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            var offset = 0
            while offset < term.count {
                if stored[range.lowerBound + offset] != term[offset] { return false }
                offset += 1
            }
            return true
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for number in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[number]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }

    /// FNV-1a, 64 bits, with the high bits folded in (the slot is taken from the low ones).
    private static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in term { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash ^ (hash >> 29)
    }
}
