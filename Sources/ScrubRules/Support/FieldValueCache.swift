import Foundation
import ScrubIO

/// Decodes short location fields (country, state, postcode) once per distinct value.
///
/// A lead file repeats a few thousand such values across millions of rows, so a row looks up its
/// field's bytes, packed into two integers, instead of decoding, trimming and upper-casing text
/// again. Each distinct value also gets a small id (1, 2, 3, ... in order of first sight), which later
/// stages use as a cache key or an array index. Values of 16 to 64 bytes (`United States of America`,
/// `Australian Capital Territory`) are found by a hash of their bytes; longer ones are decoded each
/// time and get no id (they are rare in these columns).
package struct FieldValueCache {
    package struct Value {
        /// The field as trimmed text (upper-cased if asked), or nil when it is blank.
        package var text: String?
        /// 1, 2, ... for each distinct field; 0 when the field was too long to intern (over `maxInterned`).
        package var id: UInt32
    }

    private struct LongKey: Hashable {
        var low: UInt64
        var high: UInt64
    }

    private let uppercased: Bool
    /// Fields of up to 7 bytes, packed into one integer: the length in the low byte, the bytes above.
    private let short = UInt64Map<Value>()
    /// Fields of 8 to 15 bytes.
    private var long: [LongKey: Value] = [:]
    /// Fields of 16 to `maxInterned` bytes: indexes into `longer` by a hash of the bytes.
    private var longerByHash: [Int: [Int]] = [:]
    private var longer: [(bytes: [UInt8], value: Value)] = []

    /// The longest field that gets an id.
    package static let maxInterned = 64

    package init(uppercased: Bool) {
        self.uppercased = uppercased
    }

    package mutating func value(_ field: UnsafeRawBufferPointer) -> Value {
        guard field.count <= 15 else { return longValue(field) }
        // The length in the low byte and the first 7 bytes above it; bytes 8 to 15 in `high`.
        var first: UInt64 = 0
        var high: UInt64 = 0
        withUnsafeMutableBytes(of: &first) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: field.prefix(7))) }
        if field.count > 7 {
            withUnsafeMutableBytes(of: &high) {
                $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: field[(field.startIndex + 7)...]))
            }
        }
        let low = UInt64(littleEndian: first) << 8 | UInt64(field.count)
        if field.count <= 7 {
            if let known = short.value(for: low) { return known }
            let value = Value(text: Self.decode(field, uppercased: uppercased), id: nextID())
            short.insertIfAbsent(value, for: low)
            return value
        }
        let key = LongKey(low: low, high: high)
        if let known = long[key] { return known }
        let value = Value(text: Self.decode(field, uppercased: uppercased), id: nextID())
        long[key] = value
        return value
    }

    private mutating func longValue(_ field: UnsafeRawBufferPointer) -> Value {
        guard field.count <= Self.maxInterned else {
            return Value(text: Self.decode(field, uppercased: uppercased), id: 0)
        }
        var hasher = Hasher()
        hasher.combine(bytes: field)
        let hash = hasher.finalize()
        for index in longerByHash[hash] ?? [] where longer[index].bytes.elementsEqual(field) {
            return longer[index].value
        }
        let value = Value(text: Self.decode(field, uppercased: uppercased), id: nextID())
        longerByHash[hash, default: []].append(longer.count)
        longer.append((Array(field), value))
        return value
    }

    private func nextID() -> UInt32 { UInt32(short.count + long.count + longer.count + 1) }

    /// Trimmed of spaces and tabs, upper-cased if asked; nil when blank. ASCII is handled byte by
    /// byte; other text (Windows-1252 when it is not valid UTF-8, as Excel exports it) through
    /// Foundation, which knows every Unicode space and case.
    package static func decode(_ field: UnsafeRawBufferPointer, uppercased: Bool) -> String? {
        guard field.allSatisfy({ $0 < 0x80 }) else {
            let text = Windows1252.text(field).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            return uppercased ? text.uppercased() : text
        }
        var start = field.startIndex
        var end = field.endIndex
        while start < end, field[start] == 0x20 || field[start] == 0x09 { start += 1 }
        while end > start, field[end - 1] == 0x20 || field[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return nil }
        let trimmed = UnsafeRawBufferPointer(rebasing: field[start..<end])
        guard uppercased else { return String(decoding: trimmed, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: trimmed.count) { buffer in
            for (index, byte) in trimmed.enumerated() {
                buffer[index] = (0x61...0x7A).contains(byte) ? byte - 0x20 : byte
            }
            return trimmed.count
        }
    }
}
