import Foundation

/// A set of links looked up by their bytes, without making a `String` of each: the link check
/// reads about a hundred links on every page, most of them the same few thousand of the site's
/// own (menu, cards, terms), and a `String` and its hash for each cost more than the rest of
/// the check. Immutable once made, so every render thread shares one.
///
/// (A `Set<String>` keyed by the same links gives the same answers; this is a small open-addressing
/// table over one byte buffer, which the standard library does not offer for raw bytes.)
struct DirectLinks: Sendable {
    private var bytes: [UInt8] = []
    /// Per entry: where its bytes start in `bytes`, and how many.
    private var starts: [Int] = []
    private var lengths: [Int] = []
    /// Entry index + 1 per slot (0: empty); a power of two, at most half full.
    private var slots: [Int] = []

    init<S: Sequence>(_ links: S) where S.Element == String {
        var unique = Set<String>()
        for link in links { unique.insert(link) }
        let sorted = unique.sorted() // a fixed layout, whatever the order of the sequence
        var size = 16
        while size < sorted.count * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        for link in sorted {
            starts.append(bytes.count)
            lengths.append(link.utf8.count)
            bytes.append(contentsOf: link.utf8)
            var slot = Int(truncatingIfNeeded: Self.hash(link.utf8)) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = starts.count
        }
    }

    var isEmpty: Bool { starts.isEmpty }
    var count: Int { starts.count }

    func contains(_ link: String) -> Bool {
        var link = link
        return link.withUTF8 { contains(UnsafeRawBufferPointer($0)) }
    }

    func contains(_ link: UnsafeRawBufferPointer) -> Bool {
        guard !slots.isEmpty else { return false }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(link)) & mask
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBytes { stored in
                while slots[slot] != 0 {
                    let entry = slots[slot] - 1
                    if lengths[entry] == link.count {
                        guard let base = stored.baseAddress, let wanted = link.baseAddress else { return true } // both empty
                        if memcmp(base + starts[entry], wanted, link.count) == 0 { return true }
                    }
                    slot = (slot + 1) & mask
                }
                return false
            }
        }
    }

    /// FNV-1a: a few instructions a byte, enough to spread links of one site.
    private static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }
}
