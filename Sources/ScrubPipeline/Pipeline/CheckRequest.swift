import CallingWindows
import Foundation
import ScrubRecords
import ScrubRules

/// One number and the lead fields beside it, as `scrub check` (or a dialer's question) gives them.
public struct CheckRequest: Sendable {
    /// The phone number as written in a lead file.
    public var input: String
    /// The row's country value (a code or a name); nil: the pipeline's default country.
    public var country: String?
    public var state: String?
    public var postcode: String?
    /// The lead's consent and business-relationship facts, as its columns would give them.
    public var evidence: LeadEvidence
    /// The lead's person key (a CRM contact id), as `input.person_column` would give it: an opt-out
    /// recorded for the person suppresses the check whatever the number.
    public var person: String?

    public init(
        _ input: String, country: String? = nil, state: String? = nil, postcode: String? = nil,
        evidence: LeadEvidence = LeadEvidence(), person: String? = nil
    ) {
        self.input = input
        self.country = country
        self.state = state
        self.postcode = postcode
        self.evidence = evidence
        self.person = person
    }
}

extension RowDecider {
    /// The decision for one number with every rule's explanation: the first phase with a trace.
    ///
    /// The fields are read as the run reads its columns: a blank or absent country is the default, a
    /// value naming no country is `ZZ`, blank fields are absent, and a postcode counts only for an
    /// Australian row. Duplicates depend on the whole file, so they are not judged (the trace says so).
    ///
    /// - Parameters:
    ///   - places: the pipeline's own country and state spellings, read before the built-in names.
    ///   - time: the check time, from which ``CheckAnswer/nextCallableAt`` is counted.
    ///   - explain: whether to build the trace; a server answering a dialer decides without it (the
    ///     answer's ``CheckAnswer/trace`` is then empty), the decision is the same.
    public func check(
        _ request: CheckRequest, defaultCountry: String, places: PlaceValues = .builtIn, at time: UTCTime,
        explain: Bool = true
    ) -> CheckAnswer {
        // Read as the run reads a column's bytes: trimmed of spaces, nil when blank.
        func field(_ text: String?) -> String? {
            guard var text else { return nil }
            return text.withUTF8 { FieldValueCache.decode(UnsafeRawBufferPointer($0), uppercased: false) }
        }
        let written = field(request.country)
        let known: String? = if let written { places.country(written) } else { defaultCountry }
        let country = known ?? RowFacts.unknownCountryCode
        let location = LeadLocation(
            state: field(request.state).map(places.state), postcode: country == "AU" ? field(request.postcode) : nil)
        var trace: DecisionTrace? = explain ? DecisionTrace() : nil
        let pending = Array(request.input.utf8).withUnsafeBytes {
            decide(
                RowFacts(
                    phone: $0, country: country, unknownCountry: known == nil ? written : nil, location: location,
                    personKey: request.person.flatMap(PersonKey.subject)),
                evidence: { request.evidence }, trace: &trace)
        }
        let decision = pending.decision
        var lines = trace?.lines ?? []
        switch explain ? decision.outcome : nil {
        case nil: break
        case .clean?: lines.append("Decision: CLEAN (callable, unless it repeats an earlier row of the file)")
        case .reject(let reason, let detail)?: lines.append("Decision: \(reason.rawValue) (\(detail))")
        }
        return CheckAnswer(decision: decision, trace: lines, nextCallableAt: Self.nextCallable(decision, at: time))
    }

    /// When the number may be called next: for a clean row, the check time inside a window or the start
    /// of the next window; for `FREQUENCY_CAP` and `NO_CALLING_WINDOW`, the rejects output's
    /// `next_callable_at` (``Decision/nextCallableAt``); otherwise nil.
    static func nextCallable(_ decision: Decision, at time: UTCTime) -> UTCTime? {
        switch decision.outcome {
        case .clean:
            let starts = (decision.window?.intervals ?? []).filter { time.seconds < $0.upperBound }
                .map { max($0.lowerBound, time.seconds) }
            return starts.min().map(UTCTime.init(seconds:))
        case .reject:
            return decision.nextCallableAt
        }
    }
}
