import ScrubPipeline
import ScrubRecords
import ScrubRules

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
        if let reassigned = plan.compliance.reassigned {
            // Which answers files, which dates were asked about: the safe-harbour facts, never a number.
            record["reassigned_answers"] = .array(
                reassigned.facts(rows: [:]).files.map {
                    .object([
                        "path": .string($0.path), "sha256": $0.sha256.map { .string($0) } ?? .null,
                        "answers": .object($0.answers.mapValues { .int($0) }),
                        "first_date_asked": $0.firstDateAsked.map { .string($0) } ?? .null,
                        "last_date_asked": $0.lastDateAsked.map { .string($0) } ?? .null,
                    ])
                })
        }
        if !plan.compliance.litigatorGrading.isEmpty {
            record["litigator_grades"] = .array(
                plan.compliance.litigatorGrading.sorted { $0.key < $1.key }.map { position, grading in
                    .object([
                        "list": .string(plan.registries[position].info.name), "min_grade": .int(grading.minGrade),
                        "graded_numbers": .int(grading.table.count),
                    ])
                })
        }
        if let lineTypes = plan.compliance.lineTypes?.table.facts {
            record["line_types"] = .object([
                "as_of": .string(lineTypes.asOf),
                "files": .array(
                    lineTypes.files.map {
                        .object([
                            "path": .string($0.path), "sha256": $0.sha256.map { .string($0) } ?? .null,
                            "source": .string($0.source), "entries": .int($0.entries),
                        ])
                    }),
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
