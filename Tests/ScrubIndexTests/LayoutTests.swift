import Foundation
import ScrubIndex
import ScrubTestSupport
import Testing

/// Feeds `text` to a streaming parser `chunkSize` bytes at a time, as a file named `name`.
func collectStream<Parser: IndexStreamParser>(
    _ text: String, named name: String = "input.txt", parser: Parser, chunkSize: Int,
    into collector: inout KeyCollector
) throws {
    let bytes = Array(text.utf8)
    var parser = parser
    try collector.readStream(named: name, parser: &parser) { consume in
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + chunkSize, bytes.count)
            try bytes[offset..<end].withUnsafeBytes { try consume($0) }
            offset = end
        }
    }
}

/// The keys a collector gathered, in input order.
func keys(of collector: KeyCollector) -> [UInt64] {
    collector.hashes.map(KeyHash.key(ofHash:))
}

let chunkSizes = [1, 2, 3, 5, 7, 13, 64, 500, 1 << 16]

@Suite("registry layouts")
struct LayoutTests {
    @Test(
        "a TPS line reads in either variant, or is invalid",
        arguments: [
            ("01635 506160", LineKey.key(441_635_506_160)),
            ("01635506160 ", .key(441_635_506_160)),
            ("020 71234567", .key(442_071_234_567)),
            ("02071234567 ", .key(442_071_234_567)),
            ("07700900123", .key(447_700_900_123)),
            ("0169773123  ", .key(44_169_773_123)),
            ("016977 3123 ", .key(44_169_773_123)),
            ("", .skip),
            ("            ", .skip),
            ("1635506160  ", .invalid),  // no trunk 0
            ("00441635506 ", .invalid),  // an international prefix
            ("01635  506160", .invalid),  // two spaces: 13 characters
            ("01 635506160", .invalid),  // a dialling code of 2 digits
            ("016355061601", .invalid),  // 12 digits
            ("016355061", .invalid),  // 9 digits
            ("0163550616X ", .invalid),
            ("01635 506 16", .invalid),  // a second space
            ("01635506160  0", .invalid),  // more than 12 characters
        ] as [(String, LineKey)])
    func tpsLine(line: String, expected: LineKey) {
        let parser = TPSLineParser()
        let result = Array(line.utf8).withUnsafeBytes { parser.parse(line: $0, lineNumber: 2) }
        #expect(result == expected, "\(line)")
    }

    @Test("a generated TPS file with CRLF, both variants and malformed lines reads the same at every chunk size")
    func tpsFile() throws {
        var lines: [String] = []
        var expected: [UInt64] = []
        var invalid: [Int] = []
        for index in 0..<300 {
            let local = 506_000 + index
            if index % 50 == 17 {
                lines.append(index % 100 == 17 ? "9163 \(local)X" : "01635 \(local)99")
                invalid.append(lines.count)
                continue
            }
            lines.append(index % 2 == 0 ? "01635 \(local)" : "01635\(local) ")
            expected.append(441_635_000_000 + UInt64(local))
        }
        let text = lines.joined(separator: "\r\n") + "\r\n"
        for chunkSize in chunkSizes {
            var collector = KeyCollector()
            try collectStream(
                text, named: "tps.txt", parser: LineSplitter(TPSLineParser()), chunkSize: chunkSize, into: &collector)
            #expect(keys(of: collector) == expected, "chunk \(chunkSize)")
            #expect(collector.invalidLines == invalid.count)
            #expect(collector.invalidSamples.map(\.description) == invalid.prefix(5).map { "tps.txt:\($0)" })
        }
    }

    @Test(
        "a NANP line is ten digits or NPA,NXXXXXX",
        arguments: [
            ("4155550123", LineKey.key(14_155_550_123)),
            ("415,5550123", .key(14_155_550_123)),
            (" 415 , 5550123 ", .key(14_155_550_123)),
            ("1155550123", .invalid),  // area code starting 1
            ("4151550123", .invalid),  // exchange starting 1
            ("415555012", .invalid),  // nine digits
            ("41555501234", .invalid),  // eleven digits
            ("415,555012", .invalid),
            ("4155550123,1", .invalid),
            ("41,55550123", .invalid),
        ] as [(String, LineKey)])
    func nanpLine(line: String, expected: LineKey) {
        let parser = NANPLineParser()
        let result = Array(line.utf8).withUnsafeBytes { parser.parse(line: $0, lineNumber: 2) }
        #expect(result == expected, "\(line)")
    }

    @Test("a NANP file mixing both forms reports malformed lines by number")
    func nanpFile() throws {
        let text = "AreaCode,PhoneNumber\n4155550123\n212,5550199\n\n21255501\n6045550100\n999,0000000\n"
        var collector = KeyCollector()
        try collect(text, named: "ftc.txt", parser: NANPLineParser(), chunkSize: 3, into: &collector)
        #expect(keys(of: collector) == [14_155_550_123, 12_125_550_199, 16_045_550_100])
        #expect(collector.invalidSamples.map(\.description) == ["ftc.txt:5", "ftc.txt:7"])
    }

    /// A CRTC XML file with malformed records in known places, and what it holds.
    static let crtcXML = """
        <?xml version='1.0' encoding='UTF-8'?>
        <!-- a CRTC DNCL extract, 'quoted' -->
        <list type='full' level='ac' val='416'>
        <ac val='416'>
          <ph val='2345678'/>
          <ph val = "9876543" />
            <ph val='123'/>
        </ac>
        <ac val='1a6'>
        <ph val='2345678'/>
        </ac>
        <ph val='2345678'/>
        stray text
        <ac val='604'><ph val='5550123'/><ph val='2223333'/><ph id='x'/></ac>
        </list>
        <ac val='905'><ph val='2000000'/>
        """
    static let crtcKeys: [UInt64] = [14_162_345_678, 14_169_876_543, 16_045_550_123, 16_042_223_333, 19_052_000_000]
    static let crtcInvalid = ["416.xml:7:5", "416.xml:9:1", "416.xml:10:1", "416.xml:12:1", "416.xml:13:1"]

    @Test("CRTC XML reads the same at every chunk size, with malformed records at line:column")
    func crtcXMLFile() throws {
        for chunkSize in chunkSizes {
            var collector = KeyCollector()
            try collectStream(
                Self.crtcXML, named: "416.xml", parser: CRTCXMLParser(), chunkSize: chunkSize, into: &collector)
            #expect(keys(of: collector) == Self.crtcKeys, "chunk \(chunkSize)")
            #expect(collector.invalidLines == 6, "chunk \(chunkSize)")  // the five above and `<ph id='x'/>`
            #expect(collector.invalidSamples.map(\.description) == Self.crtcInvalid, "chunk \(chunkSize)")
        }
    }

    @Test("a CRTC XML tag left open at the end is invalid where it starts, after a byte-order mark")
    func crtcUnterminated() throws {
        var collector = KeyCollector()
        try collectStream(
            "\u{FEFF}<ac val='416'>\n<ph val='2345678'/>\n  <ph val='2345679'", named: "x.xml", parser: CRTCXMLParser(),
            chunkSize: 4, into: &collector)
        #expect(keys(of: collector) == [14_162_345_678])
        #expect(collector.invalidSamples.map(\.description) == ["x.xml:3:3"])
    }

    @Test("lines split at every chunk size as the whole text splits", arguments: chunkSizes)
    func lineSplitter(chunkSize: Int) throws {
        var random = SeededRandom(seed: UInt64(chunkSize))
        var text = ""
        for _ in 0..<400 {
            let pieces = ["+1415555\(Int.random(in: 1000...9999, using: &random))", "", "bad", "\r", "+4420"]
            text += pieces[Int.random(in: 0..<pieces.count, using: &random)]
            text += Bool.random(using: &random) ? "\n" : "\r\n"
        }
        text += "+14155550000"  // no terminator
        // The oracle: the whole text cut at every `\n`, a `\r` before it dropped, each line parsed alone.
        var lines = Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var expectedKeys: [UInt64] = []
        var expectedInvalid: [Int] = []
        for (index, line) in lines.enumerated() {
            var bytes = Array(line)
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            switch bytes.withUnsafeBytes({ E164LineParser().parse(line: $0, lineNumber: index + 1) }) {
            case .key(let key): expectedKeys.append(key)
            case .invalid: expectedInvalid.append(index + 1)
            case .skip: break
            }
        }
        var collector = KeyCollector()
        try collectStream(text, parser: LineSplitter(E164LineParser()), chunkSize: chunkSize, into: &collector)
        #expect(keys(of: collector) == expectedKeys)
        #expect(collector.invalidLines == expectedInvalid.count)
        #expect(collector.invalidSamples.map(\.line) == Array(expectedInvalid.prefix(5)))
        #expect(collector.sources.map(\.keyLines) == [expectedKeys.count])
    }
}
