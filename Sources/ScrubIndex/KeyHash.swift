/// The bijective mixing function that places an E.164 key in the table.
///
/// Keys are E.164 numbers read as integers (`+14155550123` is `14155550123`). Every E.164 number has
/// at most 15 digits, so every key is below 10^15 < 2^50, and the hash is a permutation of the 50-bit
/// domain `0 ..< 2^50`. Because it is a permutation, a hash identifies its key: the table stores only
/// part of the hash (the bucket number is implied by position), and membership stays exact.
///
/// The steps, each invertible on 50 bits (arithmetic modulo 2^50):
///
///     M1 = 0x3_79B9_7F4A_7C15, M2 = 0x3_476D_1CE4_E5B9 (both odd)
///     x = (x * M1) mod 2^50;  x ^= x >> 25;  x = (x * M2) mod 2^50;  x ^= x >> 25
///
/// Multiplication by an odd constant is invertible modulo 2^50, and `x ^= x >> 25` is its own inverse
/// on 50 bits (the shifted part is all zero after a second application). Multiplication carries low
/// digits into the high bits, so numbers that differ only in their last digits land in unrelated buckets.
package enum KeyHash {
    /// The width of the key domain and of every hash.
    package static let bits = 50
    /// `2^50 - 1`.
    package static let mask: UInt64 = (1 << 50) - 1
    /// The smallest value that is not a valid key: `2^50`.
    package static let keyLimit: UInt64 = 1 << 50

    // Fixed by format version 1; changing them changes every file.
    static let m1: UInt64 = 0x3_79B9_7F4A_7C15
    static let m2: UInt64 = 0x3_476D_1CE4_E5B9
    static let m1Inverse: UInt64 = inverse(of: m1)
    static let m2Inverse: UInt64 = inverse(of: m2)

    /// The hash of `key`, which must be below ``keyLimit``.
    @inline(__always)
    package static func hash(_ key: UInt64) -> UInt64 {
        var x = (key &* m1) & mask
        x ^= x >> 25
        x = (x &* m2) & mask
        x ^= x >> 25
        return x
    }

    /// The key whose hash is `hash`: the inverse of ``hash(_:)``.
    package static func key(ofHash hash: UInt64) -> UInt64 {
        var x = hash & mask
        x ^= x >> 25
        x = (x &* m2Inverse) & mask
        x ^= x >> 25
        return (x &* m1Inverse) & mask
    }

    /// The multiplicative inverse of an odd `value` modulo 2^64 (hence modulo 2^50), by Newton's iteration.
    static func inverse(of value: UInt64) -> UInt64 {
        var inverse = value  // correct to 3 bits for any odd value
        for _ in 0..<5 {
            inverse = inverse &* (2 &- value &* inverse)  // doubles the correct bits: 3, 6, 12, 24, 48, 96
        }
        return inverse
    }
}
