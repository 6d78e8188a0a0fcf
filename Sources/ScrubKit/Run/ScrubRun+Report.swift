import CallingWindows
import Foundation
import ScrubIO
import ScrubRules

extension ScrubRun {
    /// The finished run's whole report: its counts, timings and warnings, the facts of its lists, and
    /// what changed since the folder's previous run, lead by lead.
    func finalReport(
        of sequencer: inout Sequencer, leads: [UInt64], reading: InputsRead, outputs: RunOutputs, folder: OutputFolder,
        stablePaths: [String], elapsed: Duration, processCPU: Duration
    ) -> RunReport {
        let tally = sequencer.tally
        var report = makeReport(
            tally: tally, inputs: reading.facts,
            outputs: outputs.facts(cleanPath: stablePaths[0], rejectsPath: stablePaths[1]),
            timings: .init(
                totalSeconds: elapsed.seconds,
                rowsPerSecond: elapsed.seconds > 0 ? Double(tally.rowsIn) / elapsed.seconds : 0,
                cpuSeconds: RunReport.Timings.cpuStages(
                    inflate: reading.inflateCPU.seconds, parse: reading.parseCPU.seconds,
                    decide: sequencer.decideCPU.seconds, write: sequencer.writeCPU.seconds,
                    sequencer: reading.sequencerCPU.seconds, compress: outputs.compressionCPU.seconds,
                    process: processCPU.seconds)),
            readWarnings: reading.warnings)
        addCompliance(to: &report, exempted: tally.exemptedRows, rejectedByCap: tally.rejectedByCapName)
        report.reassigned = plan.compliance.reassigned?.facts(rows: tally.reassigned)
        report.lineTypes = plan.compliance.lineTypes?.table.facts
        report.auditLog = plan.auditLog
        report.callableByLocalHour = tally.callableByLocalHour(on: plan.campaignDate)
        if let names = plan.columnNames?.groupBy.map(\.value), !names.isEmpty {
            report.groups = sequencer.groups.facts(names: names)
        }
        if plan.columns.hasSeveralPhones { report.phoneNumbers = tally.numbers.facts(columns: plan.columns.phoneNames) }
        report.warnings += sequencer.unmapped.warnings + (sequencer.dates?.warnings ?? []) + outputs.warnings
        report.distinctLeads = leads.count
        report.distinctNumbers = sequencer.distinctNumbers()
        let previous = RunChanges.previousRun(in: folder.path)
        report.sincePreviousRun = previous.previous.map { RunChanges(previous: $0, now: report) }
        if let warning = previous.warning { report.warnings.append(warning) }
        if report.sincePreviousRun != nil {
            let before = LeadOutcomes.read(path: folder.path + "/" + LeadOutcomes.fileName)
            report.sincePreviousRun?.leads = before.entries.map {
                LeadOutcomes.changes(
                    previous: $0, now: leads, matchedBy: plan.columns.person != nil ? .personColumn : .number)
            }
            if let warning = before.warning { report.warnings.append(warning) }
        }
        return report
    }

    /// The report's core, from the counts: lists and their ages, coverage gaps, warnings; only
    /// ``finalReport(of:leads:reading:outputs:folder:stablePaths:elapsed:processCPU:)`` adds the rest.
    private func makeReport(
        tally: RunTally, inputs: [RunReport.FileFacts], outputs: [RunReport.FileFacts], timings: RunReport.Timings,
        readWarnings: [String]
    ) -> RunReport {
        let hourStart = Int64(plan.campaignDate.dayNumber) * 86_400 - 14 * 3_600
        let summary = tally.summary(hourStart: hourStart)
        var warnings: [String] = []
        let lists = (plan.registries + plan.suppressionLists).enumerated().map {
            position, list -> RunReport.ListFacts in
            let info = list.info
            let age = info.snapshotDate.flatMap(LocalDate.init).map { plan.campaignDate.dayNumber - $0.dayNumber }
            // Only a registry goes stale with age (docs/opt-outs.md, "Freshness"); an internal list is as
            // fresh as the requests it holds, which the opt-out journal check reports.
            let maxAge = info.kind == .registry ? info.maxAgeDays : nil
            let stale = age.map { a in maxAge.map { a > $0 } ?? false } ?? false
            if stale, let age {
                let override = plan.staleRegistries.contains { $0.name == info.name } && plan.allowStale
                warnings.append(
                    "\(info.name) is stale (\(age) days old)" + (override ? " and was used with --allow-stale" : ""))
            }
            let grading = plan.compliance.litigatorGrading[position]
            return .init(
                name: info.name, kind: info.kind.rawValue, regions: info.regions, covers: info.coverage,
                snapshotDate: info.snapshotDate, ageDays: age, maxAgeDays: maxAge, stale: stale, entries: info.entries,
                path: info.path,
                sha256: info.sha256, rejected: tally.rejectedByList[position], minGrade: grading?.minGrade,
                belowMinGrade: grading.map { _ in tally.belowMinGrade[position] ?? 0 })
        }
        if plan.registries.isEmpty { warnings.append("no Do-Not-Call registry was checked") }
        warnings += RegistryCoverage(registries: plan.registries.map(\.info)).gapWarnings(
            cleanByRegion: summary.cleanByRegion)
        if let malformed = tally.rejectedByReason[.malformedRow], malformed > 0 {
            warnings.append("\(malformed) malformed row(s): see \(plan.output.fileNames.rejects)")
        }
        // How the inputs were read: quotes that never close, rows past the size limit.
        for warning in readWarnings { logger.warning("\(warning)") }
        warnings += readWarnings
        let hourText = Date(timeIntervalSince1970: TimeInterval(hourStart)).ISO8601Format()
        return RunReport(
            pipeline: plan.name, campaignDate: plan.campaignDate.description, purpose: plan.purpose,
            rulesVersion: plan.windows?.rulesVersion, allowStale: plan.allowStale, rowsIn: tally.rowsIn,
            clean: tally.cleanRows, rejected: tally.rejectedRows, rejectedByReason: summary.rejectedByReason,
            rejectedByList: tally.rejectedByList(plan.registries + plan.suppressionLists),
            rowsByRegion: summary.rowsByRegion, cleanByRegion: summary.cleanByRegion,
            cleanByLineType: summary.cleanByLineType, ambiguousTimeZones: summary.ambiguous,
            callableByUTCHour: summary.hours, callableHoursStart: hourText, inputs: inputs, lists: lists,
            outputs: outputs, warnings: warnings, timings: timings)
    }
}

extension RunReport {
    /// The report as pretty, key-sorted JSON.
    public func jsonBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return Array(try encoder.encode(self)) + [0x0A]
    }
}
