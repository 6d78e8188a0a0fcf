import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

/// A generated campaign with everything the engine orders: duplicates across chunks (some of them of
/// numbers a cap rejects), malformed rows, quoted fields with line breaks across chunk cuts, consent,
/// a registry with an exemption, a suppression list, and a call history with a cap.
private struct Campaign {
    let dir: TemporaryDirectory

    init() throws {
        dir = try TemporaryDirectory()
        let generated = try ScrubProcess.run([
            "sample", "generate", "--rows", "20000", "--registry-size", "20000", "--suppression-size", "400",
            "--seed", "7", "--duplicate-rate", "0.05", "--out", dir.path("data"),
        ])
        #expect(generated.status == 0, "\(generated.stderr)")
        let built = try ScrubProcess.run([
            "registry", "build", "--name", "threads", "--kind", "registry", "--region", "US", "--snapshot-date",
            "2026-11-29", "--format", "e164", "--output", dir.path("registry.idx"), dir.path("data/registry.txt"),
        ])
        #expect(built.status == 0, "\(built.stderr)")
        try Self.damage(gunzip(file: dir.path("data/leads.csv.gz")), into: dir.path("leads.csv"))
        try Data("phone,called_at,outcome,offer\n".utf8).write(to: dir.url.appendingPathComponent("calls.csv"))
        try write(pipeline: false)
        // The history calls every 25th number the run finds clean, so the cap rejects those rows and
        // their later duplicates are DUPLICATE rejections of capped rows.
        #expect(try run(threads: 1, chunkSize: 1 << 20).status == 0)
        let clean = try readAll(MemoryByteSource(try gunzip(file: dir.path("out/clean.csv.gz")), path: "clean"))
        let e164 = clean.header.firstIndex(of: Array("e164".utf8))!
        var calls = "phone,called_at,outcome,offer\n"
        for (index, record) in clean.records.enumerated() where index % 25 == 0 {
            let number = String(decoding: record[e164], as: UTF8.self)
            calls += "\(number),2026-11-30T10:00:00Z,NO_ANSWER,winter-promo\n"
        }
        try Data(calls.utf8).write(to: dir.url.appendingPathComponent("calls.csv"))
        try write(pipeline: true)
    }

    /// Rewrites the generated leads: every 97th row's id gets a quoted line break, every 301st row an
    /// extra field (MALFORMED_ROW).
    static func damage(_ leads: [UInt8], into path: String) throws {
        var lines = leads.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        for index in 1..<lines.count where !lines[index].isEmpty {
            if index % 97 == 0 {
                let comma = lines[index].firstIndex(of: UInt8(ascii: ","))!
                lines[index] =
                    Array("\"".utf8) + lines[index][..<comma] + Array("\nsecond line\"".utf8)
                    + lines[index][comma...]
            } else if index % 301 == 0 {
                lines[index] += Array(",extra".utf8)
            }
        }
        try Data(lines.joined(separator: [UInt8(ascii: "\n")])).write(to: URL(fileURLWithPath: path))
    }

    func write(pipeline withHistory: Bool) throws {
        var yaml = """
            version: 1
            name: threads
            input:
              files: leads.csv
              phone_column: phone
              country_column: country
              state_column: state
              postcode_column: postcode
            output:
              directory: out
            campaign:
              date: 2026-12-01
              purpose: telemarketing-consented
            registries:
              - index: registry.idx
                exemptions: [consent]
            suppression:
              - data/suppression.txt
            consent:
              columns:
                timestamp: created_at

            """
        if withHistory {
            yaml += """
                history:
                  files: calls.csv
                  columns: {number: phone, time: called_at, outcome: outcome, offer: offer}
                  caps:
                    - {name: "house 1/7d", calls: 1, days: 7}

                """
        }
        try Data(yaml.utf8).write(to: dir.url.appendingPathComponent("threads.yaml"))
    }

    func run(threads: Int, chunkSize: Int) throws -> ScrubProcess.Result {
        try ScrubProcess.run(
            [
                "run", dir.path("threads.yaml"), "--threads", "\(threads)", "--chunk-size", "\(chunkSize)",
                "--gzip-block-size", "65536", "--quiet", "--progress", "never",
            ], in: dir.url)
    }

    /// The decompressed outputs and the report without what differs between runs.
    func outputs() throws -> (clean: [UInt8], rejects: [UInt8], report: [String: NSObject]) {
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: dir.url.appendingPathComponent("out/report.json")))
        var report = json as! [String: NSObject]
        // What differs between runs, and `since_previous_run`, which compares each with the one before.
        for key in ["timings", "output_set", "outputs", "since_previous_run"] { report[key] = nil }
        return (
            try gunzip(file: dir.path("out/clean.csv.gz")), try gunzip(file: dir.path("out/rejects.csv.gz")), report
        )
    }
}

@Suite("scrub run on every core")
struct RunThreadsTests {
    @Test("outputs and report are identical for --threads 1, 2, 3 and 8 and for small and large chunks")
    func identicalAcrossThreadsAndChunks() throws {
        let campaign = try Campaign()
        var first: (clean: [UInt8], rejects: [UInt8], report: [String: NSObject])?
        for (threads, chunkSize) in [(1, 1 << 20), (1, 3_000), (2, 3_000), (3, 1_000), (8, 4_096), (2, 1 << 20)] {
            let result = try campaign.run(threads: threads, chunkSize: chunkSize)
            #expect(result.status == 0, "\(result.stderr)")
            let outputs = try campaign.outputs()
            guard let first else {
                first = outputs
                continue
            }
            #expect(outputs.clean == first.clean, "clean.csv.gz with --threads \(threads) --chunk-size \(chunkSize)")
            #expect(outputs.rejects == first.rejects, "rejects.csv.gz with --threads \(threads)")
            #expect(outputs.report == first.report, "report.json with --threads \(threads)")
        }
        // The campaign has what the engine must order: each kind of rejection at least once.
        let reasons = first?.report["rejected_by_reason"] as? [String: Int] ?? [:]
        for reason in ["DUPLICATE", "MALFORMED_ROW", "FREQUENCY_CAP", "DNC_REGISTRY", "SUPPRESSED"] {
            #expect((reasons[reason] ?? 0) > 0, "no \(reason) row: \(reasons)")
        }
        let rejects = try readAll(MemoryByteSource(first?.rejects ?? [], path: "rejects"))
        // A row writes its number its own way: compare the last eight digits.
        func tail(_ phone: [UInt8]) -> [UInt8] { Array(phone.filter { $0 >= 0x30 && $0 <= 0x39 }.suffix(8)) }
        let capped = Set(rejects.records.filter { $0[12] == Array("FREQUENCY_CAP".utf8) }.map { tail($0[3]) })
        #expect(
            rejects.records.contains { $0[12] == Array("DUPLICATE".utf8) && capped.contains(tail($0[3])) },
            "a later row of a capped number is a DUPLICATE")
        #expect(rejects.records.contains { $0[0].contains(UInt8(ascii: "\n")) }, "a quoted line break survives")
    }
}
