import CallingWindows
import Foundation
import HummingbirdTesting
import ScrubAccess
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubRules
import ScrubTestSupport
import Testing

/// A check request's fields, and the decision the pipeline gives it.
struct CheckCase: Sendable, CustomTestStringConvertible {
    let fields: [String: String]
    let decision: String

    var testDescription: String {
        fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }

    static let all: [CheckCase] = [
        CheckCase(fields: ["number": ServeFixture.clean], decision: "CLEAN"),
        CheckCase(fields: ["number": ServeFixture.registered], decision: "DNC_REGISTRY"),
        CheckCase(fields: ["number": ServeFixture.suppressed], decision: "SUPPRESSED"),
        CheckCase(fields: ["number": ServeFixture.optedOut], decision: "SUPPRESSED"),
        CheckCase(fields: ["number": "12345"], decision: "INVALID_NUMBER"),
        CheckCase(fields: ["number": "(415) 555-0104", "country": "US", "state": "CA"], decision: "CLEAN"),
        CheckCase(fields: ["number": "4155550104", "country": "United States"], decision: "CLEAN"),
        CheckCase(fields: ["number": ServeFixture.clean, "at": "2026-12-01T06:00:00Z"], decision: "CLEAN"),
        CheckCase(fields: ["number": ServeFixture.clean, "at": "2026-12-02T05:00:00Z"], decision: "CLEAN"),
        CheckCase(fields: ["number": "+44 20 7946 0958", "country": "GB"], decision: "CLEAN"),
        CheckCase(fields: ["number": "+1 415 555 0104", "country": "Atlantis"], decision: "CLEAN"),
        // The pipeline's own spellings (`country_values`, `state_values`), read as a run reads them.
        // (a toll-free number takes the lead's state's zones, so the state spelling decides the window).
        CheckCase(
            fields: ["number": "8005550199", "country": "Vereinigte Staaten", "state": "Kalifornien"],
            decision: "CLEAN"),
        CheckCase(
            fields: ["number": ServeFixture.registered, "ebr_date": "2026-11-01", "ebr_type": "purchase"],
            decision: "DNC_REGISTRY"),
    ]

    var request: CheckRequest {
        func day(_ key: String) -> LocalDate? {
            fields[key].flatMap { Array($0.utf8).withUnsafeBytes(LeadEvidence.date) }
        }
        return CheckRequest(
            fields["number"]!, country: fields["country"], state: fields["state"], postcode: fields["postcode"],
            evidence: LeadEvidence(
                consentDay: day("consent_at"), relationshipDay: day("ebr_date"),
                relationship: fields["ebr_type"].flatMap { Array($0.utf8).withUnsafeBytes(LeadEvidence.relationship) }))
    }

    var at: UTCTime { UTCTime(parsing: Array((fields["at"] ?? ServeFixture.noon).utf8))! }
}

/// What the server must answer: `plan.check`'s JSON fields without the trace, with `callable_now`,
/// written by `JSONSerialization`, independently of the canonical writer the server and the command use.
func expectedAnswer(_ answer: CheckAnswer, at time: UTCTime) -> String {
    var object = answer.jsonFields.mapValues(\.foundationValue)
    object["trace"] = nil
    object["callable_now"] = answer.nextCallableAt == time
    return serialized(object)
}

/// `object` as `JSONSerialization` writes it: keys sorted, one line, slashes as they are.
func serialized(_ object: Any) -> String {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self)
}

@Suite("scrub serve: POST /v1/check")
struct ServeCheckTests {
    @Test("answers exactly what plan.check answers", arguments: CheckCase.all)
    func sameAsPlanCheck(_ check: CheckCase) async throws {
        let fixture = try ServeFixture()
        let expected = try fixture.plan().check(check.request, at: check.at)
        #expect(expected.decision.reason?.rawValue ?? "CLEAN" == check.decision)
        let answer = try await fixture.serve { client in
            try await client.send(.post, "/v1/check", token: fixture.tokens[.dialer], body: json(check.fields))
        }
        #expect(answer.status == .ok)
        #expect(answer.text == expectedAnswer(expected, at: check.at) + "\n")
    }

    @Test("current_contract spares a French number its prior consent, as scrub check --current-contract does")
    func currentContract() async throws {
        let fixture = try ServeFixture(consentRequiredIn: "[FR]")
        let plan = try fixture.plan()
        let at = UTCTime(parsing: Array(ServeFixture.noon.utf8))!
        for contract in [false, true] {
            let expected = plan.check(
                CheckRequest("+33 1 99 00 12 35", evidence: LeadEvidence(hasCurrentContract: contract)), at: at)
            #expect((expected.decision.reason == .noConsent) == !contract)
            let answer = try await fixture.serve { client in
                try await client.send(
                    .post, "/v1/check", token: fixture.tokens[.dialer],
                    body: json(["number": "+33 1 99 00 12 35", "current_contract": contract, "at": ServeFixture.noon]))
            }
            #expect(answer.text == expectedAnswer(expected, at: at) + "\n")
        }
    }

    @Test("a batch answers each number as a single check would, in order")
    func batch() async throws {
        let fixture = try ServeFixture()
        let plan = try fixture.plan()
        var items: [Any] = CheckCase.all.filter { $0.fields["at"] == nil }.map { $0.fields as Any }
        items.append(ServeFixture.registered)
        let body = json(["numbers": items])
        let answer = try await fixture.serve { client in
            try await client.send(.post, "/v1/check", token: fixture.tokens[.agent], body: body)
        }
        #expect(answer.status == .ok)
        let results = try #require(answer.json["results"] as? [[String: Any]])
        let noon = UTCTime(parsing: Array(ServeFixture.noon.utf8))!
        var expected = CheckCase.all.filter { $0.fields["at"] == nil }.map {
            expectedAnswer(plan.check($0.request, at: noon), at: noon)
        }
        expected.append(expectedAnswer(plan.check(CheckRequest(ServeFixture.registered), at: noon), at: noon))
        #expect(results.map { serialized($0) } == expected)
    }

    @Test("callable_now: true inside a window, false before it opens, with next_callable_at")
    func callableNow() async throws {
        let fixture = try ServeFixture()
        let answers = try await fixture.serve { client in
            [
                try await client.send(
                    .post, "/v1/check", token: fixture.tokens[.dialer], body: json(["number": ServeFixture.clean])),
                try await client.send(
                    .post, "/v1/check", token: fixture.tokens[.dialer],
                    body: json(["number": ServeFixture.clean, "at": "2026-12-01T06:00:00Z"])),
            ]
        }
        #expect(answers[0].json["callable_now"] as? Bool == true)
        #expect(answers[0].json["next_callable_at"] as? String == ServeFixture.noon)
        #expect(answers[1].json["callable_now"] as? Bool == false)
        let next = try #require(answers[1].json["next_callable_at"] as? String)
        #expect(next > "2026-12-01T06:00:00Z" && next < ServeFixture.noon)
    }
}
