import Foundation
import ScrubTestSupport
import Testing

/// Every file under `path` with its bytes (links as their targets), or nil when nothing is there.
private func snapshot(_ path: String) -> [String: Data]? {
    let path = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    guard let names = FileManager.default.subpaths(atPath: path) else { return nil }
    var files: [String: Data] = [:]
    for name in names.sorted() {
        let full = path + "/" + name
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else {
            continue
        }
        files[name] = FileManager.default.contents(atPath: full) ?? Data()
    }
    return files
}

@Suite("scrub run --dry-run, the audit log's place, the progress bar's line")
struct RunDryRunTests {
    @Test("a dry run reads and reports everything and leaves the output folder and its status file untouched")
    func dryRunTouchesNothing() throws {
        let dir = try TemporaryDirectory()
        try writePipeline(dir)
        #expect(try ScrubProcess.run(["run", dir.path("pipeline.yaml"), "--quiet"]).status == 0)
        let before = snapshot(dir.path("out"))
        let setsBefore = snapshot(dir.path("out.sets"))
        let statusBefore = FileManager.default.contents(atPath: dir.path("out.status.json"))
        #expect(before != nil && statusBefore != nil)
        let linkBefore = try FileManager.default.destinationOfSymbolicLink(atPath: dir.path("out"))

        let result = try ScrubProcess.run(["run", dir.path("pipeline.yaml"), "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("4 rows: 3 clean, 1 rejected"), "\(result.stderr)")
        #expect(result.stderr.contains("dry run: nothing was published"), "\(result.stderr)")
        #expect(result.stderr.contains("warning: no Do-Not-Call registry was checked"), "\(result.stderr)")
        #expect(snapshot(dir.path("out")) == before)
        #expect(snapshot(dir.path("out.sets")) == setsBefore)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.path("out")) == linkBefore)
        #expect(FileManager.default.contents(atPath: dir.path("out.status.json")) == statusBefore)
        let records = auditRecords(dir.path("audit.jsonl"))
        #expect(records.count == 2)
        #expect(records[0]["dry_run"] == nil)
        #expect(records[1]["dry_run"] as? Bool == true)
        #expect(records[1]["rows_in"] as? Int == 4)
        #expect(records[1]["output_set"] == nil)
    }

    @Test("a first dry run creates no output folder, status file or set")
    func dryRunCreatesNothing() throws {
        let dir = try TemporaryDirectory()
        try writePipeline(dir)
        let result = try ScrubProcess.run(["run", dir.path("pipeline.yaml"), "--dry-run", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path("")).sorted()
        #expect(names == ["audit.jsonl", "leads.csv", "pipeline.yaml"])
    }

    @Test("a failed dry run is audited as one and leaves no status file")
    func failedDryRun() throws {
        let dir = try TemporaryDirectory()
        try writePipeline(dir)
        try FileManager.default.removeItem(atPath: dir.path("leads.csv"))
        let result = try ScrubProcess.run(["run", dir.path("pipeline.yaml"), "--dry-run", "--quiet"])
        #expect(result.status == 66, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("out.status.json")))
        let records = auditRecords(dir.path("audit.jsonl"))
        #expect(records.count == 1 && records[0]["dry_run"] as? Bool == true)
    }

    @Test("the summary and the report say where the audit log is, and why when --out chose it")
    func auditLogNamed() throws {
        let dir = try TemporaryDirectory()
        try writePipeline(dir)
        let own = try ScrubProcess.run(["run", dir.path("pipeline.yaml")])
        #expect(own.status == 0, "\(own.stderr)")
        let log = dir.url.appendingPathComponent("audit.jsonl").path
        #expect(own.stderr.contains("audit log: \(log)\n"), "\(own.stderr)")
        try FileManager.default.createDirectory(atPath: dir.path("elsewhere"), withIntermediateDirectories: true)
        let moved = try ScrubProcess.run(["run", dir.path("pipeline.yaml"), "--out", dir.path("elsewhere/out")])
        #expect(moved.status == 0, "\(moved.stderr)")
        let movedLog = dir.path("elsewhere/audit.jsonl")
        #expect(moved.stderr.contains("audit log: \(movedLog) (beside the --out folder"), "\(moved.stderr)")
        let report =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: dir.url.appendingPathComponent("elsewhere/out/report.json")))
            as! [String: Any]
        #expect(report["audit_log"] as? String == movedLog)
        let html = try String(contentsOfFile: dir.path("elsewhere/out/report.html"), encoding: .utf8)
        #expect(html.contains("<td>Audit log</td><td>\(movedLog)</td>"))
    }

    @Test("log lines never print on the progress bar's line")
    func logLinesOwnTheirLine() throws {
        let dir = try TemporaryDirectory()
        try writePipeline(dir)
        let result = try ScrubProcess.run(["run", dir.path("pipeline.yaml"), "--progress", "always"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("rows/s"), "the bar showed")
        let logLines = result.stderr.split(separator: "\n").filter {
            $0.contains("input read") || $0.contains("run finished")
        }
        #expect(logLines.count == 2, "\(result.stderr)")
        for line in logLines {
            // What the terminal shows of the line: the text after its last carriage return.
            let shown = line.split(separator: "\r", omittingEmptySubsequences: false).last ?? ""
            #expect(!shown.contains("rows/s"), "\(line.debugDescription)")
        }
    }
}
