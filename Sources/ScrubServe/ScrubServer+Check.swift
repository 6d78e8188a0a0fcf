import Hummingbird
import ScrubAccess
import ScrubKit
import ScrubPipeline
import ScrubRecords

extension ScrubServer {
    /// `POST /v1/check`: the decision a run would make for each number, as `scrub check --json` gives it.
    func check(_ request: Request, requestID: String) async throws -> Reply {
        let key = try authenticate(request)
        try require(key, .check)
        let (queries, isBatch) = try CheckQuery.parse(try await body(of: request))
        let arrived = now()
        let generation = generations.generation
        let answers = await generation.pool.withSlot { slot in
            queries.map { query in
                let channel = query.channel ?? generation.defaultChannel
                return generation.plans[channel]!.check(
                    query.request, with: slot.deciders[channel]!, at: query.at ?? arrived, explain: query.explain)
            }
        }
        // Recorded before the answer is given: a check the log cannot record is not answered (500).
        try await checkLog?.append(
            zip(queries, answers).map { query, answer in
                (answer.decision.number?.e164Text ?? query.request.input, answer.decision.reason?.rawValue ?? "CLEAN")
            }, keyName: key.name, time: arrived)
        var objects: [AuditValue] = []
        for (query, answer) in zip(queries, answers) {
            metrics.check(decision: answer.decision.reason?.rawValue ?? "CLEAN")
            objects.append(.object(Self.object(answer, at: query.at ?? arrived, explained: query.explain)))
        }
        return Reply(.ok, value: isBatch ? .object(["results": .array(objects)]) : objects[0])
    }

    /// `scrub check --json`'s fields, the trace only when asked for (a dialer needs the decision, not its
    /// explanation), and `callable_now`: the number is clean and the check time is inside one of its windows.
    static func object(_ answer: CheckAnswer, at time: UTCTime, explained: Bool) -> [String: AuditValue] {
        var object = answer.jsonFields
        if !explained { object["trace"] = nil }
        object["callable_now"] = .bool(answer.nextCallableAt == time)
        return object
    }
}
