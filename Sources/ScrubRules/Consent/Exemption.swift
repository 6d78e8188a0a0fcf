/// Why a registry match was let through: the pipeline allows the exemption for that registry and
/// the lead row carries its evidence. Written in the clean output's `exemption` column.
public enum Exemption: String, Sendable, Codable, CaseIterable {
    /// An established business relationship: a purchase within 18 months, or an inquiry within
    /// 3 months, of the campaign date (16 CFR 310.2(q), 47 CFR 64.1200(f)(5)).
    case ebr = "EBR"
    /// The person's prior written consent (16 CFR 310.4(b)(1)(iii)(B)(1)).
    case consent = "CONSENT"

    /// How a pipeline names it: `ebr`, `consent`.
    public var key: String { rawValue.lowercased() }
}
