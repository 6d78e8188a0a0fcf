import CallingWindows

/// A limit on how often one number may be called: at most `maxCalls` calls in any rolling `window`,
/// and, if `refusalPause` is set, none for that long after the person refused.
///
/// Caps count the calls in a ``ContactHistory``. A per-offer cap counts only calls about the same
/// offer (calls logged without an offer count for every offer, the safe reading).
public struct FrequencyCap: Hashable, Sendable, CustomStringConvertible {
    /// A short name for reports and `reject_detail`, e.g. `US-FL 3/24h`.
    public var name: String
    public var maxCalls: Int
    /// The rolling window, in seconds.
    public var window: Int64
    /// After a refusal, no call for this many seconds.
    public var refusalPause: Int64?
    /// Whether only calls about the same offer (campaign, subject) count.
    public var perOffer: Bool
    /// A party who bought from the caller within this many months is not capped (Oregon's 18), as the
    /// lead's EBR columns show it; nil when no purchase spares the party.
    public var sparedByPurchaseWithinMonths: Int?

    public init(
        name: String, maxCalls: Int, window: Int64, refusalPause: Int64? = nil, perOffer: Bool = false,
        sparedByPurchaseWithinMonths: Int? = nil
    ) {
        precondition(maxCalls >= 1 && window > 0)
        self.name = name
        self.maxCalls = maxCalls
        self.window = window
        self.refusalPause = refusalPause
        self.perOffer = perOffer
        self.sparedByPurchaseWithinMonths = sparedByPurchaseWithinMonths
    }

    /// Whether the lead's evidence spares it this cap on `date`: a purchase in the months the cap names.
    public func spares(_ evidence: LeadEvidence, on date: LocalDate) -> Bool {
        guard let months = sparedByPurchaseWithinMonths else { return false }
        return evidence.hasRelationship(.purchase, withinMonths: months, of: date)
    }

    public var description: String { name }

    /// How far back a history must reach for this cap to be judged.
    public var lookback: Int64 { max(window, refusalPause ?? 0) }

    static let day: Int64 = 86_400

    /// Florida, Oklahoma and Maryland: at most 3 calls in 24 hours on the same subject (Florida
    /// Telemarketing Act, Fla. Stat. 501.616(6)(b); Oklahoma Telephone Solicitation Act of 2022;
    /// Maryland Stop the Spam Calls Act of 2023).
    public static func threeIn24Hours(_ state: String) -> FrequencyCap {
        FrequencyCap(name: "US-\(state) 3/24h", maxCalls: 3, window: day, perOffer: true)
    }

    /// Oregon: at most 3 calls or texts in 24 hours (HB 3865, ORS 646.569 as amended, from
    /// 2026-01-01), counting every solicitation whatever its subject. The statute spares a party who
    /// bought from the caller in the last 18 months: a lead whose EBR columns show a purchase in the 18
    /// months up to the campaign day; a lead without them is capped (the strict reading).
    public static let oregon = FrequencyCap(
        name: "US-OR 3/24h", maxCalls: 3, window: day, sparedByPurchaseWithinMonths: 18)

    /// France: at most 4 calls in 30 days, and none for 60 days after a refusal (décret n° 2022-1313).
    public static let france = FrequencyCap(
        name: "FR 4/30d, 60d after refusal", maxCalls: 4, window: 30 * day, refusalPause: 60 * day)

    /// British Columbia: one call per 30 days about the same offer (issue 8's rule; check it against the
    /// rules data before relying on it).
    public static let britishColumbia = FrequencyCap(name: "CA-BC 1/30d", maxCalls: 1, window: 30 * day, perOffer: true)
}

/// Which caps apply to a number, by its region and subdivision: the built-in legal caps, and any
/// company caps that apply to every number.
public struct FrequencyCapTable: Sendable, Equatable {
    /// Caps by `REGION` or `REGION-SUBDIVISION` (`US-FL`).
    public var byPlace: [String: [FrequencyCap]]
    /// Company caps for every number.
    public var everywhere: [FrequencyCap]

    public init(byPlace: [String: [FrequencyCap]], everywhere: [FrequencyCap] = []) {
        self.byPlace = byPlace
        self.everywhere = everywhere
    }

    /// The legal caps this scrub knows, whatever the date.
    public static let legal = FrequencyCapTable(
        byPlace: Dictionary(grouping: dated, by: \.place).mapValues { $0.map(\.cap) })

    /// The legal caps in force on `date`: the one dated table of caps (the `obligations` of the
    /// matching rules in `calling-rules.yaml`, with their rules' effective dates).
    public static func legal(on date: LocalDate) -> FrequencyCapTable {
        FrequencyCapTable(
            byPlace: Dictionary(grouping: dated.filter { date >= $0.from }, by: \.place).mapValues { $0.map(\.cap) })
    }

    static let dated: [(place: String, from: LocalDate, cap: FrequencyCap)] = [
        ("US-FL", LocalDate(year: 2021, month: 7, day: 1)!, .threeIn24Hours("FL")),
        ("US-OK", LocalDate(year: 2022, month: 11, day: 1)!, .threeIn24Hours("OK")),
        ("US-MD", LocalDate(year: 2024, month: 1, day: 1)!, .threeIn24Hours("MD")),
        ("US-OR", LocalDate(year: 2026, month: 1, day: 1)!, .oregon),
        ("FR", LocalDate(year: 2023, month: 3, day: 1)!, .france),
        ("CA-BC", LocalDate(year: 2005, month: 10, day: 1)!, .britishColumbia),
    ]

    /// The caps for a number of `region` (ISO 3166) and `subdivision` (`FL`, `BC`), company caps first.
    public func caps(region: String, subdivision: String?) -> [FrequencyCap] {
        var caps = everywhere + (byPlace[region] ?? [])
        if let subdivision { caps += byPlace["\(region)-\(subdivision)"] ?? [] }
        return caps
    }

    /// The longest lookback of any cap: how much history to load.
    public var lookback: Int64 {
        (everywhere + byPlace.values.flatMap { $0 }).map(\.lookback).max() ?? 0
    }
}
