import ScrubRules

/// A cheap test of whether a value is shaped like a phone number, for finding phone columns.
///
/// It does not validate numbers (the normaliser does). It accepts an optional `tel:`, then 7 to 15
/// digits among the separators numbers are written with, then an optional extension (`x12`,
/// `ext. 12`, `#12`, `;ext=12`). Ids, dates and timestamps (in any ``DateFormat``), postcodes and
/// names are left out.
enum PhoneShape {
    static func looksLikePhoneNumber(_ field: UnsafeRawBufferPointer) -> Bool {
        guard field.count <= 40 else { return false }
        var index = 0
        if field.count > 4 && lowercased(field, 0, 4) == "tel:" { index = 4 }
        var digits = 0
        var separators = 0
        while index < field.count {
            let byte = field[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"),
                UInt8(ascii: "/"), UInt8(ascii: "+"), 0x09:
                separators += 1
            default:
                guard isExtension(field, from: index) else { return false }
                index = field.count
                continue
            }
            index += 1
        }
        // A date (2024-01-31, 07/26/2026, 26.07.2026 14:30) has as many digits as a short number.
        return (7...15).contains(digits) && !DateFormat.readsInSomeFormat(field)
    }

    /// Whether the bytes from `start` are an extension marker followed by 1 to 6 digits.
    private static func isExtension(_ field: UnsafeRawBufferPointer, from start: Int) -> Bool {
        let rest = lowercased(field, start, field.count)
        for marker in [";ext=", "ext.", "ext", "x", "#"] where rest.hasPrefix(marker) {
            let digits = rest.dropFirst(marker.count).drop { $0 == " " }
            return (1...6).contains(digits.count) && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
        }
        return false
    }

    private static func lowercased(_ field: UnsafeRawBufferPointer, _ from: Int, _ to: Int) -> String {
        String(decoding: field[from..<to], as: UTF8.self).lowercased()
    }
}
