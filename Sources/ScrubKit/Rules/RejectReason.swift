/// Why a row was rejected. Cases are in precedence order: the first that applies is the row's reason.
public enum RejectReason: String, Sendable, Codable, CaseIterable, Comparable {
    case malformedRow = "MALFORMED_ROW"
    case missingNumber = "MISSING_NUMBER"
    case invalidNumber = "INVALID_NUMBER"
    case unsupportedRegion = "UNSUPPORTED_REGION"
    case noConsent = "NO_CONSENT"
    case suppressed = "SUPPRESSED"
    case dncRegistry = "DNC_REGISTRY"
    case duplicate = "DUPLICATE"
    case frequencyCap = "FREQUENCY_CAP"
    case noCallingWindow = "NO_CALLING_WINDOW"

    public static func < (lhs: RejectReason, rhs: RejectReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
