import Foundation
import ScrubIO
import ScrubRecords

// Opt-out requests, event times and journal files, for the records tests and the pipeline tests
// that run with a journal.

/// 2026-11-20T10:00:00Z plus `minutes`.
package func testTime(minutes: Int = 0) -> UTCTime {
    UTCTime(seconds: 1_795_168_800 + Int64(minutes) * 60)
}

package func optOut(
    _ action: OptOutEvent.Action = .optOut, scope: OptOutScope = .all, evidence: String = "ticket-1",
    minutes: Int? = nil
) -> OptOutRequest {
    OptOutRequest(
        action: action, scope: scope, channel: .call, reason: "asked on the call", evidence: evidence,
        actor: "tester", time: minutes.map { testTime(minutes: $0) })
}

package func lines(of path: String) throws -> [String] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
}

package func write(lines: [String], to path: String) throws {
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
}

/// Writes `text` gzipped to `path`.
package func writeGzipped(_ text: String, to path: String) throws {
    let file = try OutputFile(path: path, permissions: 0o644)
    let gzip = GzipSink(writingTo: file)
    try gzip.write(Array(text.utf8))
    try gzip.finish()
    try file.commit()
}
