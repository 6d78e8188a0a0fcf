/// Counter-based randomness for the sample generator: every draw is a pure function of the seed, a
/// purpose and an index, so any row (or list entry) can be regenerated on its own, in any order.
///
/// That is what lets the registry writer re-derive the number of lead row 7,000,000 without keeping
/// the lead file in memory, and what makes the output byte-identical for a seed.
struct SampleRandom {
    /// What a draw is for; each purpose is an independent stream.
    enum Purpose: UInt64 {
        case region = 1
        case numberKind
        case duplicate
        case duplicateSource
        case person
        case style
        case registryHit
        case suppressionHit
        case permutation
        case filler
    }

    private let seed: UInt64

    init(seed: UInt64) {
        self.seed = Self.mix(seed ^ 0x5CA1_AB1E_0DD5_EED5)
    }

    /// One uniform 64-bit value for `purpose` and `index`.
    @inline(__always)
    func value(_ purpose: Purpose, _ index: UInt64) -> UInt64 {
        Self.mix(seed &+ Self.mix(index &+ purpose.rawValue &* 0x9E37_79B9_7F4A_7C15))
    }

    /// A uniform value in `0..<1`, for comparing against a rate.
    @inline(__always)
    func unit(_ purpose: Purpose, _ index: UInt64) -> Double {
        Double(value(purpose, index) >> 11) * 0x1.0p-53
    }

    /// A stream of values for `purpose` and `index`, for draws that need several numbers.
    func stream(_ purpose: Purpose, _ index: UInt64) -> Stream {
        Stream(state: value(purpose, index))
    }

    /// SplitMix64's finaliser: a bijective mix of 64 bits.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A SplitMix64 sequence.
    struct Stream {
        var state: UInt64

        @inline(__always)
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            return SampleRandom.mix(state)
        }

        /// A value in `0..<bound` (bound > 0); the modulo bias is below 2^-40 for the bounds used here.
        @inline(__always)
        mutating func below(_ bound: Int) -> Int {
            Int(next() % UInt64(bound))
        }

        @inline(__always)
        mutating func chance(_ probability: Double) -> Bool {
            Double(next() >> 11) * 0x1.0p-53 < probability
        }

        /// One element of a non-empty array.
        @inline(__always)
        mutating func pick<T>(_ elements: [T]) -> T {
            elements[below(elements.count)]
        }
    }
}
