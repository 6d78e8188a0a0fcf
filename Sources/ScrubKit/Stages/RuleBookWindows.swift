import CallingWindows

/// The calling-window stage over the bundled (or a pipeline's) rule book, for one campaign date and
/// purpose. Each distinct (country, subdivisions, zones) is computed once and cached.
public final class RuleBookWindows: CallingWindowAnnotating {
    public let rulesVersion: String
    private let cache: CallingWindowCache
    private let date: LocalDate
    private let purpose: CallPurpose
    private var annotations: [WindowRequest: WindowAnnotation] = [:]

    public init(ruleBook: RuleBook, companyRules: [CallingRule] = [], date: LocalDate, purpose: String) {
        self.cache = CallingWindowCache(
            calculator: CallingWindowCalculator(ruleBook: ruleBook, companyRules: companyRules))
        self.date = date
        self.purpose = CallPurpose(purpose)
        let latest = ruleBook.changelog.max { $0.version < $1.version }
        self.rulesVersion =
            "calling-rules v\(latest?.version ?? ruleBook.version)" + (latest.map { " (\($0.date))" } ?? "")
    }

    public func explain(_ number: NumberFacts, state: String?, postcode: String?) -> String {
        cache.window(for: request(number, state: state, postcode: postcode)).window.explanation
    }

    private func request(_ number: NumberFacts, state: String?, postcode: String?) -> WindowRequest {
        WindowRequest.forLead(
            country: number.region, numberZones: number.timeZones,
            numberSubdivisions: number.subdivision.map { [$0] } ?? [], state: state, postcode: postcode,
            purpose: purpose, date: date)
    }

    public func annotate(_ number: NumberFacts, state: String?, postcode: String?) -> WindowAnnotation {
        let request = request(number, state: state, postcode: postcode)
        if let hit = annotations[request] { return hit }
        let cached = cache.window(for: request)
        let annotation = WindowAnnotation(
            timeZones: cached.columns.timezones, windowsUTC: cached.columns.callWindowsUTC,
            rules: cached.columns.callRules, ambiguous: cached.window.ambiguous,
            intervals: cached.window.windows.map { $0.start...$0.end })
        annotations[request] = annotation
        return annotation
    }
}
