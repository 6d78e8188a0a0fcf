import CScrubPrefetch

/// A hash map from `UInt64` keys, for the run's per-row lookups: seen numbers, interned profiles,
/// window and output caches.
///
/// Swift's `Dictionary` hashes every key with a seeded SipHash, which is most of a lookup's cost
/// when keys are already well-spread integers; this table uses open addressing with linear probing
/// and a multiplicative hash, and stores keys and values in flat buffers (12 bytes a slot for
/// `UInt32` values), at most three quarters full. `UInt64.max` is reserved as the empty marker.
package final class UInt64Map<Value> {
    private var keys: UnsafeMutablePointer<UInt64>
    private var values: UnsafeMutablePointer<Value>
    private var capacity: Int
    private var shift: UInt64
    package private(set) var count = 0

    private static var empty: UInt64 { .max }

    /// - Parameter minimumCapacity: entries to hold before the first growth.
    package init(minimumCapacity: Int = 0) {
        var capacity = 16
        while capacity * 3 / 4 < minimumCapacity { capacity *= 2 }
        self.capacity = capacity
        self.shift = UInt64(64 - capacity.trailingZeroBitCount)
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: Self.empty, count: capacity)
        values = .allocate(capacity: capacity)
    }

    deinit {
        for slot in 0..<capacity where keys[slot] != Self.empty { (values + slot).deinitialize(count: 1) }
        keys.deallocate()
        values.deallocate()
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Starts loading the slot where `key`'s look-up begins, key and value, so that a caller going
    /// through many keys (the sequencer's candidates) has it in cache when it gets there: in a map
    /// larger than the caches every look-up is a miss otherwise. A hint: it changes nothing.
    @inline(__always)
    package func prefetch(_ key: UInt64) {
        let slot = home(key)
        scrub_prefetch_read(keys + slot)
        scrub_prefetch_read(values + slot)
    }

    /// The value stored for `key`, if any.
    @inline(__always)
    package func value(for key: UInt64) -> Value? {
        var slot = home(key)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == Self.empty { return nil }
            slot = (slot + 1) & (capacity - 1)
        }
    }

    /// Stores `value` for `key` unless `key` is present; returns the value already stored, if any.
    /// One probe sequence either way, so "first time seen?" costs a single lookup.
    @discardableResult
    package func insertIfAbsent(_ value: Value, for key: UInt64) -> Value? {
        precondition(key != Self.empty, "UInt64.max is reserved")
        var slot = home(key)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == Self.empty { break }
            slot = (slot + 1) & (capacity - 1)
        }
        keys[slot] = key
        (values + slot).initialize(to: value)
        count += 1
        if count * 4 > capacity * 3 { grow() }
        return nil
    }

    private func grow() {
        let oldKeys = keys
        let oldValues = values
        let oldCapacity = capacity
        capacity *= 2
        shift -= 1
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: Self.empty, count: capacity)
        values = .allocate(capacity: capacity)
        for old in 0..<oldCapacity where oldKeys[old] != Self.empty {
            var slot = home(oldKeys[old])
            while keys[slot] != Self.empty { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = oldKeys[old]
            (values + slot).moveInitialize(from: oldValues + old, count: 1)
        }
        oldKeys.deallocate()
        oldValues.deallocate()
    }
}
