/// The UK TPS and CTPS file layout: one national number a line, 12 characters before the CRLF, in
/// either of the two variants the TPS ships, detected line by line:
///
/// - with spaces: the dialling code, one space, the local number (`01635 506160`);
/// - without spaces: the number's digits left-justified and padded with spaces to 12 (`01635506160 `).
///
/// The column rules are not published in full, so lines are read tolerantly: spaces after the number
/// (and a CR) are ignored, a line of more than 12 characters before them does not fit either variant.
/// A number is a `0`, then 9 or 10 digits, the first not 0 (a leading `00` is an international
/// prefix); in the spaced variant the dialling code holds 3 to 6 digits. Numbers are read as GB
/// numbers: `01635 506160` is `+441635506160`. Blank lines are skipped, and a first line that starts
/// with a letter is a header.
public struct TPSLineParser: IndexLineParser {
    /// The width of a record before its line break.
    public static let recordWidth = 12

    public init() {}

    public func parse(line: UnsafeRawBufferPointer, lineNumber: Int) -> LineKey {
        var end = line.count
        while end > 0 && (line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\r")) { end -= 1 }
        var start = 0
        if lineNumber == 1, end >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF { start = 3 }
        if start == end { return .skip }
        let first = line[start] | 0x20
        if lineNumber == 1, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") { return .skip }
        guard end - start <= Self.recordWidth else { return .invalid }

        var national: UInt64 = 0  // the digits after the leading 0
        var digits = 0
        var spaceAfter: Int?  // digits before the one space, in the spaced variant
        for index in start..<end {
            let byte = line[index]
            if byte == UInt8(ascii: " ") {
                guard spaceAfter == nil else { return .invalid }
                spaceAfter = digits
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return .invalid }
            if digits == 0 {
                guard digit == 0 else { return .invalid }
            } else {
                if digits == 1 && digit == 0 { return .invalid }
                national = national * 10 + UInt64(digit)
            }
            digits += 1
        }
        guard (10...11).contains(digits) else { return .invalid }
        if let spaceAfter, !(3...6).contains(spaceAfter) { return .invalid }
        var scale: UInt64 = 1
        for _ in 0..<(digits - 1) { scale *= 10 }
        return .key(44 * scale + national)
    }
}
