import PhoneNumbers

/// The E.164 normaliser as the pipeline's number stage, with one `PhoneNormalizer` per country,
/// built on first use: the per-row cost is a dictionary lookup and a normalisation.
public final class PhoneNormalizerStage: NumberNormalizing, @unchecked Sendable {
    // Mutated only from the run loop's thread (a run decides rows on one thread).
    private var normalizers: [String: PhoneNormalizer] = [:]

    public init() {}

    public func check(_ field: UnsafeRawBufferPointer, country: String) -> NumberCheck {
        let normalizer: PhoneNormalizer
        if let cached = normalizers[country] {
            normalizer = cached
        } else {
            normalizer = PhoneNormalizer(defaultRegion: PhoneRegion(country))
            normalizers[country] = normalizer
        }
        switch normalizer.normalize(field) {
        case .accepted(let number, _):
            return .number(
                NumberFacts(
                    e164: number.e164, region: number.region.code,
                    lineType: number.lineType.description.lowercased(), subdivision: number.subdivision,
                    timeZones: number.timeZones))
        case .rejected(let rejection):
            switch rejection {
            case .empty: return .missing
            case .unsupportedRegion:
                return .unsupportedRegion("the number's country is not supported (row country \(country))")
            default:
                return .invalid(
                    "\(rejection.description.replacingOccurrences(of: "_", with: " ")) (row country \(country))")
            }
        }
    }
}
