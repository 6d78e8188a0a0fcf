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

    @Test("a map grown to hundreds of thousands of entries keeps every entry")
    func growsLarge() {
        var random = SeededRandom(seed: 11)
        let map = UInt64Map<UInt32>()
        var oracle: [UInt64: UInt32] = [:]
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
