/// A phone field as the journal reads it: its E.164 number, or why it has none.
///
/// The journal stores only normalised numbers but knows no numbering plans: whoever records
/// events hands it a normaliser as a function (ScrubKit's number stage does, through its
/// `normalizer:` overloads), so the records depend on no phone-number rules.
public enum NumberReading: Sendable, Equatable {
    /// The E.164 digits as an integer: `+14155550123` is 14155550123.
    case e164(UInt64)
    /// The field is empty or blank.
    case missing
    /// Not a valid number; the detail says why.
    case invalid(String)
    /// A valid-looking number in a region the normaliser does not support.
    case unsupportedRegion(String)

    /// Why the journal refuses the number, as a phrase after its name ("number 2 is empty"); nil for
    /// a number it takes.
    public var refusal: String? {
        switch self {
        case .e164: nil
        case .missing: "is empty"
        case .invalid(let detail): "is not a valid phone number: \(detail)"
        case .unsupportedRegion(let detail): "is in a region this scrub does not support: \(detail)"
        }
    }
}

/// Reads a phone field, written as in the country named by the second argument, as a number.
public typealias NumberReader = (UnsafeRawBufferPointer, String) -> NumberReading
