import Foundation
import ScrubRecords
import Testing

/// A record's bytes are what its hash chains and signatures cover: the rendering must never change.
@Suite("AuditValue: the canonical JSON of a record")
struct AuditValueTests {
    static let value = AuditValue.object([
        "zeta": .array([.int(-3), .bool(true), .null, .array([])]),
        "alpha": .string("plain"),
        "esc": .string("q\"b\\n\nr\rt\tc\u{1}é€"),
        "nested": .object(["b": .int(2), "a": .object([:])]),
    ])

    @Test("keys sorted at every level, escapes as the chain has always had them")
    func canonical() {
        #expect(
            Self.value.json
                == #"{"alpha":"plain","esc":"q\"b\\n\nr\rt\tc\u0001é€","nested":{"a":{},"b":2},"zeta":[-3,true,null,[]]}"#
        )
    }

    @Test("reads back as the same value with JSONSerialization")
    func readsBack() throws {
        let parsed = try JSONSerialization.jsonObject(with: Data(Self.value.json.utf8)) as? NSDictionary
        #expect(parsed == (Self.value.foundationValue as? NSDictionary))
    }
}
