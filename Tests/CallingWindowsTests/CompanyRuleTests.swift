import CallingWindows
import Testing

let companyYAML = """
    version: 1
    rules:
      - id: ACME-NO-LATE-CALLS
        kind: company
        jurisdictions: ["*"]
        purposes: [all]
        hours: {daily: ["00:00-19:00"]}
        note: "Never after 19:00 local."
      - id: ACME-TRY-TO-WIDEN
        kind: company
        jurisdictions: [US]
        purposes: [all]
        hours: {daily: ["00:00-24:00"]}
    """

@Test(
    "company rules narrow windows and can never widen them",
    arguments: [
        // TCPA 08:00-21:00 narrowed to 08:00-19:00 Eastern.
        ("US", [String](), "America/New_York", "2026-12-01", "2026-12-01T13:00:00Z/2026-12-02T00:00:00Z"),
        // France: 10:00-13:00 and 14:00-19:00.
        (
            "FR", [], "Europe/Paris", "2026-07-31",
            "2026-07-31T08:00:00Z/2026-07-31T11:00:00Z;2026-07-31T12:00:00Z/2026-07-31T17:00:00Z"
        ),
        // A closed day stays closed.
        ("US", ["AL"], "America/Chicago", "2026-12-06", ""),
    ])
func companyNarrowing(country: String, subdivisions: [String], zone: String, date: String, expected: String) throws {
    let company = try bundledBook.parseCompanyRules(yaml: companyYAML, file: "pipeline.yaml")
    let narrowed = CallingWindowCalculator(ruleBook: bundledBook, companyRules: company)
    #expect(windows(country, subdivisions, zones: [zone], on: date, book: narrowed) == expected)
}

@Test("the company rule ids are reported after the legal ones")
func companyRuleIDs() throws {
    let company = try bundledBook.parseCompanyRules(yaml: companyYAML, file: "pipeline.yaml")
    let result = CallingWindowCalculator(ruleBook: bundledBook, companyRules: company).window(
        for: WindowRequest(
            country: "US", zones: ["America/New_York"], date: day("2026-12-01")))
    #expect(result.ruleIDs == ["US-TCPA", "ACME-NO-LATE-CALLS", "ACME-TRY-TO-WIDEN"])
}

@Test("every window of every request is inside the window without company rules")
func neverWidens() throws {
    let company = try bundledBook.parseCompanyRules(yaml: companyYAML, file: "pipeline.yaml")
    let narrowed = CallingWindowCalculator(ruleBook: bundledBook, companyRules: company)
    for (country, zone) in [
        ("US", "America/Denver"), ("AU", "Australia/Perth"), ("GB", "Europe/London"), ("CA", "America/Halifax"),
    ] {
        for offset in 0..<14 {
            let request = WindowRequest(country: country, zones: [zone], date: day("2026-12-20").adding(days: offset))
            let legal = calculator.window(for: request).windows
            for window in narrowed.window(for: request).windows {
                #expect(legal.contains { $0.start <= window.start && window.end <= $0.end })
            }
        }
    }
}
