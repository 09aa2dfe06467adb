/// FNV-1a, 64 bits: a hash that is the same in every process (Swift's `Hasher` is seeded anew
/// each run), for fingerprints kept on disk between builds.
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        for byte in text.utf8 { combine(byte) }
        combine(UInt8(0xFF)) // never in UTF-8: "ab"+"c" and "a"+"bc" differ
    }

    /// The same as `combine(_:)` of the String these UTF-8 bytes are.
    mutating func combine(bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { combine(byte) }
        combine(UInt8(0xFF))
    }

    mutating func combine(_ number: Int) {
        var rest = UInt64(bitPattern: Int64(number))
        for _ in 0..<8 {
            combine(UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
    }

    private mutating func combine(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
}
