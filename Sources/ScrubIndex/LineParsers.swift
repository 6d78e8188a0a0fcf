/// What one input line holds, as read by an ``IndexLineParser``.
public enum LineKey: Sendable, Equatable {
    /// The line holds this key: an E.164 number as an integer, below 2^50.
    case key(UInt64)
    /// The line holds nothing to count: it is blank, or a header.
    case skip
    /// The line should hold a key but does not; it is counted and reported.
    case invalid
}

/// Reads one line of an input file as a key.
///
/// The index knows nothing of phone-number rules: formats that need them (national numbers of a
/// region, a CSV column) are parsers written on the project's E.164 normaliser and passed in. The
/// builder's own ``E164LineParser`` and ``NANPLineParser`` read the two fixed layouts registries ship.
public protocol IndexLineParser {
    /// Reads `line`, which excludes its terminator (`\n`, and a `\r` before it). `lineNumber` is 1-based.
    mutating func parse(line: UnsafeRawBufferPointer, lineNumber: Int) -> LineKey
}

/// Adapts a closure to ``IndexLineParser``, for parsers built on another module's normaliser.
public struct ClosureLineParser: IndexLineParser {
    let body: (UnsafeRawBufferPointer, Int) -> LineKey

    public init(_ body: @escaping (UnsafeRawBufferPointer, Int) -> LineKey) {
        self.body = body
    }

    public func parse(line: UnsafeRawBufferPointer, lineNumber: Int) -> LineKey {
        body(line, lineNumber)
    }
}

/// One E.164 number a line: `+` then 7 to 15 digits, the first not 0; spaces and tabs around it are
/// ignored, blank lines are skipped, and a first line that starts with a letter is a header.
public struct E164LineParser: IndexLineParser {
    public init() {}

    public func parse(line: UnsafeRawBufferPointer, lineNumber: Int) -> LineKey {
        var scanner = LineScanner(line, lineNumber: lineNumber)
        if scanner.isBlank { return .skip }
        if scanner.isHeader { return .skip }
        guard scanner.take(UInt8(ascii: "+")),
            let (value, digits) = scanner.number(maximumDigits: 15), (7...15).contains(digits),
            scanner.isAtEnd
        else { return .invalid }
        guard value >= 1_000_000 * pow10(digits - 7) else { return .invalid }  // leading zero
        return .key(value)
    }

    func pow10(_ exponent: Int) -> UInt64 {
        var value: UInt64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}

/// The US FTC and Canada CRTC full-list layouts: `AAA,NNNNNNN` (a 3-digit area code and a 7-digit
/// number) or the ten digits `AAANNNNNNN`, read as the NANP number `+1AAANNNNNNN`; each line may use
/// either. The area code and exchange (first digit of the number) must start with 2-9. Blank lines are
/// skipped, and a first line that starts with a letter is a header.
public struct NANPLineParser: IndexLineParser {
    public init() {}

    public func parse(line: UnsafeRawBufferPointer, lineNumber: Int) -> LineKey {
        var scanner = LineScanner(line, lineNumber: lineNumber)
        if scanner.isBlank { return .skip }
        if scanner.isHeader { return .skip }
        guard let (first, firstDigits) = scanner.number(maximumDigits: 10) else { return .invalid }
        let area: UInt64
        let number: UInt64
        if firstDigits == 10 {
            (area, number) = first.quotientAndRemainder(dividingBy: 10_000_000)
        } else {
            guard firstDigits == 3, scanner.take(UInt8(ascii: ",")),
                let (rest, restDigits) = scanner.number(maximumDigits: 7), restDigits == 7
            else { return .invalid }
            (area, number) = (first, rest)
        }
        guard scanner.isAtEnd, area >= 200, number >= 2_000_000 else { return .invalid }
        return .key(10_000_000_000 + area * 10_000_000 + number)
    }
}

/// Reads the bytes of one line, skipping spaces and tabs between tokens.
struct LineScanner {
    let line: UnsafeRawBufferPointer
    let lineNumber: Int
    var index = 0

    init(_ line: UnsafeRawBufferPointer, lineNumber: Int) {
        self.line = line
        self.lineNumber = lineNumber
        // A UTF-8 byte-order mark on the first line.
        if lineNumber == 1, line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF { index = 3 }
        skipSpace()
    }

    mutating func skipSpace() {
        while index < line.count && (line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\t")) {
            index += 1
        }
    }

    var isBlank: Bool { index == line.count }

    /// The first line starts with a letter: a column header such as `AreaCode,PhoneNumber`.
    var isHeader: Bool {
        lineNumber == 1 && index < line.count && (line[index] | 0x20) >= UInt8(ascii: "a")
            && (line[index] | 0x20) <= UInt8(ascii: "z")
    }

    var isAtEnd: Bool { index == line.count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < line.count, line[index] == byte else { return false }
        index += 1
        skipSpace()
        return true
    }

    /// A run of decimal digits and how many there were; nil if there are none or more than `maximumDigits`.
    mutating func number(maximumDigits: Int) -> (UInt64, Int)? {
        var value: UInt64 = 0
        var digits = 0
        while index < line.count {
            let digit = line[index] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            digits += 1
            guard digits <= maximumDigits else { return nil }
            value = value * 10 + UInt64(digit)
            index += 1
        }
        guard digits > 0 else { return nil }
        skipSpace()
        return (value, digits)
    }
}
