import CallingWindows

/// The calling-window stage over the bundled (or a pipeline's) rule book, for one campaign date,
/// purpose and channel.
///
/// Each distinct request (country, subdivisions, zones) is computed once. Rows whose location was
/// interned skip building the request too: their annotation is found by (number profile, location
/// key), two integers.
///
/// Not thread-safe (its per-row caches fill as rows come): each thread that decides rows takes its
/// own copy (``forAnotherThread()``), which shares the computed windows (`CallingWindowCache` is safe
/// to share) and keeps its own look-ups.
public final class RuleBookWindows: CallingWindowAnnotating {
    public let rulesVersion: String
    private let cache: CallingWindowCache
    private let date: LocalDate
    private let purpose: CallPurpose
    public let channel: CallChannel
    /// The book and company rules before narrowing to `channel`, for ``restricted(to:)``.
    private let fullBook: RuleBook
    private let fullCompanyRules: [CallingRule]
    private var byRequest: [WindowRequest: WindowAnnotation] = [:]
    /// By number profile id (high 24 bits) and location key (low 40 bits).
    private let byKey = UInt64Map<WindowAnnotation>()
    /// Postcode ids by the places (states, and the zones the postcode narrows each to) their postcode
    /// names: thousands of postcodes name a handful of places, so the annotation key uses the place set.
    private let postcodePlaces = UInt64Map<UInt64>()
    private var placeSets: [[String]: UInt64] = [:]

    public convenience init(
        ruleBook: RuleBook, companyRules: [CallingRule] = [], date: LocalDate, purpose: String,
        channel: CallChannel = .voice
    ) {
        let latest = ruleBook.changelog.max { $0.version < $1.version }
        self.init(
            cache: CallingWindowCache(
                calculator: CallingWindowCalculator(ruleBook: ruleBook, companyRules: companyRules, channel: channel)),
            date: date, purpose: CallPurpose(purpose), channel: channel, fullBook: ruleBook,
            fullCompanyRules: companyRules,
            rulesVersion: "calling-rules v\(latest?.version ?? ruleBook.version)"
                + (latest.map { " (\($0.date))" } ?? ""))
    }

    private init(
        cache: CallingWindowCache, date: LocalDate, purpose: CallPurpose, channel: CallChannel, fullBook: RuleBook,
        fullCompanyRules: [CallingRule], rulesVersion: String
    ) {
        self.cache = cache
        self.date = date
        self.purpose = purpose
        self.channel = channel
        self.fullBook = fullBook
        self.fullCompanyRules = fullCompanyRules
        self.rulesVersion = rulesVersion
    }

    /// The rule with `id` when it governs this campaign: one of its channel, in force on its date.
    public func ruleInForce(_ id: String) -> CallingRule? {
        fullBook.restricted(to: channel).rules.first { $0.id == id && $0.isInForce(on: date) }
    }

    /// A copy with look-ups of its own over the same computed windows.
    public func forAnotherThread() -> CallingWindowAnnotating {
        RuleBookWindows(
            cache: cache, date: date, purpose: purpose, channel: channel, fullBook: fullBook,
            fullCompanyRules: fullCompanyRules, rulesVersion: rulesVersion)
    }

    public func restricted(to channel: CallChannel) -> CallingWindowAnnotating {
        guard channel != self.channel else { return self }
        return RuleBookWindows(
            ruleBook: fullBook, companyRules: fullCompanyRules, date: date,
            purpose: purpose.rawValue, channel: channel)
    }

    public func explain(_ number: NumberFacts, at location: LeadLocation) -> String {
        cache.window(for: request(number, at: location)).window.explanation
    }

    public func annotate(_ number: NumberFacts, at location: LeadLocation) -> WindowAnnotation {
        guard var locationKey = location.key, locationKey < 1 << 40, number.profile.id < 1 << 24 else {
            return annotation(for: request(number, at: location))
        }
        // Only Australian numbers are placed by postcode (the key's bits 20 and up), and only by the
        // places it names.
        if number.profile.regionCode != Self.australia {
            locationKey &= 0xF_FFFF
        } else {
            locationKey = locationKey & 0xF_FFFF | placeSet(postcodeID: locationKey >> 20, location.postcode) << 20
        }
        let key = UInt64(number.profile.id) << 40 | locationKey
        if let hit = byKey.value(for: key) { return hit }
        let annotation = annotation(for: request(number, at: location))
        byKey.insertIfAbsent(annotation, for: key)
        return annotation
    }

    private static let australia = NumberProfile.code("AU")

    /// The id of the set of Australian places `postcode` names, by the postcode's id.
    private func placeSet(postcodeID: UInt64, _ postcode: String?) -> UInt64 {
        if let known = postcodePlaces.value(for: postcodeID) { return known }
        let places = (postcode.map { LocationTable.australianPlaces(postcode: $0) } ?? [])
            .map { "\($0.state) \($0.zones.joined(separator: "|"))" }
        let id = placeSets[places] ?? UInt64(placeSets.count + 1)
        placeSets[places] = id
        postcodePlaces.insertIfAbsent(id, for: postcodeID)
        return id
    }

    private func request(_ number: NumberFacts, at location: LeadLocation) -> WindowRequest {
        WindowRequest.forLead(
            country: number.region, numberZones: number.timeZones,
            numberSubdivisions: number.subdivision.map { [$0] } ?? [],
            numberFixesPlace: Self.fixesPlace(number.lineType), state: location.state,
            postcode: location.postcode, purpose: purpose, date: date)
    }

    /// Whether a number's prefix says where its line is: fixed lines, and the North American numbers
    /// whose type the numbering plan cannot tell (`fixed_line_or_mobile`, placed by area code). A
    /// mobile or a non-geographic number is placed by the lead's address.
    static func fixesPlace(_ lineType: String) -> Bool {
        lineType == "fixed_line" || lineType == "fixed_line_or_mobile"
    }

    private func annotation(for request: WindowRequest) -> WindowAnnotation {
        if let hit = byRequest[request] { return hit }
        let cached = cache.window(for: request)
        let annotation = WindowAnnotation(
            timeZones: cached.columns.timezones, windowsUTC: cached.columns.callWindowsUTC,
            rules: cached.columns.callRules, ambiguous: cached.window.ambiguous,
            intervals: cached.window.windows.map { $0.start...$0.end },
            nextOpening: cached.window.isCallable ? nil : nextOpening(after: request),
            windowsLocal: cached.columns.callWindowsLocal)
        byRequest[request] = annotation
        return annotation
    }

    /// The first window on the ``WindowAnnotation/deferDays`` days after the request's date: once per
    /// distinct request without a window, each day's window from the shared cache.
    private func nextOpening(after request: WindowRequest) -> Int64? {
        for days in 1...WindowAnnotation.deferDays {
            let later = WindowRequest(
                country: request.country, subdivisions: request.subdivisions, zones: request.zones,
                purpose: request.purpose, date: request.date.adding(days: days))
            if let first = cache.window(for: later).window.windows.first { return first.start }
        }
        return nil
    }
}
