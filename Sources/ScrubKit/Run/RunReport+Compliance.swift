import ScrubPipeline
import ScrubRules

extension RunReport {
    /// How a suppression index compiled from the opt-out journal compares with the journal.
    public struct OptOutJournalFacts: Sendable, Codable {
        public var journal: String
        public var index: String
        public var compiledEvents: Int
        /// Events appended since the index was compiled: opt-outs this run does not honour.
        public var uncompiledEvents: Int
        /// The earliest request time among them (ISO 8601 UTC).
        public var oldestUncompiledEvent: String?
        public var firstUncompiledLine: Int?
        /// False when the index is older than the journal.
        public var current: Bool
    }

    /// The company-records side of a run: consent, exemptions, frequency caps.
    public struct ComplianceFacts: Sendable, Codable {
        /// Regions whose numbers needed consent evidence on the campaign date (empty without `consent`).
        public var consentRegions: [String]
        /// Clean rows let past a registry match, by exemption (`EBR`, `CONSENT`).
        public var exemptions: [String: Int]
        /// Call logs read, calls kept in the caps' window, and rows rejected by each cap.
        public var history: HistoryFacts?
    }

    /// The FCC Reassigned Numbers Database answers a run read, and what they said of its rows: files,
    /// counts and dates asked, never a number.
    public struct ReassignedFacts: Sendable, Codable, Equatable {
        public struct File: Sendable, Codable, Equatable {
            public var path: String
            public var sha256: String?
            /// Answers by kind: `yes`, `no`, `no_data`.
            public var answers: [String: Int]
            public var firstDateAsked: String?
            public var lastDateAsked: String?
        }

        public var files: [File]
        /// Rows whose number had answers, by what they said of the row (``ReassignedNumbers/Finding``):
        /// `reassigned` (rejected), `not_reassigned` (safe harbour), `no_data`, `other_dates`. Rows an
        /// earlier rule rejected were not looked up.
        public var rows: [String: Int]
    }

    /// The licensed line-type data a run read: its date and files, never a number. The rows it typed
    /// are in `clean_by_line_type` (`mobile`, `fixed_line`).
    public struct LineTypeFacts: Sendable, Codable, Equatable {
        public struct File: Sendable, Codable, Equatable {
            public var path: String
            public var sha256: String?
            /// `wireless_blocks` or `ported_numbers`.
            public var source: String
            public var entries: Int
        }

        public var asOf: String
        public var files: [File]
    }

    public struct HistoryFacts: Sendable, Codable {
        public var files: [String]
        public var rowsRead: Int
        public var callsKept: Int
        public var unreadableRows: Int
        public var numbers: Int
        /// The calls that count: from the longest cap's lookback before the campaign day through its end.
        public var windowFrom: String
        public var windowThrough: String
        public var caps: [String]
        public var rejectedByCap: [String: Int]
    }
}

extension ScrubRun {
    /// Logs, at the start of a run, the contact history loaded, and warns of an opt-out index older
    /// than its journal.
    func logComplianceWarnings() {
        if let history = plan.historyFacts {
            logger.info(
                "contact history loaded",
                metadata: [
                    "files": "\(history.files.count)", "rows": "\(history.files.reduce(0) { $0 + $1.rows })",
                    "calls_kept": "\(history.calls)", "numbers": "\(history.numbers)", "bytes": "\(history.bytes)",
                    "seconds": "\(history.seconds)",
                ])
        }
        guard let journal = plan.journal, !journal.freshness.isCurrent else { return }
        logger.warning(
            "suppression index older than its opt-out journal",
            metadata: [
                "index": "\(journal.index)", "journal": "\(journal.journal)",
                "uncompiled_events": "\(journal.freshness.pendingEvents)",
                "oldest_uncompiled": "\(journal.freshness.oldestPending?.description ?? "")",
            ])
    }

    /// Adds the journal, consent, exemption and history facts and their warnings to `report`.
    func addCompliance(to report: inout RunReport, exempted: [Exemption: Int], rejectedByCap: [String: Int]) {
        if let journal = plan.journal {
            let freshness = journal.freshness
            report.optOutJournal = .init(
                journal: journal.journal, index: journal.index, compiledEvents: freshness.compiledEvents,
                uncompiledEvents: freshness.pendingEvents, oldestUncompiledEvent: freshness.oldestPending?.description,
                firstUncompiledLine: freshness.firstPendingLine, current: freshness.isCurrent)
            if !freshness.isCurrent {
                report.warnings.append(
                    "suppression index \(journal.listName) is older than its opt-out journal: "
                        + "\(freshness.pendingEvents) event(s) not compiled, the oldest from "
                        + "\(freshness.oldestPending?.description ?? "?"); run scrub optout compile before the next run"
                )
            }
        }
        let compliance = plan.compliance
        if let consent = compliance.consent, consent.columns == .init(),
            let refused = report.rejectedByReason[RejectReason.noConsent.rawValue], refused > 0
        {
            report.warnings.append(
                "\(refused) row(s) in \(consent.requirements.map(\.region).joined(separator: ", ")) were rejected "
                    + "NO_CONSENT: those regions need prior consent for marketing calls and this pipeline names no "
                    + "consent columns; add a `consent` section (docs/opt-outs.md)")
        }
        guard compliance.consent != nil || plan.writesExemptionColumn || compliance.caps != nil else { return }
        var history: RunReport.HistoryFacts?
        if let caps = compliance.caps, let facts = plan.historyFacts {
            let unreadable = facts.files.reduce(0) { $0 + $1.unreadableRows }
            history = .init(
                files: facts.files.map(\.path), rowsRead: facts.files.reduce(0) { $0 + $1.rows },
                callsKept: facts.calls, unreadableRows: unreadable, numbers: facts.numbers,
                windowFrom: facts.from.description, windowThrough: facts.through.description,
                caps: (caps.table.everywhere + caps.table.byPlace.keys.sorted().flatMap { caps.table.byPlace[$0]! })
                    .map(\.name),
                rejectedByCap: rejectedByCap)
            if unreadable > 0 {
                report.warnings.append(
                    "\(unreadable) call log row(s) could not be read and do not count towards caps: "
                        + facts.files.flatMap(\.unreadableSamples).prefix(3).joined(separator: "; "))
            }
        }
        report.compliance = .init(
            consentRegions: compliance.consent?.requirements.map(\.region) ?? [],
            exemptions: Dictionary(uniqueKeysWithValues: Exemption.allCases.map { ($0.rawValue, exempted[$0] ?? 0) }),
            history: history)
    }
}

extension ScrubRun {
    /// The columns a clean row gains: ``cleanColumns``, `exemption` when a registry allows one,
    /// `call_windows_local` unless `output.local_windows` is false, then, when leads have several
    /// numbers (`columns`), `phone_source` and `other_numbers`.
    func cleanColumns(for columns: PipelinePlan.Columns) -> [String] {
        Self.cleanColumns + (plan.writesExemptionColumn ? ["exemption"] : [])
            + (plan.output.localWindows ? [Self.localWindowsColumn] : [])
            + (columns.hasSeveralPhones ? RowEncoder.leadCleanColumns : [])
    }

    /// The columns a rejected row gains: ``rejectColumns``, then `number_reasons` when leads have
    /// several numbers (`columns`).
    static func rejectColumns(for columns: PipelinePlan.Columns) -> [String] {
        rejectColumns + (columns.hasSeveralPhones ? RowEncoder.leadRejectColumns : [])
    }
}
