/// An extension split off a phone number (`x123`, `ext. 123`, `;ext=123`, `#123`): up to 20 digits,
/// stored inline (four bits a digit) so that normalising allocates nothing.
public struct PhoneExtension: Hashable, Sendable, CustomStringConvertible {
    private var high: UInt64 = 0
    private var low: UInt64 = 0
    /// The number of digits, 1 to 20.
    public private(set) var count: Int = 0

    /// Builds an extension from ASCII digits; nil when empty, longer than 20 or not all digits.
    public init?(digits: some Collection<UInt8>) {
        guard (1...20).contains(digits.count) else { return nil }
        for byte in digits {
            guard (0x30...0x39).contains(byte) else { return nil }
            high = high << 4 | low >> 60
            low = low << 4 | UInt64(byte - 0x30)
            count += 1
        }
    }

    /// The digits as text, e.g. `"123"`.
    public var description: String {
        var text = ""
        for index in (0..<count).reversed() {
            let nibble = index >= 16 ? (high >> UInt64((index - 16) * 4)) & 0xF : (low >> UInt64(index * 4)) & 0xF
            text.append(Character(Unicode.Scalar(UInt8(0x30 + nibble))))
        }
        return text
    }
}
