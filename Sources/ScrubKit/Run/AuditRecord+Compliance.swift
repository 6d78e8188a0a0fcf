import ScrubRecords

extension ScrubRun {
    /// The opt-out journal's state and the call logs a run used, for its audit record.
    static func addCompliance(_ plan: PipelinePlan, to record: inout [String: AuditValue]) {
        if let journal = plan.journal {
            record["optout_journal"] = .object([
                "journal": .string(journal.journal), "index": .string(journal.index),
                "uncompiled_events": .int(journal.freshness.pendingEvents),
                "oldest_uncompiled_event": journal.freshness.oldestPending.map { .string($0.description) } ?? .null,
            ])
        }
        if let history = plan.historyFacts {
            record["call_logs"] = .array(
                history.files.map {
                    .object([
                        "path": .string($0.path), "rows": .int($0.rows),
                        "sha256": (try? FileDigest.sha256(path: $0.path)).map { .string($0) } ?? .null,
                    ])
                })
        }
    }
}
