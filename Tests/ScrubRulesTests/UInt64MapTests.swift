import ScrubIO
import ScrubTestSupport
import Testing

@testable import ScrubRules

@Suite("UInt64 map")
struct UInt64MapTests {
    @Test("agrees with Dictionary over random, clustered and sequential keys, through many growths")
    func matchesDictionary() {
        var random = SeededRandom(seed: 7)
        let map = UInt64Map<Int>()
        var oracle: [UInt64: Int] = [:]
        let keys: [UInt64] =
            (0..<20_000).map { _ in random.next() % 1_000_000 }  // repeats
            + (0..<5_000).map { 14_155_550_000 + UInt64($0) }  // E.164-like runs
            + (0..<5_000).map { UInt64($0) << 40 }  // only high bits differ
            + [0, UInt64.max - 1]
        for (index, key) in keys.enumerated() {
            let previous = map.insertIfAbsent(index, for: key)
            #expect(previous == oracle[key])
            if oracle[key] == nil { oracle[key] = index }
        }
        #expect(map.count == oracle.count)
        for (key, value) in oracle { #expect(map.value(for: key) == value) }
        for _ in 0..<1_000 {
            let key = random.next()
            #expect(map.value(for: key) == oracle[key])
        }
    }

    @Test("a map that outgrows the huge-page size (its tables then aligned to 2 MiB) keeps every entry")
    func growsIntoLargeTables() {
        var random = SeededRandom(seed: 11)
        let map = UInt64Map<UInt32>()
        var oracle: [UInt64: UInt32] = [:]
        // 400,000 keys: the key table passes 2 MiB at 262,144 slots, so the last growths move the
        // entries from small allocations into large ones.
        for line in 0..<400_000 {
            let key = 10_000_000_000 + random.next() % 90_000_000_000
            #expect(map.insertIfAbsent(UInt32(line), for: key) == oracle[key])
            if oracle[key] == nil { oracle[key] = UInt32(line) }
        }
        #expect(map.count == oracle.count)
        var wrong = 0
        for (key, line) in oracle where map.value(for: key) != line { wrong += 1 }
        #expect(wrong == 0)
    }

    @Test("a large table is aligned to the huge-page size and holds what is written to every byte of it")
    func largeTableAlignment() {
        let count = LargeTable.hugePage / 8 * 3 + 5
        let table = LargeTable.allocate(UInt64.self, count: count)
        defer { LargeTable.deallocate(table) }
        #expect(Int(bitPattern: table) % LargeTable.hugePage == 0)
        for index in 0..<count { table[index] = UInt64(index) &* 0x9E37_79B9_7F4A_7C15 }
        var wrong = 0
        for index in 0..<count where table[index] != UInt64(index) &* 0x9E37_79B9_7F4A_7C15 { wrong += 1 }
        #expect(wrong == 0)
        let small = LargeTable.allocate(UInt32.self, count: 10)
        defer { LargeTable.deallocate(small) }
        #expect(Int(bitPattern: small) % MemoryLayout<UInt32>.alignment == 0)
    }

    @Test("values are released with the map, each exactly once, after growing")
    func releasesValues() {
        final class Counter { var released = 0 }
        final class Token {
            let counter: Counter
            init(_ counter: Counter) { self.counter = counter }
            deinit { counter.released += 1 }
        }
        let counter = Counter()
        func fill() -> Int {
            let map = UInt64Map<Token>()
            for key in 0..<100 { map.insertIfAbsent(Token(counter), for: UInt64(key)) }  // grows a few times
            map.insertIfAbsent(Token(counter), for: 7)  // present: the new value is not kept
            #expect(counter.released == 1)
            #expect(map.value(for: 8)?.counter === counter)
            return map.count
        }
        #expect(fill() == 100)
        #expect(counter.released == 101)  // and the map's values with the map
    }
}
