/// Why an input is not a usable phone number. Bad rows are data: the reason is counted and reported.
public enum PhoneRejection: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// Nothing but white space.
    case empty
    /// Not something a phone number is written as (words, an e-mail address, a date...).
    case notANumber
    /// Fewer digits than the numbering plan allows.
    case tooShort
    /// More digits than the numbering plan allows.
    case tooLong
    /// A possible length, but no number range of the region matches it.
    case invalidForRegion
    /// A country calling code, or a default region, outside the generated data.
    case unsupportedRegion
    /// A number in scientific notation (`4.15555E+09`): a spreadsheet took it for a quantity, and the
    /// digits past the mantissa's are lost.
    case scientificNotation

    /// Snake-case name used in reports and JSON (`too_short`, ...).
    public var description: String {
        switch self {
        case .empty: "empty"
        case .notANumber: "not_a_number"
        case .tooShort: "too_short"
        case .tooLong: "too_long"
        case .invalidForRegion: "invalid_for_region"
        case .unsupportedRegion: "unsupported_region"
        case .scientificNotation: "scientific_notation"
        }
    }
}
