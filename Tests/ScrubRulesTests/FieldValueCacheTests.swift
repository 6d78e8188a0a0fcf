import ScrubRules
import Testing

@Suite("Field value cache")
struct FieldValueCacheTests {
    @Test(
        "gives what decoding every time gives: trimmed, upper-cased if asked, nil when blank",
        arguments: [
            ("us", "US"), (" gb ", "GB"), ("", nil), ("   ", nil), ("nsw", "NSW"), ("SW1A 1AA", "SW1A 1AA"),
            ("a-much-longer-value", "A-MUCH-LONGER-VALUE"), ("é", "É"),
            (
                "united kingdom of great britain and northern ireland",
                "UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND"
            ),
            (String(repeating: "x", count: 64), String(repeating: "X", count: 64)),
            (String(repeating: "y", count: 65), String(repeating: "Y", count: 65)),
        ] as [(String, String?)])
    func matchesDecoding(field: String, expected: String?) {
        var cache = FieldValueCache(uppercased: true)
        for _ in 0..<3 {  // the first call decodes, later ones hit the cache
            let value = Array(field.utf8).withUnsafeBytes { cache.value($0) }
            #expect(value.text == expected)
            #expect((value.id == 0) == (field.utf8.count > FieldValueCache.maxInterned))
        }
    }

    @Test("values that share a prefix or differ only in length do not collide")
    func distinctKeys() {
        var cache = FieldValueCache(uppercased: false)
        let fields = [
            "A", "A\u{0}", "AB", "AB ", "2000", "20000", "200", "ABCDEFGH", "ABCDEFGI", "ABCDEFGHIJKLMNO",
            "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOQ", "Australian Capital Territory", "Australian Capital Territory ",
        ]
        let first = fields.map { field in Array(field.utf8).withUnsafeBytes { cache.value($0) } }
        let again = fields.map { field in Array(field.utf8).withUnsafeBytes { cache.value($0) } }
        #expect(first.map(\.text) == again.map(\.text))
        #expect(first.map(\.id) == again.map(\.id))
        #expect(Set(first.map(\.id)).count == fields.count)
        #expect(
            first.map(\.text) == [
                "A", "A\u{0}", "AB", "AB", "2000", "20000", "200", "ABCDEFGH", "ABCDEFGI", "ABCDEFGHIJKLMNO",
                "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOQ", "Australian Capital Territory", "Australian Capital Territory",
            ])
        #expect(first.map(\.id) == (1...UInt32(fields.count)).map { $0 })
    }
}
