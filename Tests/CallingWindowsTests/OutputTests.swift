import CallingWindows
import Foundation
import Testing

@Test("the pipeline's four columns render as specified")
func columns() {
    let window = calculator.window(
        for: WindowRequest(
            country: "US", subdivisions: ["FL"],
            zones: ["America/New_York", "America/Chicago"], date: day("2026-12-01")))
    let columns = WindowColumns(window)
    #expect(WindowColumns.names == ["timezones", "call_windows_utc", "call_rules", "tz_ambiguous"])
    #expect(
        columns.values == [
            "America/Chicago|America/New_York", "2026-12-01T14:00:00Z/2026-12-02T01:00:00Z",
            "US-TCPA|US-FL", "true",
        ])
}

@Test("no window renders as an empty column; several windows are ;-separated")
func emptyAndSeveral() {
    let sunday = calculator.window(
        for: WindowRequest(
            country: "US", subdivisions: ["UT"], zones: ["America/Denver"],
            date: day("2026-12-06")))
    #expect(WindowColumns(sunday).callWindowsUTC == "")
    #expect(WindowColumns(sunday).tzAmbiguous == "false")
    #expect(!sunday.isCallable)
    let france = calculator.window(
        for: WindowRequest(
            country: "FR", zones: ["Europe/Paris"],
            purpose: .telemarketingWithConsent, date: day("2026-12-01")))
    #expect(WindowColumns(france).callWindowsUTC.split(separator: ";").count == 2)
    #expect(france.permits(instant("2026-12-01T09:00:00Z")))
    #expect(!france.permits(instant("2026-12-01T12:30:00Z")))
    #expect(!france.permits(instant("2026-12-01T19:00:00Z")))
}

@Test("the cache computes each distinct request once and returns the same columns")
func cacheOnce() {
    let cache = CallingWindowCache(calculator: calculator)
    let a = WindowRequest(country: "US", zones: ["America/New_York"], date: day("2026-12-01"))
    let b = WindowRequest(country: "US", zones: ["America/New_York"], date: day("2026-12-01"))
    let c = WindowRequest(country: "US", zones: ["America/Chicago"], date: day("2026-12-01"))
    let first = cache.window(for: a)
    #expect(cache.window(for: b) === first)
    #expect(cache.count == 1)
    _ = cache.window(for: c)
    #expect(cache.count == 2)
    #expect(first.columns == WindowColumns(calculator.window(for: a)))
    #expect(first.columnBytes[1] == Array("2026-12-01T13:00:00Z/2026-12-02T02:00:00Z".utf8))
}

@Test("the cache is safe to share between threads")
func cacheConcurrent() async {
    let cache = CallingWindowCache(calculator: calculator)
    let dates = (0..<20).map { day("2026-12-01").adding(days: $0) }
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<8 {
            group.addTask {
                for date in dates {
                    _ = cache.window(for: WindowRequest(country: "AU", zones: ["Australia/Perth"], date: date))
                }
            }
        }
    }
    #expect(cache.count == 20)
}

@Test("requests equal up to order and case are one cache key")
func requestNormalised() {
    let a = WindowRequest(
        country: "us", subdivisions: ["fl", "FL"], zones: ["America/New_York", "America/Chicago"],
        date: day("2026-12-01"))
    let b = WindowRequest(
        country: "US", subdivisions: ["FL"], zones: ["America/Chicago", "America/New_York"],
        date: day("2026-12-01"))
    #expect(a == b)
}

@Test("the explanation names the zones, each rule with its source, the holidays and the result")
func explanation() {
    let window = calculator.window(
        for: WindowRequest(
            country: "US", subdivisions: ["RI"], zones: ["America/New_York"],
            date: day("2026-12-25")))
    let text = window.explanation
    #expect(text.contains("Calling windows on 2026-12-25 (Friday) for telemarketing calls to US (state/province: RI)"))
    #expect(text.contains("US-TCPA [law, confidence H: primary text] US, PR, VI, GU, AS, MP, no date limit"))
    #expect(text.contains("Source: R.I. Gen. Laws 5-61-3.6"))
    #expect(text.contains("America/New_York (UTC-05:00): holiday hours no calls local -> none"))
    #expect(text.contains("Christmas Day (US); holiday hours used for US-RI"))
    #expect(text.contains("Permitted windows (UTC): none. No call may be made on 2026-12-25."))
}

@Test("the explanation shows the window in each zone's local time")
func explanationLocal() {
    let window = calculator.window(
        for: WindowRequest(
            country: "US", subdivisions: ["FL"],
            zones: ["America/New_York", "America/Chicago"], date: day("2026-12-01")))
    #expect(window.explanation.contains("  in America/Chicago: 2026-12-01 08:00-19:00"))
    #expect(window.explanation.contains("  in America/New_York: 2026-12-01 09:00-20:00"))
    #expect(window.explanation.contains("Ambiguous location"))
    #expect(window.explanation.contains("Also required: At most 3 calls in 24 hours"))
}

@Test("the JSON form round-trips and is byte-identical run to run")
func json() throws {
    let window = calculator.window(for: WindowRequest(country: "AU", date: day("2026-12-01")))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    let data = try encoder.encode(window)
    #expect(try JSONDecoder().decode(CallingWindow.self, from: data) == window)
    #expect(try encoder.encode(calculator.window(for: WindowRequest(country: "AU", date: day("2026-12-01")))) == data)
}
