import Foundation
import ScrubTestSupport
import Testing

/// The `python3` on `PATH`, if any.
private let python3: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// A CRM export as issue 14's analyst had it: `;`-delimited, CRLF, a UTF-8 byte-order mark, names in
/// CP-1252 here and there, countries and states spelled out (some in the CRM's own spellings), US dates,
/// numbers behind an apostrophe or `="..."`, and numbers Excel turned into scientific notation.
private struct CRMExport {
    static let rows = 1_500
    let bytes: [UInt8]

    init() {
        var random = SeededRandom(seed: 14)
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        func line(_ fields: [[UInt8]]) {
            for (index, field) in fields.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ";")) }
                if field.contains(UInt8(ascii: "\"")) || field.contains(UInt8(ascii: ";")) {
                    out.append(UInt8(ascii: "\""))
                    for byte in field {
                        out.append(byte)
                        if byte == UInt8(ascii: "\"") { out.append(byte) }
                    }
                    out.append(UInt8(ascii: "\""))
                } else {
                    out += field
                }
            }
            out += [0x0D, 0x0A]
        }
        func pick(_ options: [String]) -> String { options[Int.random(in: 0..<options.count, using: &random)] }
        line(
            [
                "Lead ID", "First Name", "Last Name", "Mobile Phone", "Home Phone", "State/Province", "Zip", "Country",
                "Created", "Consent Date",
            ].map { Array($0.utf8) })
        let areas = [212, 213, 305, 312, 415, 617, 702, 713]
        /// A number of `country` for `id`, as the CRM holds it.
        func number(_ country: String, _ id: Int) -> String {
            switch country {
            case "US": "\(areas[id % areas.count])\(234 + id % 600)\(String(format: "%04d", id))"
            case "FR": "+33 1 45 \(String(format: "%02d %02d %02d", id / 10_000, id / 100 % 100, id % 100))"
            case "DE": "+49 30 1234 \(String(format: "%04d", id))"
            default: "(214) 555-\(String(format: "%04d", id % 10_000))"
            }
        }
        var lastMobile: [String: String] = [:]
        for id in 1...Self.rows {
            let country = pick(["US", "FR", "DE", "XX"])
            // Now and then an earlier lead's mobile again: a duplicate across leads.
            var phone = Int.random(in: 0..<8, using: &random) == 0 ? lastMobile[country] ?? "" : number(country, id)
            if phone.isEmpty { phone = number(country, id) }
            // The home number: none, the lead's own mobile again, an earlier lead's mobile, or its own,
            // with an extension now and then.
            var home: String
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<3: home = ""
            case 3: home = phone
            case 4: home = lastMobile[country] ?? ""
            default: home = number(country, 5_000 + id)
            }
            if country == "US", !home.isEmpty, Int.random(in: 0..<4, using: &random) == 0 {
                home += pick([" x\(100 + id % 900)", " ext. 45"])
            }
            lastMobile[country] = phone
            switch Int.random(in: 0..<10, using: &random) {
            case 0: phone = "'" + phone
            case 1: phone = "=\"" + phone + "\""
            case 2 where country == "US": phone = "\(phone.prefix(1)).\(phone.dropFirst().prefix(5))E+09"
            case 3 where country == "US": phone = "\(phone.prefix(1)),\(phone.dropFirst().prefix(5))E+09"
            default: break
            }
            let written: String
            switch country {
            case "US": written = pick(["United States", "USA", "U.S.A.", "us", "Vereinigte Staaten v. A."])
            case "FR": written = pick(["France", "FR", "Frankr."])
            case "DE": written = pick(["Deutschland", "Germany", "DE", "BRD"])
            default: written = pick(["Atlantis", "Narnia"])
            }
            let state = country == "US" ? pick(["California", "NY", "Kalifornien", "Tex.", "Tejas", ""]) : ""
            let month = Int.random(in: 1...12, using: &random)
            let day = Int.random(in: 1...28, using: &random)
            let year = pick(["2025", "2026", "2027"])
            let consent: String =
                switch Int.random(in: 0..<8, using: &random) {
                case 0: ""
                case 1: "\(year)-\(String(format: "%02d-%02d", month, day))"  // ISO: not this export's format
                case 2: "\(month)/\(day)/\(year.suffix(2))"  // a 2-digit year
                case 3: "\(month)/\(day)/\(year) \(Int.random(in: 1...12, using: &random)):30 PM"
                case 4: "\(String(format: "%02d/%02d", month, day))/\(year) 08:15"
                default: "\(String(format: "%02d/%02d", month, day))/\(year)"
                }
            let last: [UInt8] = id % 7 == 0 ? [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72] : Array("Miller".utf8)  // CP-1252 ü
            line([
                Array(String(id).utf8), Array("Ann".utf8), last, Array(phone.utf8), Array(home.utf8), Array(state.utf8),
                Array("10001".utf8), Array(written.utf8), Array("01/02/2026".utf8), Array(consent.utf8),
            ])
        }
        bytes = out
    }
}

/// An independent reading of the export and the run's outputs: Python's `csv`, `gzip` and `datetime`,
/// the pipeline's rules for this slice written again from their documentation.
private let oracle = #"""
    import csv, datetime, gzip, io, json, re, sys
    leads, out = sys.argv[1], sys.argv[2]
    data = open(leads, 'rb').read()
    assert data.startswith(b'\xef\xbb\xbf')
    rows = list(csv.DictReader(io.StringIO(data[3:].decode('latin-1'), newline=''), delimiter=';'))
    countries = {'UNITEDSTATES': 'US', 'USA': 'US', 'US': 'US', 'VEREINIGTESTAATENVA': 'US',
                 'FRANCE': 'FR', 'FR': 'FR', 'FRANKR': 'FR', 'DEUTSCHLAND': 'DE', 'GERMANY': 'DE', 'DE': 'DE',
                 'BRD': 'DE'}
    campaign = datetime.date(2026, 12, 1)
    def consent_day(text):
        text = text.strip()
        for fmt in ('%m/%d/%Y', '%m/%d/%Y %H:%M', '%m/%d/%Y %I:%M %p'):
            try:
                return datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                pass
        return None
    ranks = ['MISSING_NUMBER', 'INVALID_NUMBER', 'UNSUPPORTED_REGION', 'NO_CONSENT', 'DUPLICATE']
    def number(written, country, consented):
        """A number's reason (or CLEAN) by the rules before duplicates, and its E.164."""
        phone = written.strip()
        if phone.startswith("'"):
            phone = phone[1:]
        elif phone.startswith('="') and phone.endswith('"'):
            phone = phone[2:-1]
        phone = re.sub(r'\s+(x|ext\.)\s*\d+$', '', phone)
        if not phone:
            return 'MISSING_NUMBER', None
        if re.fullmatch(r'\d+([.,]\d+)?E\+\d+', phone):
            return 'INVALID_NUMBER', None
        digits = re.sub(r'\D', '', phone)
        e164 = '+' + digits if phone.startswith('+') else '+1' + digits
        if country is None:
            return 'UNSUPPORTED_REGION', e164
        if country in ('FR', 'DE') and not consented:
            return 'NO_CONSENT', e164
        return 'CLEAN', e164
    expected, unreadable, seen = {}, 0, set()
    for row in rows:
        consent = row['Consent Date']
        day = consent_day(consent)
        if consent.strip() and (day is None or not re.fullmatch(r'\d{1,2}/\d{1,2}/\d{4}( .*)?', consent.strip())):
            unreadable += 1
            day = None
        key = re.sub(r'[^A-Za-z0-9]', '', row['Country']).upper()
        country = countries.get(key)
        numbers = []
        for column in ('Mobile Phone', 'Home Phone'):
            reason, e164 = number(row[column], country, day is not None and day <= campaign)
            if reason == 'CLEAN':
                if e164 in seen:
                    reason = 'DUPLICATE'
                seen.add(e164)
            if reason != 'MISSING_NUMBER':
                numbers.append((column, reason, e164))
        callable = [n for n in numbers if n[1] == 'CLEAN']
        if callable:
            expected[row['Lead ID']] = ('CLEAN', callable[0][0], callable[0][2])
        elif not numbers:
            expected[row['Lead ID']] = ('MISSING_NUMBER', None, None)
        else:
            closest = max(numbers, key=lambda n: ranks.index(n[1]))
            expected[row['Lead ID']] = (closest[1], closest[0], '; '.join(n[0] + ': ' + n[1] for n in numbers))
    got = {}
    for name, reason_column in (('clean.csv.gz', None), ('rejects.csv.gz', 'reject_reason')):
        text = gzip.open(out + '/' + name).read().decode('latin-1')
        if text.startswith('\xef\xbb\xbf'):
            text = text[3:]
        delimiter = ';' if ';' in text.split('\n', 1)[0] else ','
        for row in csv.DictReader(io.StringIO(text, newline=''), delimiter=delimiter):
            assert row['Lead ID'] not in got, row['Lead ID']
            if reason_column is None:
                got[row['Lead ID']] = ('CLEAN', row['phone_source'], row['e164'])
            elif row[reason_column] == 'MISSING_NUMBER':
                got[row['Lead ID']] = ('MISSING_NUMBER', None, None)
            else:
                column = row['reject_detail'].split(': ', 1)[0]
                got[row['Lead ID']] = (row[reason_column], column, row['number_reasons'])
    wrong = [(k, expected[k], got.get(k)) for k in expected if got.get(k) != tuple(expected[k])]
    reasons = [outcome[0] for outcome in expected.values()]
    print(json.dumps({'rows': len(rows), 'outputs': len(got), 'unreadable': unreadable, 'wrong': wrong[:10],
                      'reasons': {r: reasons.count(r) for r in set(reasons)},
                      'home': sum(1 for outcome in expected.values() if outcome[1] == 'Home Phone')}))
    """#

@Suite("A CRM export from a pipeline file alone")
struct CRMExportTests {
    @Test(
        "every lead's outcome agrees with an independent Python reading, and unreadable dates are warned",
        .enabled(if: python3 != nil, "python3 is not on PATH"))
    func agreesWithPython() throws {
        let dir = try TemporaryDirectory("crm-export")
        try Data(CRMExport().bytes).write(to: dir.url.appendingPathComponent("leads.csv"))
        try """
        version: 1
        input:
          files: leads.csv
          phone_column: [Mobile Phone, Home Phone]
          country_column: Country
          state_column: State/Province
          country_values: {"Vereinigte Staaten v. A.": US, "Frankr.": FR, BRD: DE}
          state_values: {Kalifornien: CA, Tejas: US-TX}
        output:
          directory: out
        campaign:
          date: 2026-12-01
        consent:
          date_format: MM/DD/YYYY
          columns: {timestamp: Consent Date}

        """.write(toFile: dir.path("p.yaml"), atomically: false, encoding: .utf8)
        let run = try ScrubProcess.run(["run", dir.path("p.yaml"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python3!)
        process.arguments = ["-c", oracle, dir.path("leads.csv"), dir.path("out")]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 read the outputs")
        let result = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        #expect(result["rows"] as? Int == CRMExport.rows && result["outputs"] as? Int == CRMExport.rows)
        #expect((result["wrong"] as? [Any])?.isEmpty == true, "\(result)")
        let reasons = result["reasons"] as? [String: Int] ?? [:]
        for reason in ["CLEAN", "INVALID_NUMBER", "NO_CONSENT", "UNSUPPORTED_REGION", "DUPLICATE"] {
            #expect(reasons[reason, default: 0] >= 20, "\(reason): \(reasons)")
        }
        #expect(result["home"] as? Int ?? 0 >= 60, "leads decided on their home number: \(result)")

        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.url.appendingPathComponent("out/report.json")))
                as? [String: Any])
        let warnings = report["warnings"] as? [String] ?? []
        let unreadable = try #require(result["unreadable"] as? Int)
        #expect(unreadable > 0)
        #expect(
            warnings.contains {
                $0.hasPrefix("date column \"Consent Date\": \(unreadable) row(s) do not read as MM/DD/YYYY")
            },
            "\(warnings)")
        #expect(!warnings.contains { $0.hasPrefix("state column") }, "the CRM's own state spellings map: \(warnings)")
        #expect(
            warnings.contains { $0.hasPrefix("country column \"Country\":") && $0.contains("\"Atlantis\"") },
            "\(warnings)")
    }
}
