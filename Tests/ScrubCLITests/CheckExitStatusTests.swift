import Foundation
import ScrubRules
import ScrubTestSupport
import Testing

/// `scrub check` for scripts: the decision on the first line, the status alone telling CLEAN (0) from
/// a rejection (1) from an error (64 or above).
@Suite("scrub check's first line and exit status")
struct CheckExitStatusTests {
    static let clean = [
        "0412 345 678", "--pipeline", "Pipelines/sample.yaml", "--country", "Australia", "--state", "NSW",
    ]

    @Test("CLEAN exits 0, a rejection 1, in text and JSON; the text starts with the decision")
    func decisions() throws {
        for json in [false, true] {
            let extra = json ? ["--json"] : []
            let clean = try ScrubProcess.run(["check"] + Self.clean + extra)
            #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
            let rejected = try ScrubProcess.run(["check", "12345", "--pipeline", "Pipelines/sample.yaml"] + extra)
            #expect(rejected.status == 1, "\(rejected.stderr)")
            if json {
                #expect(clean.stdout.contains("\"decision\":\"CLEAN\""))
                #expect(rejected.stdout.contains("\"decision\":\"INVALID_NUMBER\""))
            } else {
                #expect(clean.stdout.hasPrefix("Decision: CLEAN"), "\(clean.stdout)")
                #expect(rejected.stdout.hasPrefix("Decision: INVALID_NUMBER ("), "\(rejected.stdout)")
                #expect(rejected.stdout.contains("\nInput: 12345"), "the explanation follows the decision")
            }
        }
    }

    @Test(
        "every error exits 64 or above, in text and JSON",
        arguments: [
            (["1", "--pipeline", "Pipelines/missing.yaml"], 78),
            (["1"], 64),
            (["1", "--pipeline", "Pipelines/sample.yaml", "--at", "tomorrow"], 64),
            (["1", "--pipeline", "Pipelines/sample.yaml", "--date", "12/01/2026"], 78),
            (["1", "--pipeline", "Pipelines/consent-campaign.yaml", "--consent-at", "09/14/2026"], 64),
            (["1", "--pipeline", "Pipelines/consent-campaign.yaml", "--ebr-type", "friend"], 64),
        ] as [([String], Int32)])
    func errors(_ arguments: [String], _ status: Int32) throws {
        for extra in [[], ["--json"]] {
            let result = try ScrubProcess.run(["check"] + arguments + extra)
            #expect(result.status == status, "\(result.stderr)")
            #expect(result.status >= 64)
            #expect(result.stdout.isEmpty)
        }
    }
}
