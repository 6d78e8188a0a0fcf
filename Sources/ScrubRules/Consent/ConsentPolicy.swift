import CallingWindows
import ScrubIO

/// A pipeline's consent rules resolved for its campaign: which lead columns carry consent and
/// business-relationship evidence, which regions need consent on the campaign date, and how long a
/// relationship lasts.
///
/// Consent counts when its day is on or before the campaign date and, if the pipeline names an
/// evidence column, the row names its evidence. An established business relationship (EBR) counts
/// from its day through the same day 18 months later for a purchase, 3 months later for an inquiry,
/// both inclusive (see ``LocalDate/adding(months:)`` for month ends). See `docs/opt-outs.md`.
public struct ConsentPolicy: Sendable {
    /// Column indexes in the lead header.
    public struct Columns: Sendable, Equatable {
        public var timestamp: Int?
        public var evidence: Int?
        public var relationshipDate: Int?
        public var relationshipType: Int?
        /// A column saying the call relates to a current contract with the caller.
        public var currentContract: Int?

        public init(
            timestamp: Int? = nil, evidence: Int? = nil, relationshipDate: Int? = nil, relationshipType: Int? = nil,
            currentContract: Int? = nil
        ) {
            self.timestamp = timestamp
            self.evidence = evidence
            self.relationshipDate = relationshipDate
            self.relationshipType = relationshipType
            self.currentContract = currentContract
        }
    }

    /// How the timestamp and relationship-date columns are written (ISO 8601 unless the pipeline says).
    public struct DateFormats: Sendable, Equatable {
        public var timestamp: DateFormat
        public var relationshipDate: DateFormat

        public init(timestamp: DateFormat = .iso8601, relationshipDate: DateFormat = .iso8601) {
            self.timestamp = timestamp
            self.relationshipDate = relationshipDate
        }
    }

    public static let purchaseMonths = 18
    public static let inquiryMonths = 3

    public let columns: Columns
    public let dateFormats: DateFormats
    /// The requirements in force on the campaign date, for the campaign's purpose.
    public let requirements: [ConsentRequirement]
    public let campaignDate: LocalDate
    /// The campaign's call purpose (`telemarketing`, `research`), which decides whether consent is needed.
    public let purpose: String
    private let requiredCodes: [UInt16]

    public init(
        columns: Columns, dateFormats: DateFormats = .init(), requirements: [ConsentRequirement],
        campaignDate: LocalDate, purpose: String
    ) {
        self.columns = columns
        self.dateFormats = dateFormats
        self.campaignDate = campaignDate
        self.purpose = purpose
        self.requirements =
            ConsentRequirement.marketingPurposes.contains(purpose)
            ? requirements.filter { $0.isInForce(on: campaignDate) } : []
        self.requiredCodes = self.requirements.map { NumberProfile.code($0.region) }
    }

    /// Whether numbers of the region need consent on the campaign date.
    public func requiresConsent(regionCode: UInt16) -> Bool { requiredCodes.contains(regionCode) }

    /// The requirement for `region`, for explanations and `reject_detail`.
    public func requirement(for region: String) -> ConsentRequirement? {
        requirements.first { $0.region == region }
    }

    /// Whether the row's consent counts on the campaign date.
    public func hasConsent(_ evidence: LeadEvidence) -> Bool {
        guard let day = evidence.consentDay else { return false }
        return day <= campaignDate && evidence.hasConsentReference
    }

    /// Whether the row needs no consent under `requirement`: a current contract where the law spares it.
    public func isSpared(_ evidence: LeadEvidence, by requirement: ConsentRequirement) -> Bool {
        requirement.sparedByCurrentContract && evidence.hasCurrentContract
    }

    /// Whether the row's business relationship counts on the campaign date.
    public func hasRelationship(_ evidence: LeadEvidence) -> Bool {
        guard let kind = evidence.relationship else { return false }
        let months = kind == .purchase ? Self.purchaseMonths : Self.inquiryMonths
        return evidence.hasRelationship(kind, withinMonths: months, of: campaignDate)
    }

    /// The first of `allowed` the row's evidence supports, in the pipeline's order.
    public func exemption(_ evidence: LeadEvidence, allowed: [Exemption]) -> Exemption? {
        allowed.first { exemption in
            switch exemption {
            case .ebr: hasRelationship(evidence)
            case .consent: hasConsent(evidence)
            }
        }
    }

    /// Reads the evidence columns of `record`, dates in their columns' formats.
    ///
    /// A date that does not read in its format is no date: no consent, no relationship (the run counts
    /// such values per column, ``UnreadableDates``). The day is the calendar day as written (see
    /// ``DateFormat/day(_:)``): the export states no other, and the campaign date is a calendar day too.
    public func evidence(of record: CSVRecord) -> LeadEvidence {
        func field<T>(_ index: Int?, _ read: (UnsafeRawBufferPointer) -> T?) -> T? {
            guard let index, index < record.count else { return nil }
            return record.withField(index, read)
        }
        return LeadEvidence(
            consentDay: field(columns.timestamp, dateFormats.timestamp.day),
            hasConsentReference: columns.evidence == nil || field(columns.evidence, LeadEvidence.isPresent) == true,
            relationshipDay: field(columns.relationshipDate, dateFormats.relationshipDate.day),
            relationship: field(columns.relationshipType, LeadEvidence.relationship),
            hasCurrentContract: field(columns.currentContract, LeadEvidence.namesContract) == true)
    }
}
