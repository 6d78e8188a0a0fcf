import Hummingbird
import ScrubAccess
import ScrubKit
import ScrubRecords

extension ScrubServer {
    /// `POST /v1/check`: the decision a run would make for each number, as `scrub check --json` gives it.
    func check(_ request: Request, requestID: String) async throws -> Reply {
        try require(try authenticate(request), .check)
        let (queries, isBatch) = try CheckQuery.parse(try await body(of: request))
        let arrived = now()
        let answers = await pool.withSlot { slot in
            queries.map { query in
                slot.plan.check(query.request, with: slot.decider, at: query.at ?? arrived)
            }
        }
        var objects: [[String: Any]] = []
        for (query, answer) in zip(queries, answers) {
            metrics.check(decision: answer.decision.reason?.rawValue ?? "CLEAN")
            objects.append(Self.object(answer, at: query.at ?? arrived))
        }
        let object: Any = isBatch ? ["results": objects] as [String: Any] : objects[0]
        return Reply(.ok, object)
    }

    /// `scrub check --json`'s fields without the trace (a dialer needs the decision, not its explanation),
    /// and `callable_now`: the number is clean and the check time is inside one of its windows.
    static func object(_ answer: CheckAnswer, at time: UTCTime) -> [String: Any] {
        var object = answer.jsonObject
        object["trace"] = nil
        object["callable_now"] = answer.nextCallableAt == time
        return object
    }
}
