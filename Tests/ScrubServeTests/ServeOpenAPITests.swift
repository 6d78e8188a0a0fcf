import Foundation
import ScrubKit
import ScrubPipeline
import ScrubRules
import ScrubTestSupport
import ScrubYAML
import Testing

@Suite("docs/openapi.yaml against the code")
struct ServeOpenAPITests {
    @Test("a check's decision enum is every reason a check can answer, and CLEAN")
    func decisions() throws {
        let path = ScrubProcess.repositoryRoot.appendingPathComponent("docs/openapi.yaml").path
        let document = try YAMLDocument(yaml: try String(contentsOfFile: path, encoding: .utf8), file: path)
        let decision = try #require(
            document.node(
                at: ["components", "schemas", "CheckAnswer", "properties", "decision", "enum"].map {
                    .key($0)
                }))
        let listed = try #require(decision.sequence).compactMap(\.scalar)
        // A check judges one number: a malformed row and a duplicate need a file.
        let answerable = RejectReason.allCases.filter { $0 != .malformedRow && $0 != .duplicate }.map(\.rawValue)
        #expect(listed == ["CLEAN"] + answerable, "in the order of precedence")
    }
}
