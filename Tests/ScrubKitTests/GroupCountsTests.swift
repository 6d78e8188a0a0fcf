import ScrubIO
import Testing

@testable import ScrubKit

@Suite("GroupCounts: report.group_by's counts")
struct GroupCountsTests {
    static func record(_ value: String) -> CSVRecord { CSVRecord(fields: [Array("x".utf8), Array(value.utf8)]) }

    @Test("past 10,000 values a column's rows count as other, and no row is lost")
    func limit() {
        var counts = GroupCounts(columns: [1])
        for value in 0..<10_050 {
            counts.count(Self.record("v\(value)"), reason: value.isMultiple(of: 2) ? nil : .suppressed)
        }
        counts.count(Self.record("v0"), reason: .duplicate)
        let facts = counts.facts(names: ["source"])[0]
        #expect(facts.distinctValues == 10_000 && facts.valuesPastLimit)
        #expect(facts.values.count == 100 && facts.values[0].value == "v0" && facts.values[0].rows == 2)
        #expect(facts.values[0].rejectedByReason == ["DUPLICATE": 1] && facts.values[0].clean == 1)
        let other = facts.other!
        #expect(facts.values.map(\.rows).reduce(0, +) + other.rows == 10_051)
        #expect(other.clean + other.rejectedByReason.values.reduce(0, +) == other.rows)
    }

    @Test("chunks added in input order give what one pass over the rows gives, a row moved included")
    func chunksAddUp() {
        let values = (0..<500).map { "s\(($0 * 7919) % 37)" }
        var whole = GroupCounts(columns: [1])
        for value in values { whole.count(Self.record(value), reason: nil) }
        whole.count(Self.record("s3"), reason: nil, by: -1)
        whole.count(Self.record("s3"), reason: .duplicate)
        var summed = GroupCounts(columns: [1])
        for chunk in stride(from: 0, to: values.count, by: 64) {
            var part = GroupCounts(columns: [1])
            for value in values[chunk..<min(chunk + 64, values.count)] { part.count(Self.record(value), reason: nil) }
            summed.add(part)
        }
        summed.count(Self.record("s3"), reason: nil, by: -1)
        summed.count(Self.record("s3"), reason: .duplicate)
        #expect(summed.facts(names: ["state"]) == whole.facts(names: ["state"]))
        #expect(whole.facts(names: ["state"])[0].other == nil)
    }
}
