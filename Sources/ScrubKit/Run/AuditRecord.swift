import Foundation
import ScrubPipeline
import ScrubRecords
import ScrubRules

extension ScrubRun {
    /// The audit record of a run: who ran what, on which inputs and lists, and what came out.
    ///
    /// - Parameter actor: who ran it, by name (``ActingUser``), recorded as `operator`.
    public static func auditRecord(
        plan: PipelinePlan?, report: RunReport?, commandLine: [String], runID: String, started: Date, ended: Date,
        exitStatus: Int32, error: String?, actor: String = ActingUser.loginName
    ) -> [String: AuditValue] {
        var record: [String: AuditValue] = [
            "run_id": .string(runID),
            "started_at": .string(started.ISO8601Format()),
            "ended_at": .string(ended.ISO8601Format()),
            "operator": .string(actor),
            "host": .string(ProcessInfo.processInfo.hostName),
            "command_line": .array(commandLine.map { .string($0) }),
            "exit_status": .int(Int(exitStatus)),
            "error": error.map { .string($0) } ?? .null,
        ]
        if let plan {
            record["pipeline"] = .string(plan.name)
            record["pipeline_file"] = plan.pipelinePath.map { .string($0) } ?? .null
            record["pipeline_sha256"] =
                plan.pipelinePath.flatMap { try? FileDigest.sha256(path: $0) }.map { .string($0) } ?? .null
            record["campaign_date"] = .string(plan.campaignDate.description)
            record["allow_stale"] = .bool(plan.allowStale)
            record["rules_version"] = plan.windows.map { .string($0.rulesVersion) } ?? .null
            record["lists"] = .array(
                (plan.registries + plan.suppressionLists).map {
                    .object([
                        "name": .string($0.info.name), "kind": .string($0.info.kind.rawValue),
                        "snapshot_date": $0.info.snapshotDate.map { .string($0) } ?? .null,
                        "sha256": .string($0.info.sha256),
                    ])
                })
            addCompliance(plan, to: &record)
        }
        if let report {
            record["inputs"] = .array(
                report.inputs.map { .object(["path": .string($0.path), "sha256": .string($0.sha256)]) })
            record["outputs"] = .array(
                report.outputs.map { .object(["path": .string($0.path), "sha256": .string($0.sha256)]) })
            record["rows_in"] = .int(report.rowsIn)
            record["clean"] = .int(report.clean)
            record["rejected_by_reason"] = .object(report.rejectedByReason.mapValues { .int($0) })
        }
        return record
    }
}
