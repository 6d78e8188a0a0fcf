import Testing

@testable import ScrubRules

@Suite("RadixSort: UInt64s in order, as the standard library sorts them")
struct RadixSortTests {
    @Test("random values of every width, repeats and edge values sort as sort() does", arguments: [16, 58, 64])
    func agreesWithSort(bits: Int) {
        var random = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 3, 100, 65_537, 200_000] {
            var values = (0..<count).map { _ in random.next() >> UInt64(64 - bits) }
            if count > 10 { values += [0, 0, values[3], values[3], bits == 64 ? .max : (1 << UInt64(bits)) - 1] }
            var sorted = values
            RadixSort.sort(&sorted, bits: bits)
            #expect(sorted == values.sorted(), "\(count) values of \(bits) bits")
        }
    }
}
