/// Why a row was rejected. Cases are in precedence order: the first that applies is the row's reason.
public enum RejectReason: String, Sendable, Codable, CaseIterable, Comparable {
    case malformedRow = "MALFORMED_ROW"
    case missingNumber = "MISSING_NUMBER"
    case invalidNumber = "INVALID_NUMBER"
    case unsupportedRegion = "UNSUPPORTED_REGION"
    case noConsent = "NO_CONSENT"
    /// An autodialed or prerecorded call, or a text, to a wireless number without prior express consent
    /// (``WirelessConsentRule``): right after `NO_CONSENT`, the other missing-consent reason.
    case wirelessNoConsent = "WIRELESS_NO_CONSENT"
    case suppressed = "SUPPRESSED"
    case litigator = "LITIGATOR"
    case dncRegistry = "DNC_REGISTRY"
    /// The FCC Reassigned Numbers Database says the number was disconnected since the lead's consent or
    /// last contact (``ReassignedRule``). Ranked after the lists, which hold whoever has the number, and
    /// before `DUPLICATE`, with the other facts about a number that no exemption clears.
    case reassigned = "REASSIGNED"
    case duplicate = "DUPLICATE"
    /// A declared emergency bans the call on the campaign date (``EmergencyBanRule``). Ranked after
    /// the permanent reasons, before the caps and windows, which defer a row for less long.
    case emergencyBan = "EMERGENCY_BAN"
    case frequencyCap = "FREQUENCY_CAP"
    case noCallingWindow = "NO_CALLING_WINDOW"

    public static func < (lhs: RejectReason, rhs: RejectReason) -> Bool {
        lhs.precedence < rhs.precedence
    }

    /// The reason's place in precedence order (0 first): per row, so read from a table made once
    /// rather than from `allCases`, which builds its array at every use.
    package var precedence: Int { Self.ordered.firstIndex(of: self)! }
    private static let ordered = allCases
}
