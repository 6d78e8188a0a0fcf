import Foundation

/// Decodes short location fields (country, state, postcode) once per distinct value.
///
/// A lead file repeats a few dozen such values across millions of rows, so a row looks up its
/// field's bytes, packed into an integer, instead of decoding, trimming and upper-casing text again.
/// Values longer than 7 bytes are decoded each time (they are rare in these columns).
package struct FieldValueCache {
    private let uppercased: Bool
    private var values: [UInt64: String?] = [:]

    package init(uppercased: Bool) {
        self.uppercased = uppercased
    }

    /// The field as trimmed text (upper-cased if asked), or nil when it is blank.
    package mutating func value(_ field: UnsafeRawBufferPointer) -> String? {
        guard field.count <= 7 else { return Self.decode(field, uppercased: uppercased) }
        // The length in the low byte and the bytes above it: distinct fields, distinct keys.
        var key = UInt64(field.count)
        for (index, byte) in field.enumerated() { key |= UInt64(byte) << (8 * (index + 1)) }
        if let known = values[key] { return known }
        let decoded = Self.decode(field, uppercased: uppercased)
        values[key] = decoded
        return decoded
    }

    static func decode(_ field: UnsafeRawBufferPointer, uppercased: Bool) -> String? {
        let text = String(decoding: field, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        return uppercased ? text.uppercased() : text
    }
}
