import Foundation
import ScrubIO
import ScrubIndex
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubRules
import ScrubTestSupport
import Testing

/// A generated campaign with every kind of rule: consent columns, a registry that allows EBR and consent
/// exemptions, a litigator list (listed after the registry, ranking before it), a suppression list, a contact
/// history with legal and company caps, company calling rules, a declared emergency, reassigned-number
/// answers, and wireless line types on an autodialed campaign.
private struct Campaign {
    static let rows = 10_000
    static let header = ["id", "phone", "country", "state", "consent_at", "consent_ref", "ebr_date", "ebr_type"]
    let dir: TemporaryDirectory
    var leads: [[String]] = []

    init() throws {
        dir = try TemporaryDirectory()
        var random = SeededRandom(seed: 13)
        // A pool smaller than the file, so numbers repeat (often written differently).
        var pool: [(e164: UInt64, written: [String])] = []
        for area in [212, 305, 713, 415, 312, 604, 416] {
            for _ in 0..<300 {
                let exchange = Int.random(in: 200...989, using: &random)
                let line = Int.random(in: 0...9999, using: &random)
                let digits = "\(area)\(exchange)\(String(format: "%04d", line))"
                let national = "(\(area)) \(exchange)-\(String(format: "%04d", line))"
                pool.append(
                    (
                        UInt64("1" + digits)!,
                        [national, "+1 \(area) \(exchange) \(String(format: "%04d", line))", digits]
                    ))
            }
        }
        for _ in 0..<250 {
            let rest = String(format: "%08d", Int.random(in: 40_000_000...49_999_999, using: &random))
            pool.append((UInt64("331" + rest)!, ["+33 1 \(rest)"]))
            let berlin = String(format: "%08d", Int.random(in: 20_000_000...99_999_999, using: &random))
            pool.append((UInt64("4930" + berlin)!, ["+49 30 \(berlin)"]))
            let london = String(format: "%07d", Int.random(in: 1_000_000...9_999_999, using: &random))
            pool.append((UInt64("44207" + london)!, ["+44 20 7\(london)"]))
        }
        func day(_ from: Int, _ to: Int) -> String {
            let base = 20_454  // 2026-01-01
            let date = Date(
                timeIntervalSince1970: TimeInterval((base + Int.random(in: from...to, using: &random)) * 86_400))
            return String(date.ISO8601Format().prefix(10))
        }
        let countries = ["US", "US", "US", "", "", "United States", "CA", "FR", "France", "DE", "GB", "Atlantis"]
        let states = ["NY", "FL", "FL", "Florida", "TX", "CA", "", "", "BC", "ON"]
        for id in 1...Self.rows {
            let roll = Int.random(in: 0..<100, using: &random)
            let phone: String
            switch roll {
            case 0: phone = ""
            case 1: phone = "12345"
            case 2: phone = "call me"
            default:
                let entry = pool[Int.random(in: 0..<pool.count, using: &random)]
                phone = entry.written[Int.random(in: 0..<entry.written.count, using: &random)]
            }
            let consented = Bool.random(using: &random)
            let related = Int.random(in: 0..<3, using: &random) == 0
            leads.append([
                "\(id)", phone, countries[Int.random(in: 0..<countries.count, using: &random)],
                states[Int.random(in: 0..<states.count, using: &random)],
                consented ? day(-400, 340) + "T10:00:00Z" : "",
                consented && Bool.random(using: &random) ? "ref-\(id)" : "",
                related ? day(-700, 340) : "", related ? ["purchase", "inquiry", "enquiry", ""][id % 4] : "",
            ])
        }
        let csv = ([Self.header] + leads).map { $0.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",") }
        try (csv.joined(separator: "\n") + "\n").write(
            toFile: dir.path("leads.csv"), atomically: false, encoding: .utf8)

        var registry = KeyCollector()
        var litigators = KeyCollector()
        var optouts = ["phone"]
        var answers = ["number,date_asked,answer"]
        var ported = ["number,line_type"]
        var calls = ["phone,called_at,outcome,offer"]
        let campaignStart = 20_788 * 86_400  // 2026-12-01T00:00:00Z
        for (index, entry) in pool.enumerated() {
            if entry.e164 < 20_000_000_000, index % 10 < 3 { registry.add(entry.e164) }
            // Every region, some also on the registry (LITIGATOR outranks DNC_REGISTRY).
            if index % 23 == 2 || index % 23 == 5 { litigators.add(entry.e164) }
            if index % 20 == 7 { optouts.append("+\(entry.e164)") }
            if entry.e164 < 20_000_000_000 {
                // Reassigned-number answers about a mid-year date (leads consented before and after it).
                switch index % 29 {
                case 3, 4: answers.append("\(entry.e164),2026-06-01,yes")
                case 5: answers.append("\(entry.e164),2026-06-01,no")
                case 6: answers.append("\(entry.e164),2026-06-01,no data")
                default: break
                }
                // Wireless numbers: an autodialed call to them needs prior express consent.
                if index % 7 == 4 { ported.append("\(entry.e164),mobile") }
                if index % 7 == 5 { ported.append("\(entry.e164),fixed_line") }
            }
            guard index % 6 == 1 else { continue }
            for _ in 0..<Int.random(in: 1...5, using: &random) {
                // Mostly the last day, some weeks back, a few later on the campaign day.
                let back = [
                    3_600 * Int.random(in: 1...23, using: &random), 86_400 * Int.random(in: 1...40, using: &random),
                    -3_600 * Int.random(in: 1...10, using: &random),
                ][Int.random(in: 0..<3, using: &random)]
                let time = Date(timeIntervalSince1970: TimeInterval(campaignStart - back)).ISO8601Format()
                let outcome = ["ANSWERED", "NO_ANSWER", "REFUSED"][Int.random(in: 0..<3, using: &random)]
                calls.append("+\(entry.e164),\(time),\(outcome),\(Bool.random(using: &random) ? "winter-promo" : "")")
            }
        }
        _ = try IndexBuilder.build(
            keys: registry,
            metadata: IndexMetadata(
                name: "us-ca-dnc", kind: .registry, regions: ["US", "CA"], snapshotDate: "2026-11-28", maxAgeDays: 31),
            output: dir.path("registry.idx"))
        _ = try IndexBuilder.build(
            keys: litigators,
            metadata: IndexMetadata(
                name: "tcpa-litigators", kind: .litigator, regions: [], snapshotDate: "2026-11-30", maxAgeDays: 31),
            output: dir.path("litigators.idx"))
        try (optouts.joined(separator: "\n") + "\n").write(
            toFile: dir.path("optouts.csv"), atomically: false, encoding: .utf8)
        try (answers.joined(separator: "\n") + "\n").write(
            toFile: dir.path("reassigned.csv"), atomically: false, encoding: .utf8)
        try (ported.joined(separator: "\n") + "\n").write(
            toFile: dir.path("ported.csv"), atomically: false, encoding: .utf8)
        try (calls.joined(separator: "\n") + "\n").write(
            toFile: dir.path("calls.csv"), atomically: false, encoding: .utf8)
        let companyRules = ScrubProcess.repositoryRoot.appendingPathComponent("Pipelines/company-rules.yaml").path
        // Texas, statewide: the 713 numbers and the leads whose state is TX.
        try """
        version: 1
        emergencies:
          - {id: TX-TEST, name: Test emergency, jurisdiction: US-TX, area: all, start: "2026-11-30", citation: test}

        """.write(toFile: dir.path("emergencies.yaml"), atomically: false, encoding: .utf8)
        try """
        version: 1
        name: agreement
        input:
          files: leads.csv
          phone_column: phone
          country_column: country
          state_column: state
        output:
          directory: out
        campaign:
          date: 2026-12-01
          purpose: telemarketing
          channel: autodialed
          reject_without_window: true
          company_rules: \(companyRules)
        registries:
          - index: registry.idx
            exemptions: [ebr, consent]
          - litigators.idx
        suppression:
          - optouts.csv
        consent:
          columns: {timestamp: consent_at, evidence: consent_ref, ebr_date: ebr_date, ebr_type: ebr_type}
        history:
          files: calls.csv
          columns: {number: phone, time: called_at, outcome: outcome, offer: offer}
          refusal_codes: [REFUSED]
          offer: winter-promo
          caps:
            - {name: "house 3/7d", calls: 3, days: 7}
        emergencies: emergencies.yaml
        reassigned: {files: [reassigned.csv]}
        line_types: {files: [ported.csv], as_of: 2026-11-30}

        """.write(toFile: dir.path("p.yaml"), atomically: false, encoding: .utf8)
    }

    /// A lead's fields as `scrub check` takes them.
    func request(_ lead: [String]) -> CheckRequest {
        func read<T>(_ text: String, _ parse: (UnsafeRawBufferPointer) -> T?) -> T? {
            Array(text.utf8).withUnsafeBytes(parse)
        }
        return CheckRequest(
            lead[1], country: lead[2], state: lead[3],
            evidence: LeadEvidence(
                consentDay: read(lead[4], LeadEvidence.date), hasConsentReference: !lead[5].isEmpty,
                relationshipDay: read(lead[6], LeadEvidence.date),
                relationship: read(lead[7], LeadEvidence.relationship)))
    }

    /// The same fields as `scrub check` flags.
    func flags(_ lead: [String]) -> [String] {
        var flags = ["--country", lead[2], "--state", lead[3]]
        if !lead[4].isEmpty { flags += ["--consent-at", lead[4]] }
        if lead[5].isEmpty { flags.append("--no-consent-evidence") }
        if !lead[6].isEmpty { flags += ["--ebr-date", lead[6]] }
        if !lead[7].isEmpty { flags += ["--ebr-type", lead[7]] }
        return flags
    }
}

/// What the run wrote for one row.
private struct RunRow: Equatable {
    var reason: String
    var detail = ""
    var e164 = ""
    var windows = ""
    var exemption = ""
    /// `call_windows_local`, the clean output's last column.
    var local = ""
}

@Suite("scrub check agrees with scrub run")
struct CheckAgreesWithRunTests {
    @Test("scrub check --json and scrub run agree on every row of a generated 10,000-row campaign")
    func agreement() throws {
        let campaign = try Campaign()
        let dir = campaign.dir
        let run = try ScrubProcess.run(["run", dir.path("p.yaml"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        func text(_ field: [UInt8]) -> String { String(decoding: field, as: UTF8.self) }
        var byID: [String: RunRow] = [:]
        let clean = try readAll(ByteReader(path: dir.path("out/clean.csv.gz")))
        for record in clean.records {
            byID[text(record[0])] = RunRow(
                reason: "CLEAN", e164: text(record[8]), windows: text(record[12]), exemption: text(record[15]),
                local: text(record[record.count - 1]))
        }
        let rejects = try readAll(ByteReader(path: dir.path("out/rejects.csv.gz")))
        for record in rejects.records {
            byID[text(record[0])] = RunRow(reason: text(record[8]), detail: text(record[9]))
        }
        #expect(byID.count == Campaign.rows)

        let plan = try PipelinePlan.resolve(
            PipelineDefinition.load(path: dir.path("p.yaml")), overrides: PipelineDefinition(),
            environment: .standard(normalizer: PhoneNormalizerStage()))
        let decider = plan.makeDecider()
        let at = UTCTime(seconds: 20_788 * 86_400 + 10 * 3_600)
        var answers: [CheckAnswer] = []
        var reasons: [String: Int] = [:]
        var exemptions: [String: Int] = [:]
        var firstReaching: [String: Int] = [:]  // e164 -> line of the first row that reached duplicates
        for (index, lead) in campaign.leads.enumerated() {
            let answer = decider.check(campaign.request(lead), defaultCountry: plan.defaultCountry, at: at)
            answers.append(answer)
            let decision = answer.decision
            let line = index + 2
            guard let row = byID[lead[0]] else { continue }
            reasons[row.reason, default: 0] += 1
            let reachesDuplicates = decision.reason.map { $0 > .duplicate } ?? true
            if row.reason == "DUPLICATE" {
                // The run judged the number against the file; check judges it alone, so it must have let the
                // row reach duplicates, and the line named must be the first of this number to do so.
                let e164 = try #require(decision.number?.e164Text)
                #expect(reachesDuplicates, "line \(line): check says \(answer.json)")
                #expect(row.detail == "same number as line \(firstReaching[e164] ?? -1)", "line \(line)")
                continue
            }
            if reachesDuplicates, let e164 = decision.number?.e164Text, firstReaching[e164] == nil {
                firstReaching[e164] = line
            }
            let checked = RunRow(
                reason: decision.reason?.rawValue ?? "CLEAN", detail: decision.detail ?? "",
                e164: decision.isClean ? decision.number?.e164Text ?? "" : "",
                windows: decision.isClean ? decision.window?.windowsUTC ?? "" : "",
                exemption: decision.isClean ? decision.exemption?.rawValue ?? "" : "",
                local: decision.isClean ? decision.window?.windowsLocal ?? "" : "")
            #expect(checked == row, "line \(line): \(lead)")
            exemptions[row.exemption, default: 0] += 1
        }
        // Every rule had rows to judge: the agreement is not vacuous.
        for reason in RejectReason.allCases.map(\.rawValue) + ["CLEAN"] where reason != "MALFORMED_ROW" {
            #expect(reasons[reason, default: 0] >= 5, "\(reason): \(reasons)")
        }
        #expect(exemptions["EBR", default: 0] >= 5 && exemptions["CONSENT", default: 0] >= 5, "\(exemptions)")

        // The real binary, on a sample of rows: the same object as the library's.
        for index in stride(from: 0, to: Campaign.rows, by: 200) {
            let lead = campaign.leads[index]
            let result = try ScrubProcess.run(
                ["check", lead[1], "--pipeline", dir.path("p.yaml"), "--json", "--at", "2026-12-01T10:00:00Z"]
                    + campaign.flags(lead))
            #expect(result.status == (answers[index].isClean ? 0 : 1), "\(result.stderr)")
            #expect(result.stdout == answers[index].json + "\n", "line \(index + 2)")
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let row = try #require(byID[lead[0]])
            guard row.reason != "DUPLICATE" else { continue }
            #expect(object?["decision"] as? String == row.reason)
            #expect((object?["detail"] as? String ?? "") == row.detail)
            if row.reason == "CLEAN" {
                #expect(object?["e164"] as? String == row.e164)
                #expect(object?["windows_utc"] as? String == row.windows)
                #expect(object?["windows_local"] as? String == row.local)
            }
        }
    }
}
