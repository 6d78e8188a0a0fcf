/// Decides one row's fate from its phone field and location: the scrub's rules in one place.
///
/// Precedence follows `RejectReason`: missing, invalid, unsupported region, no consent, suppressed,
/// registry (unless an exemption the registry allows holds), duplicate, frequency cap, no calling
/// window. Internal suppression applies to every number; a registry only to numbers of the regions it
/// covers (`RegistryCoverage`: its legal scope, territories included). The first occurrence of a number
/// decides; later ones are `DUPLICATE`.
public struct RowDecider {
    public enum Decision: Equatable {
        case clean(NumberFacts, WindowAnnotation?)
        case reject(RejectReason, detail: String, number: NumberFacts?)
    }

    let normalizer: NumberNormalizing
    let suppressionLists: [NumberList]
    let registries: [NumberList]
    let windows: CallingWindowAnnotating?
    let rejectWithoutWindow: Bool
    /// Which registries apply to a number's region.
    let coverage: RegistryCoverage
    /// Each list's `reject_detail`, built once.
    private let registryDetails: [String]
    private let suppressionDetails: [String]
    /// First line at which each callable number was seen.
    private let seen = UInt64Map<UInt32>()
    /// Consent, registry exemptions and frequency caps; none unless the pipeline configures them.
    public var compliance = RowCompliance()
    /// The exemption that let the row just decided past a registry match, when that decision is
    /// `.clean`; nil when no exemption was needed.
    public private(set) var exemption: Exemption?

    public init(
        normalizer: NumberNormalizing, suppressionLists: [NumberList], registries: [NumberList],
        windows: CallingWindowAnnotating?, rejectWithoutWindow: Bool
    ) {
        self.normalizer = normalizer
        self.suppressionLists = suppressionLists
        self.registries = registries
        self.windows = windows
        self.rejectWithoutWindow = rejectWithoutWindow
        self.coverage = RegistryCoverage(registries: registries.map(\.info))
        self.registryDetails = registries.map(\.info.detail)
        self.suppressionDetails = suppressionLists.map(\.info.detail)
    }

    public mutating func decide(
        phone: UnsafeRawBufferPointer, country: String, state: String?, postcode: String?, line: Int
    ) -> Decision {
        decide(phone: phone, country: country, location: LeadLocation(state: state, postcode: postcode), line: line)
    }

    /// - Parameters:
    ///   - unknownCountry: the row's country value as written, when it named no country (`country` is
    ///     then `ZZ`); an `UNSUPPORTED_REGION` rejection says so rather than blaming the number.
    ///   - evidence: reads the row's consent columns; called only when a rule needs them.
    public mutating func decide(
        phone: UnsafeRawBufferPointer, country: String, location: LeadLocation, line: Int,
        unknownCountry: String? = nil, evidence: () -> LeadEvidence = { LeadEvidence() }
    ) -> Decision {
        exemption = nil
        let number: NumberFacts
        switch normalizer.check(phone, country: country) {
        case .missing:
            return .reject(.missingNumber, detail: "the phone field is empty", number: nil)
        case .invalid(let why):
            return .reject(.invalidNumber, detail: why, number: nil)
        case .unsupportedRegion(let why):
            guard let unknownCountry else { return .reject(.unsupportedRegion, detail: why, number: nil) }
            return .reject(.unsupportedRegion, detail: Self.unknownCountryDetail(unknownCountry), number: nil)
        case .number(let facts):
            number = facts
        }
        if let detail = compliance.missingConsent(number, evidence) {
            return .reject(.noConsent, detail: detail, number: number)
        }
        for (index, list) in suppressionLists.enumerated() where list.contains(number.e164) {
            return .reject(.suppressed, detail: suppressionDetails[index], number: number)
        }
        let region = number.profile.regionCode
        for (index, registry) in registries.enumerated()
        where coverage.applies(index, toRegionCode: region) && registry.contains(number.e164) {
            if let allowed = compliance.exemption(registry: index, evidence) {
                exemption = allowed
                continue
            }
            return .reject(.dncRegistry, detail: registryDetails[index], number: number)
        }
        if let first = seen.insertIfAbsent(UInt32(clamping: line), for: number.e164) {
            return .reject(.duplicate, detail: "same number as line \(first)", number: number)
        }
        if let detail = compliance.capReached(number, at: location) {
            return .reject(.frequencyCap, detail: detail, number: number)
        }
        guard let windows else { return .clean(number, nil) }
        let annotation = windows.annotate(number, at: location)
        if rejectWithoutWindow && !annotation.hasWindow {
            return .reject(
                .noCallingWindow, detail: "no permitted calling window on the campaign date (\(annotation.rules))",
                number: number)
        }
        return .clean(number, annotation)
    }

    /// `country value "Atlantis" is not a country we know`, the value cut to 40 characters.
    static func unknownCountryDetail(_ value: String) -> String {
        let shown = value.count > 40 ? value.prefix(40) + "..." : Substring(value)
        return "country value \"\(shown)\" is not a country we know: write an ISO 3166 code (US, GB) or an "
            + "English name, or leave it blank for the default country"
    }
}
