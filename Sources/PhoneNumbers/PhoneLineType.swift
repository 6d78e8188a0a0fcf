/// What kind of line a number belongs to, as libphonenumber's number-type patterns classify it.
public enum PhoneLineType: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case fixedLine
    case mobile
    /// The plan does not tell fixed from mobile (NANP, and some ranges elsewhere).
    case fixedLineOrMobile
    case tollFree
    case premiumRate
    case sharedCost
    case voip
    case personalNumber
    case pager
    case uan
    case voicemail

    /// libphonenumber's `PhoneNumberType` name (`FIXED_LINE_OR_MOBILE`, ...), also used in JSON output.
    public var description: String {
        switch self {
        case .fixedLine: "FIXED_LINE"
        case .mobile: "MOBILE"
        case .fixedLineOrMobile: "FIXED_LINE_OR_MOBILE"
        case .tollFree: "TOLL_FREE"
        case .premiumRate: "PREMIUM_RATE"
        case .sharedCost: "SHARED_COST"
        case .voip: "VOIP"
        case .personalNumber: "PERSONAL_NUMBER"
        case .pager: "PAGER"
        case .uan: "UAN"
        case .voicemail: "VOICEMAIL"
        }
    }

    /// Whether the number is tied to a place (libphonenumber's `is_number_type_geographical`), so its
    /// time zones come from its prefix rather than from its country.
    var isGeographical: Bool { self == .fixedLine || self == .fixedLineOrMobile }
}
