/// Which numbers a registry covers, from the region it was declared for: the registry's legal scope,
/// written as the ISO 3166 codes under which libphonenumber files those numbers.
///
/// An index stores the regions it was declared for (`--region US`), never this expansion, so a file
/// built before a scope was widened gets the wider coverage when it is read. A national registry
/// covers its country's whole numbering plan where the law says so, territories included: a Puerto
/// Rico number is filed under `PR`, not `US`, yet the FTC's registry holds it. Where a source is
/// uncertain the wider (stricter) scope is encoded: checking a number against a list that cannot
/// hold it costs a lookup, skipping one that can is a call to someone who asked not to be called.
/// Sources: shared/research/calling-rules.md, rules-2026.md. NOT LEGAL ADVICE.
public enum RegistryScope {
    /// Regions whose national registry covers more regions than its own.
    static let scopes: [String: [String]] = [
        // FTC National Do Not Call Registry: the TSR's "State" includes Puerto Rico, the Northern Mariana
        // Islands and every territory or possession (16 CFR 310.2); all share NANP +1.
        "US": ["US", "PR", "GU", "VI", "AS", "MP"],
        // CRTC National DNCL: Canadian numbers only; other NANP countries are not covered.
        "CA": ["CA"],
        // ACMA Do Not Call Register: Australian numbers, Christmas Island (+61 8 9164) and Cocos
        // (Keeling) Islands (+61 8 9162) included, which libphonenumber files under CX and CC.
        "AU": ["AU", "CX", "CC"],
        // TPS / CTPS: UK numbers. The Crown Dependencies' numbers (+44 1481, 1534, 1624 and their
        // mobiles) are in the same plan; whether the TPS covers them is not confirmed, so the
        // stricter reading is encoded: they are checked.
        "GB": ["GB", "GG", "JE", "IM"],
    ]

    /// Spellings seen in place of an ISO code, read as the code they mean.
    static let aliases = ["UK": "GB"]

    /// `region` as an uppercase ISO 3166 code: `us` is `US`, `UK` is `GB`.
    public static func canonical(_ region: String) -> String {
        let upper = region.uppercased()
        return aliases[upper] ?? upper
    }

    /// The regions whose numbers a registry declared for `declared` covers, each once, in the order
    /// declared; empty (every region) when `declared` is empty.
    public static func coverage(of declared: [String]) -> [String] {
        var covered: [String] = []
        for region in declared.map(canonical) {
            for member in scopes[region] ?? [region] where !covered.contains(member) { covered.append(member) }
        }
        return covered
    }
}
