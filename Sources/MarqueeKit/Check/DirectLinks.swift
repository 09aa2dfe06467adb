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

    /// An empty table with room for `capacity` links.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
    }

    init(_ links: [String]) {
        self.init(capacity: links.count)
        for var link in links { link.withUTF8 { insert(UnsafeRawBufferPointer($0)) } }
    }

    /// Adds a link, unless it is there already. (Which slot a link takes depends on the order
    /// links come in; what the table answers does not.) Past `capacity`, the table grows.
    mutating func insert(_ link: UnsafeRawBufferPointer) {
        if (starts.count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(link)) & mask
        while slots[slot] != 0 {
            if matches(slots[slot] - 1, link) { return }
            slot = (slot + 1) & mask
        }
        starts.append(bytes.count)
        lengths.append(link.count)
        bytes.append(contentsOf: link)
        slots[slot] = starts.count
    }

    private mutating func grow() {
        let old = (bytes, starts, lengths)
        self = DirectLinks(capacity: max(16, slots.count))
        old.0.withUnsafeBytes { stored in
            for entry in old.1.indices {
                insert(UnsafeRawBufferPointer(rebasing: stored[old.1[entry]..<(old.1[entry] + old.2[entry])]))
            }
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
        while slots[slot] != 0 {
            if matches(slots[slot] - 1, link) { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    /// Whether entry `entry` holds exactly the bytes of `link`.
    private func matches(_ entry: Int, _ link: UnsafeRawBufferPointer) -> Bool {
        guard lengths[entry] == link.count else { return false }
        return bytes.withUnsafeBytes { stored in
            guard let base = stored.baseAddress, let wanted = link.baseAddress else { return true } // both empty
            return memcmp(base + starts[entry], wanted, link.count) == 0
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
