/// Sorting and de-duplicating 50-bit key hashes.
///
/// A most-significant-digit radix sort: each level scatters by the next (up to) 11 bits into a scratch
/// buffer, recurses into each sub-bucket, and copies back. Hashes are uniform, so two levels leave
/// buckets of a handful of entries, finished by insertion sort; the second level works inside the L2
/// cache. Scratch space: one more array of the same length.
package enum HashSort {
    /// Sorts `hashes` (each below 2^50) and removes repeats; returns how many repeats were removed.
    ///
    /// - Complexity: O(n) time for uniform hashes, O(n) extra memory.
    package static func sortAndDeduplicate(_ hashes: inout [UInt64]) -> Int {
        let count = hashes.count
        guard count > 1 else { return 0 }
        let scratch = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
        defer { scratch.deallocate() }
        hashes.withUnsafeMutableBufferPointer { values in
            sort(values, scratch: scratch, topBit: KeyHash.bits)
        }
        var kept = 1
        hashes.withUnsafeMutableBufferPointer { values in
            for index in 1..<count where values[index] != values[kept - 1] {
                values[kept] = values[index]
                kept += 1
            }
        }
        hashes.removeSubrange(kept...)
        return count - kept
    }

    /// Sorts `values`, whose bits at `topBit` and above are all equal, using `scratch` (same count).
    static func sort(
        _ values: UnsafeMutableBufferPointer<UInt64>, scratch: UnsafeMutableBufferPointer<UInt64>, topBit: Int
    ) {
        let count = values.count
        if count <= 32 || topBit == 0 {
            insertionSort(values)
            return
        }
        // About 4 entries per sub-bucket, at most 2048 sub-buckets (a 16 KB histogram, in L1).
        let bits = min(topBit, 11, max(1, Int.bitWidth - count.leadingZeroBitCount - 2))
        let shift = UInt64(topBit - bits)
        let mask = UInt64(1 << bits - 1)
        let digits = 1 << bits
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * digits + 1) { table in
            table.initialize(repeating: 0)
            let offsets = UnsafeMutableBufferPointer(rebasing: table[0...digits])
            let next = UnsafeMutableBufferPointer(rebasing: table[(digits + 1)...])
            for value in values {
                offsets[Int((value >> shift) & mask) + 1] += 1
            }
            for digit in 0..<digits {
                offsets[digit + 1] += offsets[digit]
                next[digit] = offsets[digit]
            }
            // offsets[d] is now where digit d starts; scatter, advancing a copy of the starts.
            for value in values {
                let digit = Int((value >> shift) & mask)
                scratch[next[digit]] = value
                next[digit] += 1
            }
            for digit in 0..<digits {
                let range = offsets[digit]..<offsets[digit + 1]
                guard range.count > 1 else { continue }
                sort(
                    UnsafeMutableBufferPointer(rebasing: scratch[range]),
                    scratch: UnsafeMutableBufferPointer(rebasing: values[range]), topBit: Int(shift))
            }
        }
        _ = values.update(fromContentsOf: scratch)
    }

    static func insertionSort(_ values: UnsafeMutableBufferPointer<UInt64>) {
        guard values.count > 1 else { return }
        for index in 1..<values.count {
            let value = values[index]
            var hole = index
            while hole > 0 && values[hole - 1] > value {
                values[hole] = values[hole - 1]
                hole -= 1
            }
            values[hole] = value
        }
    }
}
