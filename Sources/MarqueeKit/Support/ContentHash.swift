import Foundation

/// A 64-bit hash of whole files, eight bytes at a step (StableHash goes byte by byte: too slow for
/// megabytes of images). Stable across runs and machines: it names files on disk.
struct ContentHash {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    mutating func combine(_ text: String) {
        combine(Data(text.utf8))
    }

    mutating func combine(_ data: Data) {
        data.withUnsafeBytes { raw in
            let count = raw.count
            var index = 0
            while index + 8 <= count {
                mix(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian)
                index += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < count {
                tail |= UInt64(raw[index]) << shift
                shift += 8
                index += 1
            }
            // The length ends each piece: "ab"+"c" and "a"+"bc" differ.
            mix(tail)
            mix(UInt64(count))
        }
    }

    private mutating func mix(_ word: UInt64) {
        state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
        state ^= state >> 32
        state = (state &+ 0x2545_F491_4F6C_DD1D) &* 0xC4CE_B9FE_1A85_EC53
        state ^= state >> 29
    }

    var hex: String {
        let text = String(state, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
