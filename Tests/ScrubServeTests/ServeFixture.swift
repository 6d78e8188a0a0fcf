import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import ScrubAccess
import ScrubIndex
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubRules
import ScrubServe
import ScrubTestSupport
import Testing

/// A pipeline in a temporary folder with a US registry, a plain suppression list, an opt-out journal
/// compiled to an index, and a key file with one key per role plus one revoked.
struct ServeFixture: Sendable {
    let dir: TemporaryDirectory
    /// A token for each role.
    let tokens: [KeyRole: String]
    let revokedToken: String
    /// The key that signs the journal and the audit log; nil: both unsigned.
    let signer: SigningKey?

    /// On the registry.
    static let registered = "+1 212 555 0101"
    /// On the plain suppression list.
    static let suppressed = "+1 305 555 0102"
    /// Opted out in the journal before the compile.
    static let optedOut = "+1 713 555 0103"
    /// On no list.
    static let clean = "+1 415 555 0104"
    /// A time inside New York's and California's calling hours on the campaign date.
    static let noon = "2026-12-01T18:00:00Z"

    var pipeline: String { dir.path("p.yaml") }
    var keys: String { dir.path("keys.json") }
    var journal: String { dir.path("optouts.jsonl") }
    var auditLog: String { dir.path("audit.jsonl") }

    /// - Parameters:
    ///   - consentRequiredIn: the pipeline's `consent.required_in` (none by default).
    ///   - reconsentApprovals: the pipeline's `optouts.reconsent.approvals` (not set by default).
    init(signer: SigningKey? = nil, consentRequiredIn: String = "[]", reconsentApprovals: Int? = nil) throws {
        self.signer = signer
        dir = try TemporaryDirectory("scrub-serve")
        try "id,phone,country,state\n1,+1 415 555 0104,US,CA\n".write(
            toFile: dir.path("leads.csv"), atomically: false, encoding: .utf8)
        try Self.buildRegistry([12_125_550_101], at: dir.path("us-dnc.idx"))
        try "+13055550102\n".write(toFile: dir.path("house.txt"), atomically: false, encoding: .utf8)
        try OptOutJournal(path: dir.path("optouts.jsonl"), signer: signer).record(
            [Self.optedOut], country: "US", request: optOut(minutes: 0), normalizer: PhoneNormalizerStage(),
            now: testTime(minutes: 1))
        try OptOutJournal(path: dir.path("optouts.jsonl")).compile(to: dir.path("optouts.idx"))
        let reconsent = reconsentApprovals.map { ", reconsent: {approvals: \($0)}" } ?? ""
        let yaml = """
            version: 1
            input:
              files: leads.csv
              country_column: country
              state_column: state
              country_values: {"Vereinigte Staaten": US}
              state_values: {Kalifornien: CA}
            output:
              directory: out
              audit_log: audit.jsonl
            campaign:
              date: 2026-12-01
            registries:
              - us-dnc.idx
            suppression:
              - house.txt
            consent:
              required_in: \(consentRequiredIn)
            optouts: {journal: optouts.jsonl, index: optouts.idx\(reconsent)}

            """
        try yaml.write(toFile: dir.path("p.yaml"), atomically: false, encoding: .utf8)
        let store = FileKeyStore(path: dir.path("keys.json"))
        var tokens: [KeyRole: String] = [:]
        for role in KeyRole.allCases {
            tokens[role] = try store.add(name: "\(role.rawValue)-1", role: role, created: "2026-12-01T00:00:00Z").token
        }
        self.tokens = tokens
        revokedToken = try store.add(name: "gone", role: .compliance, created: "2026-12-01T00:00:00Z").token
        try store.revoke(name: "gone")
    }

    /// The US registry index at `path` (written under a temporary name and renamed into place, as a
    /// snapshot update is), holding `numbers` (E.164 digits).
    static func buildRegistry(_ numbers: [UInt64], at path: String) throws {
        var registry = KeyCollector()
        for number in numbers { registry.add(number) }
        _ = try IndexBuilder.build(
            keys: registry,
            metadata: IndexMetadata(
                name: "us-dnc", kind: .registry, regions: ["US"], snapshotDate: "2026-11-28", maxAgeDays: 31),
            output: path)
    }

    /// A server on the fixture's files with a fixed clock (the campaign day's noon in New York).
    func server(
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), deciders: Int = 2,
        checkLog: (path: String, key: CheckLogKey)? = nil, logger: Logger = Logger(label: "scrub.serve.test"),
        now: @escaping @Sendable () -> UTCTime = { UTCTime(parsing: Array(Self.noon.utf8))! }
    ) throws -> ScrubServer {
        try ScrubServer.load(
            ServeConfiguration(pipeline: pipeline, port: 0, deciders: deciders, signer: signer, checkLog: checkLog),
            keys: FileKeyStore(path: keys), registry: registry, logger: logger, now: now)
    }

    /// Starts the server on an ephemeral loopback port and runs `body` with a client of it.
    func serve<R: Sendable>(
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        _ body: @Sendable (any TestClientProtocol) async throws -> R
    ) async throws -> R {
        try await server(registry: registry).application().test(.live, body)
    }

    /// Sends each of `requests` once, from `clients` concurrent connections (each sends its share in
    /// turn), and returns every answer with its request's index.
    static func concurrently(
        port: Int, clients: Int, _ requests: [(method: HTTPRequest.Method, uri: String, token: String, body: String?)],
        answered: @escaping @Sendable () -> Void = {}
    ) async throws -> [(index: Int, answer: Exchange)] {
        try await withThrowingTaskGroup(of: [(Int, Exchange)].self) { group in
            for client in 0..<clients {
                group.addTask {
                    try await TestClient.withClient(host: "127.0.0.1", port: port) { connection in
                        var answers: [(Int, Exchange)] = []
                        for index in stride(from: client, to: requests.count, by: clients) {
                            answers.append((index, try await connection.send(requests[index])))
                            answered()
                        }
                        return answers
                    }
                }
            }
            var all: [(index: Int, answer: Exchange)] = []
            for try await answers in group { all += answers.map { (index: $0.0, answer: $0.1) } }
            return all
        }
    }

    /// The plan `scrub check` resolves for the same pipeline.
    func plan() throws -> PipelinePlan {
        try PipelinePlan.resolve(
            try PipelineDefinition.load(path: pipeline), overrides: PipelineDefinition(),
            environment: .standard(normalizer: PhoneNormalizerStage()))
    }
}

/// A client's request and the server's answer, read as JSON.
struct Exchange: Sendable {
    let status: HTTPResponse.Status
    let text: String

    /// The answer's object; empty when it is not a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}

extension TestClientProtocol {
    /// Sends `body` (text) with `token` as the bearer token, if any.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, token: String?, body: String? = nil
    ) async throws
        -> Exchange
    {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil { headers[.contentType] = "application/json" }
        return try await execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
        ) { response in
            Exchange(status: response.status, text: String(buffer: response.body))
        }
    }
}

extension TestClient {
    /// Sends one request on this connection.
    func send(
        _ request: (method: HTTPRequest.Method, uri: String, token: String, body: String?)
    ) async throws -> Exchange {
        var headers: HTTPFields = [.authorization: "Bearer \(request.token)", .connection: "keep-alive"]
        if request.body != nil { headers[.contentType] = "application/json" }
        let response = try await execute(
            TestClient.Request(
                request.uri, method: request.method, authority: "localhost", headers: headers,
                body: request.body.map { ByteBuffer(string: $0) }))
        return Exchange(status: response.status, text: response.body.map { String(buffer: $0) } ?? "")
    }
}

/// A JSON body from an object.
func json(_ object: [String: Any]) -> String {
    String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
}
