import PhoneNumbers

/// The E.164 normaliser as the pipeline's number stage, with one `PhoneNormalizer` per country.
///
/// The per-row cost is the normalisation itself: the normaliser of the row's country is kept while
/// consecutive rows share it, each distinct number profile is built once and shared, and rejection
/// details are built once per (rejection, country).
///
/// Not thread-safe, although `Sendable` (the protocol asks it): its caches fill as rows come, so each
/// thread that decides rows takes its own copy (``forAnotherThread()``).
public final class PhoneNormalizerStage: NumberNormalizing, @unchecked Sendable {
    // Mutated only from the one thread that uses this copy.
    private var normalizers: [String: PhoneNormalizer] = [:]
    private var current: (country: String, normalizer: PhoneNormalizer)?
    private let profiles = UInt64Map<NumberProfile>()
    private var details: [String: String] = [:]

    public init() {}

    /// A stage with empty caches of its own: its profiles are other objects, with other ids.
    public func forAnotherThread() -> NumberNormalizing { PhoneNormalizerStage() }

    public func check(_ field: UnsafeRawBufferPointer, country: String) -> NumberCheck {
        switch normalizer(for: country).normalize(field) {
        case .accepted(let number, _):
            return .number(NumberFacts(e164: number.e164, profile: profile(of: number)))
        case .rejected(let rejection):
            switch rejection {
            case .empty: return .missing
            case .unsupportedRegion:
                return .unsupportedRegion(detail(rejection, country: country))
            default:
                return .invalid(detail(rejection, country: country))
            }
        }
    }

    private func normalizer(for country: String) -> PhoneNormalizer {
        if let current, current.country == country { return current.normalizer }
        let normalizer = normalizers[country] ?? PhoneNormalizer(defaultRegion: PhoneRegion(country))
        normalizers[country] = normalizer
        current = (country, normalizer)
        return normalizer
    }

    private func profile(of number: PhoneNumber) -> NumberProfile {
        let key = number.profileKey
        if let known = profiles.value(for: key) { return known }
        let profile = NumberProfile(
            region: number.region.code, lineType: number.lineType.description.lowercased(),
            subdivision: number.subdivision, timeZones: number.timeZones)
        profiles.insertIfAbsent(profile, for: key)
        return profile
    }

    private func detail(_ rejection: PhoneRejection, country: String) -> String {
        let key = "\(rejection.rawValue) \(country)"
        if let known = details[key] { return known }
        let text =
            switch rejection {
            case .unsupportedRegion: "the number's country is not supported (row country \(country))"
            case .scientificNotation:
                "the digits were lost to scientific notation (a spreadsheet stored the number as a quantity, "
                    + "such as 4.15555E+09); export the phone column as text"
            default: "\(rejection.description.replacingOccurrences(of: "_", with: " ")) (row country \(country))"
            }
        details[key] = text
        return text
    }
}
