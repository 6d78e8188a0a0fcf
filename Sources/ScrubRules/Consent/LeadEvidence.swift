import CallingWindows

/// The consent and business-relationship facts one lead row carries, as days.
///
/// Read from the row's consent columns only when a rule needs them (a number of a consent region,
/// or a registry match the pipeline allows an exemption for), without allocating.
public struct LeadEvidence: Sendable, Equatable {
    /// The kind of an established business relationship.
    public enum Relationship: String, Sendable, Equatable {
        case purchase
        case inquiry
    }

    /// The day the person consented (the date as written in the consent timestamp).
    public var consentDay: LocalDate?
    /// Whether the row names the evidence of its consent (always true when no evidence column is set).
    public var hasConsentReference: Bool
    /// The day of the last purchase or inquiry.
    public var relationshipDay: LocalDate?
    public var relationship: Relationship?
    /// Whether the row says the call is made while performing a current contract with the caller and
    /// relates to it (France's exception to prior consent, L223-1).
    public var hasCurrentContract: Bool

    public init(
        consentDay: LocalDate? = nil, hasConsentReference: Bool = true, relationshipDay: LocalDate? = nil,
        relationship: Relationship? = nil, hasCurrentContract: Bool = false
    ) {
        self.consentDay = consentDay
        self.hasConsentReference = hasConsentReference
        self.relationshipDay = relationshipDay
        self.relationship = relationship
        self.hasCurrentContract = hasCurrentContract
    }

    /// The date at the start of a field: `YYYY-MM-DD`, alone or followed by `T` or a space and a time
    /// (the date as written, whatever the offset). Spaces around are ignored; nil for anything else.
    /// ``DateFormat/iso8601``'s day; other formats are the pipeline's `date_format`.
    public static func date(_ field: UnsafeRawBufferPointer) -> LocalDate? {
        DateFormat.iso8601.day(field)
    }

    /// `purchase` or `inquiry`, in any case; nil for anything else.
    public static func relationship(_ field: UnsafeRawBufferPointer) -> Relationship? {
        var start = 0
        var end = field.count
        while start < end, field[start] == 0x20 { start += 1 }
        while end > start, field[end - 1] == 0x20 || field[end - 1] == 0x0D { end -= 1 }
        func matches(_ word: StaticString) -> Bool {
            guard word.utf8CodeUnitCount == end - start else { return false }
            for index in 0..<(end - start) where field[start + index] | 0x20 != word.utf8Start[index] { return false }
            return true
        }
        if matches("purchase") { return .purchase }
        if matches("inquiry") || matches("enquiry") { return .inquiry }
        return nil
    }

    /// Whether the row's relationship is of `kind` and its day lies in the `months` calendar months up to
    /// `date`: the one test behind the EBR exemption and the caps a recent purchase spares.
    public func hasRelationship(_ kind: Relationship, withinMonths months: Int, of date: LocalDate) -> Bool {
        guard relationship == kind, let day = relationshipDay, day <= date else { return false }
        return date <= day.adding(months: months)
    }

    /// Whether a current-contract field names one: any value (a contract id, `yes`) but blanks and the
    /// negatives `no`, `n`, `false`, `0` and `none`, in any case.
    public static func namesContract(_ field: UnsafeRawBufferPointer) -> Bool {
        let trimmed = field.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        let word = String(decoding: trimmed.reversed(), as: UTF8.self).lowercased()
        return !word.isEmpty && !["no", "n", "false", "0", "none"].contains(word)
    }

    /// Whether a field holds anything but spaces.
    public static func isPresent(_ field: UnsafeRawBufferPointer) -> Bool {
        field.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
    }
}

extension LocalDate {
    /// The same day `months` calendar months later; the month's last day when it is shorter
    /// (2025-05-31 plus 18 months is 2026-11-30).
    public func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12
        let newMonth = total % 12 + 1
        var newDay = day
        while LocalDate(year: newYear, month: newMonth, day: newDay) == nil { newDay -= 1 }
        return LocalDate(year: newYear, month: newMonth, day: newDay)!
    }
}
