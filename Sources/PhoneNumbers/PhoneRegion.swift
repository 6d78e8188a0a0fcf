/// A two-letter ISO 3166-1 region code (`US`, `GB`, ...), stored as two ASCII bytes.
public struct PhoneRegion: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The two uppercase ASCII letters, first in the high byte.
    public let rawValue: UInt16

    /// A region from two letters in either case; nil unless `code` is exactly two ASCII letters.
    public init?(_ code: some StringProtocol) {
        let bytes = Array(code.utf8)
        guard bytes.count == 2, let first = Self.upper(bytes[0]), let second = Self.upper(bytes[1]) else { return nil }
        rawValue = UInt16(first) << 8 | UInt16(second)
    }

    /// A region from two ASCII bytes (a CSV cell), in either case; nil unless both are letters.
    public init?(ascii first: UInt8, _ second: UInt8) {
        guard let a = Self.upper(first), let b = Self.upper(second) else { return nil }
        rawValue = UInt16(a) << 8 | UInt16(b)
    }

    public var code: String { String(decoding: [UInt8(rawValue >> 8), UInt8(rawValue & 0xFF)], as: UTF8.self) }

    public var description: String { code }

    public static func < (lhs: PhoneRegion, rhs: PhoneRegion) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The regions the generated data covers, libphonenumber's main region for each calling code first.
    public static var supported: [PhoneRegion] { PhoneMetadata.shared.regions.map(\.region) }

    private static func upper(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - 32
        default: nil
        }
    }
}
