import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

/// A UTC window `START/END` of `call_windows_utc` as dates.
private func interval(_ text: Substring) -> (start: Date, end: Date) {
    let parts = text.split(separator: "/")
    let format = ISO8601DateFormatter()
    return (format.date(from: String(parts[0]))!, format.date(from: String(parts[1]))!)
}

/// What `call_windows_local` should say, from Foundation's calendar: the oracle for the column.
private func expectedLocal(utc: String, zones: String) -> String {
    guard !utc.isEmpty else { return "" }
    var entries: [String] = []
    for zone in zones.split(separator: "|") {
        guard let timeZone = TimeZone(identifier: String(zone)) else { continue }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = timeZone
        day.dateFormat = "yyyy-MM-dd"
        let time = DateFormatter()
        time.locale = Locale(identifier: "en_US_POSIX")
        time.timeZone = timeZone
        time.dateFormat = "HH:mm"
        for window in utc.split(separator: ";").map(interval) {
            let startDay = day.string(from: window.start)
            let endDay = day.string(from: window.end)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let nextDay = day.string(
                from: calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: window.start))!)
            let end: String
            if endDay == startDay {
                end = time.string(from: window.end)
            } else if endDay == nextDay, time.string(from: window.end) == "00:00" {
                end = "24:00"
            } else {
                end = "\(endDay) \(time.string(from: window.end))"
            }
            entries.append("\(startDay) \(time.string(from: window.start))-\(end) \(zone)")
        }
    }
    return entries.joined(separator: ";")
}

@Suite("call_windows_local and the report's callable hours by local hour")
struct LocalWindowsColumnTests {
    @Test("every clean row's local windows agree with its UTC windows, and the report counts them per zone hour")
    func sample() throws {
        let dir = try TemporaryDirectory()
        let result = try ScrubProcess.run(["run", "Pipelines/sample.yaml", "--out", dir.path("out"), "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let clean = try readAll(ByteReader(path: dir.path("out/clean.csv.gz")))
        let header = clean.header.map { String(decoding: $0, as: UTF8.self) }
        #expect(header.last == "call_windows_local")
        #expect(header.suffix(2).first == "tz_ambiguous")
        let utcColumn = header.firstIndex(of: "call_windows_utc")!
        let zonesColumn = header.firstIndex(of: "timezones")!
        var expectedHours: [String: [Int]] = [:]
        var calendar = Calendar(identifier: .gregorian)
        var withWindows = 0
        for record in clean.records {
            let utc = String(decoding: record[utcColumn], as: UTF8.self)
            let zones = String(decoding: record[zonesColumn], as: UTF8.self)
            #expect(String(decoding: record.last!, as: UTF8.self) == expectedLocal(utc: utc, zones: zones))
            guard !utc.isEmpty else { continue }
            withWindows += 1
            let windows = utc.split(separator: ";").map(interval)
            for zone in zones.split(separator: "|").map(String.init) {
                guard let timeZone = TimeZone(identifier: zone) else { continue }
                calendar.timeZone = timeZone
                var counts = expectedHours[zone] ?? Array(repeating: 0, count: 24)
                for hour in 0..<24 {
                    let start = calendar.date(from: DateComponents(year: 2026, month: 12, day: 1, hour: hour))!
                    let end = calendar.date(from: DateComponents(year: 2026, month: 12, day: 1, hour: hour + 1))!
                    if windows.contains(where: { $0.start < end && start < $0.end }) { counts[hour] += 1 }
                }
                expectedHours[zone] = counts
            }
        }
        #expect(withWindows > 50, "the sample has callable rows in several zones")
        let report =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: dir.path("out/report.json")))) as! [String: Any]
        #expect(report["callable_by_local_hour"] as? [String: [Int]] == expectedHours)
        let html = try String(contentsOfFile: dir.path("out/report.html"), encoding: .utf8)
        #expect(html.contains("<h2>Callable rows by local hour</h2>"))
        for zone in expectedHours.keys.sorted().prefix(5) { #expect(html.contains("<td>\(zone)</td>"), "\(zone)") }
    }

    @Test("output.local_windows: false leaves the column out and changes nothing else")
    func turnedOff() throws {
        let dir = try TemporaryDirectory()
        let sample = try String(contentsOfFile: "Pipelines/sample.yaml", encoding: .utf8)
        let root = FileManager.default.currentDirectoryPath
        let off = sample.replacingOccurrences(of: "../", with: root + "/")
            .replacingOccurrences(of: "output:\n", with: "output:\n  local_windows: false\n")
        try off.write(toFile: dir.path("off.yaml"), atomically: true, encoding: .utf8)
        let on = try ScrubProcess.run(["run", "Pipelines/sample.yaml", "--out", dir.path("on"), "--quiet"])
        let without = try ScrubProcess.run(["run", dir.path("off.yaml"), "--out", dir.path("off"), "--quiet"])
        #expect(on.status == 0 && without.status == 0, "\(on.stderr)\(without.stderr)")
        let full = try readAll(ByteReader(path: dir.path("on/clean.csv.gz")))
        let cut = try readAll(ByteReader(path: dir.path("off/clean.csv.gz")))
        #expect(full.header.last.map { String(decoding: $0, as: UTF8.self) } == "call_windows_local")
        #expect(cut.header == Array(full.header.dropLast()))
        #expect(cut.records.count == full.records.count && cut.records.count > 50)
        #expect(zip(cut.records, full.records).allSatisfy { $0 == Array($1.dropLast()) })
        let rejects = try readAll(ByteReader(path: dir.path("on/rejects.csv.gz")))
        #expect(try readAll(ByteReader(path: dir.path("off/rejects.csv.gz"))).records == rejects.records)
    }
}
