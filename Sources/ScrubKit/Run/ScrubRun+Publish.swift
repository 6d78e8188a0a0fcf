import Foundation
import ScrubIO

extension ScrubRun {
    /// Writes the reports and `leads.bin` beside the outputs, seals the set and publishes it in one atomic switch,
    /// with the status file; `beforePublishing` (the audit record) runs on the sealed set first.
    func publish(
        _ report: RunReport, leads: [UInt64], outputs: RunOutputs, staging: URL, folder: OutputFolder, setID: String,
        stablePaths: [String], runID: String, started: Date, beforePublishing: (Result) throws -> Void
    ) throws -> Result {
        let reportFile = try OutputFile(path: staging.appendingPathComponent("report.json").path)
        try reportFile.write(try report.jsonBytes())
        let htmlFile = try OutputFile(path: staging.appendingPathComponent("report.html").path)
        try htmlFile.write(Array(HTMLReport(report: report).render().utf8))
        // Each lead's outcome, for the next run's changes lead by lead (``LeadOutcomes``).
        let leadsFile = try OutputFile(path: staging.appendingPathComponent(LeadOutcomes.fileName).path)
        try LeadOutcomes.write(leads, to: leadsFile)
        // Publish only now: every output is complete and the counts balance.
        for file in [outputs.cleanFile, outputs.rejectsFile, reportFile, htmlFile, leadsFile] { try file.commit() }
        try folder.seal(setID)
        let result = Result(report: report, outputPaths: stablePaths, setID: setID, setPath: folder.setPath(setID))
        try beforePublishing(result)
        let previous = try folder.publish(setID)
        let status = RunStatus(
            lastAttempt: .init(runID: runID, startedAt: started, endedAt: Date(), exitStatus: 0, errorKind: nil),
            publishedSet: setID, publishedBy: runID, publishedAt: Date())
        do throws(ScrubIOError) {
            try status.write(to: folder)
        } catch {
            // A status file naming the old set beside a new set would mislead a dialer: unpublish.
            let reverted = folder.revert(to: previous)
            throw ScrubIOError(
                error.kind, path: error.path,
                message: error.message
                    + (reverted
                        ? "; the status file was not written, so the set was unpublished"
                        : "; the status file was not written and the previous set could not be restored"))
        }
        return result
    }
}
