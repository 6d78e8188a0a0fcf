import Foundation

/// Decodes short location fields (country, state, postcode) once per distinct value.
///
/// A lead file repeats a few thousand such values across millions of rows, so a row looks up its
/// field's bytes, packed into two integers, instead of decoding, trimming and upper-casing text
/// again. Each distinct value also gets a small id, which later stages use as a cache key. Values
/// longer than 15 bytes are decoded each time and get no id (they are rare in these columns).
package struct FieldValueCache {
    package struct Value {
        /// The field as trimmed text (upper-cased if asked), or nil when it is blank.
        package var text: String?
        /// 1, 2, ... for each distinct field; 0 when the field was too long to intern.
        package var id: UInt32
    }

    private struct Key: Hashable {
        var low: UInt64
        var high: UInt64
    }

    private let uppercased: Bool
    private var values: [Key: Value] = [:]

    package init(uppercased: Bool) {
        self.uppercased = uppercased
    }

    package mutating func value(_ field: UnsafeRawBufferPointer) -> Value {
        guard field.count <= 15 else { return Value(text: Self.decode(field, uppercased: uppercased), id: 0) }
        // The length in the low byte and the bytes above it: distinct fields, distinct keys.
        var key = Key(low: UInt64(field.count), high: 0)
        for (index, byte) in field.enumerated() {
            if index < 7 {
                key.low |= UInt64(byte) << (8 * (index + 1))
            } else {
                key.high |= UInt64(byte) << (8 * (index - 7))
            }
        }
        if let known = values[key] { return known }
        let value = Value(text: Self.decode(field, uppercased: uppercased), id: UInt32(values.count + 1))
        values[key] = value
        return value
    }

    static func decode(_ field: UnsafeRawBufferPointer, uppercased: Bool) -> String? {
        let text = String(decoding: field, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        return uppercased ? text.uppercased() : text
    }
}
