import CallingWindows
import Foundation
import Hummingbird
import HummingbirdTesting
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubRules
import ScrubTestSupport
import Testing

@Suite("scrub serve: channel and trace in checks")
struct ServeChannelTests {
    /// An Austin number: Texas has one rule for calls and another for texts.
    static let texas = "+1 512 555 0105"

    @Test("a check's channel decides and explains as scrub check --channel does", arguments: CallChannel.allCases)
    func channel(_ channel: CallChannel) async throws {
        let fixture = try ServeFixture()
        var overrides = PipelineDefinition()
        overrides.channel = .init(value: channel.rawValue, location: "--channel")
        let plan = try PipelinePlan.resolve(
            try PipelineDefinition.load(path: fixture.pipeline), overrides: overrides,
            environment: .standard(normalizer: PhoneNormalizerStage()))
        let noon = UTCTime(parsing: Array(ServeFixture.noon.utf8))!
        let expected = plan.check(CheckRequest(Self.texas, state: "TX"), at: noon)
        let answer = try await fixture.serve { client in
            try await client.send(
                .post, "/v1/check", token: fixture.tokens[.dialer],
                body: json(["number": Self.texas, "state": "TX", "channel": channel.rawValue, "trace": true]))
        }
        #expect(answer.status == .ok, "\(answer.text)")
        #expect(answer.json["trace"] as? [String] == expected.trace)
        #expect(answer.json["decision"] as? String == expected.decision.reason?.rawValue ?? "CLEAN")
        // The channels' traces differ (the oracle can tell a server that ignores the channel).
        let ownTrace = try fixture.plan().check(CheckRequest(Self.texas, state: "TX"), at: noon).trace
        #expect((expected.trace == ownTrace) == (channel == .voice))
    }

    @Test("without trace: true the answer has no trace; an unknown channel is refused")
    func traceAndBadChannel() async throws {
        let fixture = try ServeFixture()
        let (plain, bad, notBool) = try await fixture.serve { client in
            let token = fixture.tokens[.dialer]
            return (
                try await client.send(.post, "/v1/check", token: token, body: json(["number": Self.texas])),
                try await client.send(
                    .post, "/v1/check", token: token, body: json(["number": Self.texas, "channel": "fax"])),
                try await client.send(
                    .post, "/v1/check", token: token, body: json(["number": Self.texas, "trace": "yes"]))
            )
        }
        #expect(plain.status == .ok && plain.json["trace"] == nil && plain.json["decision"] != nil)
        #expect(bad.status == .badRequest && bad.json["field"] as? String == "channel")
        #expect(notBool.status == .badRequest && notBool.json["field"] as? String == "trace")
    }
}
