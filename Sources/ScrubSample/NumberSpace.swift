/// All numbers of some regions' plans whose last digit has a given parity, as one index range.
///
/// Lead numbers come from the even half and filler list entries from the odd half, so a list entry
/// meant to miss never matches a lead by chance, and the hit rates come out exactly as asked.
/// Indexes are spread over the range by ``IndexPermutation``, so distinct rows get distinct numbers.
struct NumberSpace: Sendable {
    struct Segment: Sendable {
        var region: Int
        var plan: Int
        var prefix: UInt64
        /// The first index of this segment in the space.
        var start: UInt64
    }

    /// A decoded number.
    struct Number: Sendable {
        var region: Int
        var plan: Int
        /// The national significant number, written with `plans[plan].length` digits (zero-padded).
        var national: UInt64
        /// The E.164 number as an integer: calling code then national significant number.
        var e164: UInt64
    }

    let segments: [Segment]
    let size: UInt64
    let parity: UInt64
    private let regions: [SampleRegion]

    init(regions regionIndexes: [Int], parity: UInt64, catalogue: [SampleRegion]) {
        var segments: [Segment] = []
        var start: UInt64 = 0
        for region in regionIndexes {
            for (planIndex, plan) in catalogue[region].plans.enumerated() {
                for prefix in plan.prefixes {
                    segments.append(Segment(region: region, plan: planIndex, prefix: prefix, start: start))
                    start += plan.freeCount / 2
                }
            }
        }
        self.segments = segments
        self.size = start
        self.parity = parity
        self.regions = catalogue
    }

    /// The number at `index` (< `size`).
    func number(at index: UInt64) -> Number {
        // Binary search for the last segment starting at or before `index`.
        var low = 0
        var high = segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segments[middle].start <= index { low = middle } else { high = middle - 1 }
        }
        let segment = segments[low]
        let region = regions[segment.region]
        let plan = region.plans[segment.plan]
        let national = plan.nationalNumber(prefix: segment.prefix, free: 2 * (index - segment.start) + parity)
        return Number(
            region: segment.region, plan: segment.plan, national: national,
            e164: region.callingCode * NumberPlan.power10(plan.length) + national)
    }
}

/// A keyed bijection of `0..<size`: a four-round Feistel network over the smallest even number of
/// bits that covers `size`, with cycle walking for values beyond it (fewer than four steps expected).
package struct IndexPermutation: Sendable {
    package let size: UInt64
    private let halfBits: UInt64
    private let mask: UInt64
    private let keys: [UInt64]

    package init(size: UInt64, key: UInt64) {
        precondition(size > 0)
        self.size = size
        var bits: UInt64 = 2
        while bits < 64 && (size - 1) >> bits != 0 { bits += 2 }
        halfBits = bits / 2
        mask = (1 << halfBits) - 1
        keys = (0..<4).map { SampleRandom.mix(key &+ UInt64($0)) }
    }

    @inline(__always)
    package func apply(_ value: UInt64) -> UInt64 {
        var v = value
        repeat {
            var left = v >> halfBits
            var right = v & mask
            for key in keys {
                (left, right) = (right, left ^ (SampleRandom.mix(right ^ key) & mask))
            }
            v = left << halfBits | right
        } while v >= size
        return v
    }
}
