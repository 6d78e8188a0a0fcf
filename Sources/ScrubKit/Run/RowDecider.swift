/// Decides one row's fate from its phone field and location: the scrub's rules in one place.
///
/// Precedence follows `RejectReason`: missing, invalid, unsupported region, suppressed, registry,
/// duplicate, no calling window. Internal suppression applies to every number; a registry only to
/// numbers of the regions it covers. The first occurrence of a number decides; later ones are
/// `DUPLICATE`.
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
    /// First line (and input) at which each callable number was seen.
    private var seen: [UInt64: Int] = [:]

    public init(
        normalizer: NumberNormalizing, suppressionLists: [NumberList], registries: [NumberList],
        windows: CallingWindowAnnotating?, rejectWithoutWindow: Bool
    ) {
        self.normalizer = normalizer
        self.suppressionLists = suppressionLists
        self.registries = registries
        self.windows = windows
        self.rejectWithoutWindow = rejectWithoutWindow
    }

    public mutating func decide(
        phone: UnsafeRawBufferPointer, country: String, state: String?, postcode: String?, line: Int
    ) -> Decision {
        let number: NumberFacts
        switch normalizer.check(phone, country: country) {
        case .missing:
            return .reject(.missingNumber, detail: "the phone field is empty", number: nil)
        case .invalid(let why):
            return .reject(.invalidNumber, detail: why, number: nil)
        case .unsupportedRegion(let why):
            return .reject(.unsupportedRegion, detail: why, number: nil)
        case .number(let facts):
            number = facts
        }
        for list in suppressionLists where list.contains(number.e164) {
            return .reject(.suppressed, detail: list.info.detail, number: number)
        }
        for registry in registries where registry.info.covers(region: number.region) && registry.contains(number.e164) {
            return .reject(.dncRegistry, detail: registry.info.detail, number: number)
        }
        if let first = seen[number.e164] {
            return .reject(.duplicate, detail: "same number as line \(first)", number: number)
        }
        seen[number.e164] = line
        guard let windows else { return .clean(number, nil) }
        let annotation = windows.annotate(number, state: state, postcode: postcode)
        if rejectWithoutWindow && !annotation.hasWindow {
            return .reject(
                .noCallingWindow, detail: "no permitted calling window on the campaign date (\(annotation.rules))",
                number: number)
        }
        return .clean(number, annotation)
    }
}
