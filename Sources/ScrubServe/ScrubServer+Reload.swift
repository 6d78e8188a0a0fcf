import Logging
import ScrubRecords
import ServiceLifecycle
import UnixSignals

extension ScrubServer {
    /// Re-opens the pipeline's registries, lists, indexes and journal as a new generation and swaps it in,
    /// and opens the check log again (after a rotation).
    ///
    /// The new plans are resolved while the old generation serves; only reading the journal and the
    /// swap hold the recording lock (a recorded opt-out is in the new generation either way). Requests
    /// in flight finish on the generation they started with, which stays mapped until the last of them
    /// returns its decider. A reload that fails (a corrupt index, a bad pipeline file, a stale registry)
    /// changes nothing: the old generation keeps serving, and the failure is logged and audited.
    ///
    /// - Returns: the new generation's number.
    /// - Throws: the `PipelineError` or `RecordError` that stopped the reload.
    @discardableResult
    package func reload() throws -> Int {
        let started = now()
        let previous = generations.generation
        do {
            let (plans, own) = try DecisionGeneration.resolve(configuration)
            let next = try generations.recording.withLock { _ in
                let next = try DecisionGeneration(
                    number: generations.generation.number + 1, plans: plans, own: own, configuration: configuration)
                generations.replace(with: next)
                return next
            }
            // A rotated check log (moved aside) is written anew from here; failing that, on to the old file.
            do {
                try checkLog?.reopen()
            } catch {
                logger.error(
                    "cannot open the check log again; writing on to the old file", metadata: ["error": "\(error)"])
            }
            metrics.reload(succeeded: true)
            logger.info("reloaded", metadata: ["generation": "\(next.number)"])
            try? next.auditLog.append(
                Self.reloadRecord(time: started, generation: next.number, error: nil))
            return next.number
        } catch {
            metrics.reload(succeeded: false)
            logger.error(
                "reload failed; the previous generation keeps serving",
                metadata: ["generation": "\(previous.number)", "error": "\(error)"])
            try? previous.auditLog.append(
                Self.reloadRecord(time: started, generation: previous.number, error: "\(error)"))
            throw error
        }
    }

    /// The audit record of one reload: when, the generation serving afterwards, the outcome.
    static func reloadRecord(time: UTCTime, generation: Int, error: String?) -> [String: AuditValue] {
        [
            "record": .string("serve_reload"),
            "time": .string(time.description),
            "actor": .string(ActingUser.loginName),
            "generation": .int(generation),
            "outcome": .string(error == nil ? "reloaded" : "failed"),
            "error": error.map { .string($0) } ?? .null,
        ]
    }

    /// The service beside the HTTP one in the command's `ServiceGroup`: reloads on every SIGHUP, and at
    /// graceful shutdown writes the last minute's check counts.
    public func lifecycleService() -> some Service {
        ReloadOnHangUp(server: self)
    }
}

/// Reloads the server on each SIGHUP (`systemctl reload`, `kill -HUP`) until graceful shutdown.
private struct ReloadOnHangUp: Service {
    let server: ScrubServer

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            // A failure is logged and audited by reload(); the old generation serves on.
            _ = try? server.reload()
        }
        server.checkLog?.flushCounts()
    }
}
