/// The first rule: the phone field must hold a valid number of a supported region
/// (`MISSING_NUMBER`, `INVALID_NUMBER`, `UNSUPPORTED_REGION`). Every later rule judges the number it gives.
package struct NumberRule {
    let normalizer: NumberNormalizing

    package init(normalizer: NumberNormalizing) {
        self.normalizer = normalizer
    }

    /// The row's number; nil when it has none, and `decision` then says why.
    func judge(_ row: RowFacts, decision: inout Decision, trace: inout DecisionTrace?) -> NumberFacts? {
        if trace != nil {
            trace?.append("Input: \(String(decoding: row.phone, as: UTF8.self)) (country \(row.country))")
        }
        switch normalizer.check(row.phone, country: row.country) {
        case .missing:
            decision.reject(Rejection(.missingNumber, detail: "the phone field is empty"))
        case .invalid(let why):
            decision.reject(Rejection(.invalidNumber, detail: why))
        case .unsupportedRegion(let why):
            let detail = row.unknownCountry.map(Self.unknownCountryDetail) ?? why
            decision.reject(Rejection(.unsupportedRegion, detail: detail))
        case .number(let number):
            if trace != nil {
                trace?.append(
                    "Normalised: \(number.e164Text), region \(number.region), \(number.lineType)"
                        + (number.subdivision.map { ", \($0)" } ?? "")
                        + ", zones \(number.timeZones.joined(separator: ", "))")
            }
            decision.number = number
            return number
        }
        return nil
    }

    /// `country value "Atlantis" is not a country we know`, the value cut to 40 characters.
    static func unknownCountryDetail(_ value: String) -> String {
        let shown = value.count > 40 ? value.prefix(40) + "..." : Substring(value)
        return "country value \"\(shown)\" is not a country we know: write an ISO 3166 code (US, GB) or an "
            + "English name, or leave it blank for the default country"
    }
}
