import CallingWindows
import Testing

/// The bundled rules, loaded once for every test (loading failing is itself a test failure).
let bundledBook: RuleBook = {
    do { return try RuleBook.bundled() } catch { fatalError("bundled rules do not load: \(error)") }
}()

let calculator = CallingWindowCalculator(ruleBook: bundledBook)

func day(_ text: String) -> LocalDate {
    guard let date = LocalDate(text) else { fatalError("bad test date \(text)") }
    return date
}

/// Seconds since the epoch of `2026-12-01T13:00:00Z`.
func instant(_ text: String) -> Int64 {
    let interval = UTCInterval(iso: "\(text)/2100-01-01T00:00:00Z")!
    return interval.start
}

/// The windows for a request, rendered as the `call_windows_utc` column.
func windows(
    _ country: String, _ subdivisions: [String] = [], zones: [String], _ purpose: CallPurpose = .telemarketing,
    on date: String, book: CallingWindowCalculator = calculator
) -> String {
    let request = WindowRequest(
        country: country, subdivisions: subdivisions, zones: zones, purpose: purpose, date: day(date))
    return WindowColumns(book.window(for: request)).callWindowsUTC
}
