import ScrubRules
import ScrubTestSupport
import Testing

@Suite("Row decisions")
struct RowDeciderTests {
    func decider(rejectWithoutWindow: Bool = false) -> SerialDecider {
        SerialDecider(
            RowDecider(
                normalizer: TestNormalizer(),
                suppressionLists: [testList("optouts", kind: .suppression, numbers: [14155550100, 442079460123])],
                registries: [
                    testList(
                        "us-dnc", kind: .registry, regions: ["US"], snapshot: "2026-11-20",
                        numbers: [14155550100, 14155550101, 442079460999])
                ],
                windows: TestWindows(closedRegions: ["FR"]), rejectWithoutWindow: rejectWithoutWindow))
    }

    func reason(_ decision: Decision) -> String {
        decision.reason?.rawValue ?? "CLEAN"
    }

    @Test(
        "each reason code, in precedence order",
        arguments: [
            ("", "MISSING_NUMBER"), ("call me", "INVALID_NUMBER"), ("+999 1234 5678", "UNSUPPORTED_REGION"),
            ("+1 415 555 0100", "SUPPRESSED"),  // on both the suppression list and the registry: suppression wins
            ("+1 415 555 0101", "DNC_REGISTRY"), ("+44 20 7946 0999", "CLEAN"),  // registry covers US only
            ("+33 1 99 00 12 34", "CLEAN"),  // no window, but the pipeline keeps such rows
        ])
    func reasons(input: String, expected: String) {
        let decider = decider()
        let decision = Array(input.utf8).withUnsafeBytes {
            decider.decide(phone: $0, country: "US", state: nil, postcode: nil, line: 2)
        }
        #expect(reason(decision) == expected)
    }

    @Test("the first occurrence decides; later ones are duplicates, even written differently")
    func duplicates() {
        let decider = decider()
        let first = Array("(212) 555-0187".utf8).withUnsafeBytes {
            decider.decide(phone: $0, country: "US", state: nil, postcode: nil, line: 2)
        }
        let second = Array("+1 212 555 0187".utf8).withUnsafeBytes {
            decider.decide(phone: $0, country: "US", state: nil, postcode: nil, line: 9)
        }
        #expect(reason(first) == "CLEAN")
        guard case .reject(.duplicate, let detail) = second.outcome else {
            Issue.record("expected DUPLICATE, got \(second)")
            return
        }
        #expect(detail == "same number as line 2")
    }

    @Test("a number with no window is rejected only when the pipeline says so")
    func noWindow() {
        let strict = decider(rejectWithoutWindow: true)
        let decision = Array("+33 1 99 00 12 34".utf8).withUnsafeBytes {
            strict.decide(phone: $0, country: "FR", state: nil, postcode: nil, line: 2)
        }
        #expect(reason(decision) == "NO_CALLING_WINDOW")
    }
}
