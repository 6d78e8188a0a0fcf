import CallingWindows

/// Where the law requires a person's prior consent before a marketing call, and from when: the one
/// dated table the run consults for `NO_CONSENT`.
///
/// The calling-hour rules (`calling-rules.yaml`) model these laws only as "no window for unsolicited
/// calls"; they carry no consent facts a run can check a row against, so the facts are here, each
/// with its source (shared/research/calling-rules.md unless noted). NOT LEGAL ADVICE.
public struct ConsentRequirement: Sendable, Equatable {
    /// ISO 3166 region of the called number.
    public var region: String
    /// First day in force; nil: every date (the restrictive reading of an unknown start).
    public var from: LocalDate?
    public var citation: String
    /// Whether a call made while performing a current contract, and related to it, needs no consent
    /// (France, L223-1), when the lead's current-contract column says so.
    public var sparedByCurrentContract: Bool

    public init(region: String, from: LocalDate?, citation: String, sparedByCurrentContract: Bool = false) {
        self.region = region
        self.from = from
        self.citation = citation
        self.sparedByCurrentContract = sparedByCurrentContract
    }

    public func isInForce(on date: LocalDate) -> Bool { from.map { date >= $0 } ?? true }

    /// The regions whose law requires prior consent for marketing calls.
    public static let legal: [ConsentRequirement] = [
        ConsentRequirement(region: "DE", from: nil, citation: "UWG §7(2); consent records §7a (H)"),
        ConsentRequirement(
            region: "ES", from: nil,
            citation: "Ley 11/2022 General de Telecomunicaciones art. 66.1.b (issue 8; start date not confirmed, "
                + "applied to every date)"),
        ConsentRequirement(
            region: "FR", from: LocalDate(year: 2026, month: 8, day: 11)!,
            citation: "Loi du 30 juin 2025, from 2026-08-11 (M; one source says 2026-08-01, which the calling "
                + "windows already apply)", sparedByCurrentContract: true),
        ConsentRequirement(
            region: "NL", from: LocalDate(year: 2021, month: 7, day: 1)!,
            citation: "Telecommunicatiewet art. 11.7, opt-in since 2021-07-01 (H)"),
    ]

    /// The requirements for the regions a pipeline names: each keeps its dated entry in ``legal``,
    /// and a region not in it requires consent on every date.
    public static func named(_ regions: [String]) -> [ConsentRequirement] {
        regions.map { region in
            legal.first { $0.region == region }
                ?? ConsentRequirement(region: region, from: nil, citation: "the pipeline's consent.required_in")
        }
    }

    /// Purposes that are marketing, for which consent is required.
    public static let marketingPurposes: Set<String> = ["telemarketing", "telemarketing-consented"]
}
