import ScrubIO
import ScrubTestSupport
import Testing

/// The delimiters lead files use.
private let delimiters: [UInt8] = [",", ";", "\t", "|"].map { UInt8(ascii: $0) }
private let lf = UInt8(ascii: "\n")
private let cr = UInt8(ascii: "\r")
private let quote = UInt8(ascii: "\"")

/// Bytes that must never match: ASCII neighbours of the special bytes, and bytes >= 0x80 (the
/// special bytes with the high bit set among them), which fool the inexact "has a zero byte" tricks.
private func fillers(for delimiter: UInt8) -> [UInt8] {
    [UInt8(ascii: "a"), 0x80, 0xFF, delimiter | 0x80, lf | 0x80, cr | 0x80, quote | 0x80, delimiter &+ 1, 0x0B, 0x00]
}

/// The naive scans the scanner must agree with.
private enum Oracle {
    static func firstOf(_ needles: [UInt8], _ bytes: [UInt8], from: Int, to: Int) -> Int {
        (from..<to).first { needles.contains(bytes[$0]) } ?? to
    }

    static func firstQuote(_ bytes: [UInt8], lineByte: UInt8, from: Int, to: Int) -> CSVScanner.QuotedRun {
        let end = (from..<to).first { bytes[$0] == quote } ?? to
        let lines = (from..<end).filter { bytes[$0] == lineByte }
        return CSVScanner.QuotedRun(end: end, lineBytes: lines.count, firstLineByte: lines.first ?? 0)
    }
}

/// The scanner's answer for `bytes[from..<to]`, read through a pointer as the reader does.
private func scanned<R>(_ bytes: [UInt8], _ body: (UnsafePointer<UInt8>) -> R) -> R {
    bytes.withUnsafeBufferPointer { body($0.baseAddress!) }
}

/// A quoted run's fields as the reader reads them: `firstLineByte` only matters when there are line bytes.
private func normalised(_ run: CSVScanner.QuotedRun) -> CSVScanner.QuotedRun {
    var run = run
    if run.lineBytes == 0 { run.firstLineByte = 0 }
    return run
}

/// Calls `body` with `filler` bytes and every range `from..<to` of them: `from` at every alignment
/// of a word, lengths across two word boundaries, with `before` just before the range and `after`
/// just after it, which the scan must ignore (the tail's word overlaps the bytes before it).
private func forEveryRange(of filler: UInt8, before: UInt8, after: UInt8, _ body: ([UInt8], Int, Int) -> Void) {
    for from in 0..<9 {
        for length in 0...25 {
            let to = from + length
            var bytes = [UInt8](repeating: filler, count: to + 9)
            if from > 0 { bytes[from - 1] = before }
            bytes[to] = after
            body(bytes, from, to)
        }
    }
}

@Suite("CSV scanner")
struct CSVScannerTests {
    @Test(
        "finds the delimiter, LF or CR at every position and alignment, and nothing else",
        arguments: delimiters)
    func everyPosition(delimiter: UInt8) {
        for filler in fillers(for: delimiter) {
            forEveryRange(of: filler, before: delimiter, after: lf) { bytes, from, to in
                for needle in [delimiter, lf, cr, nil] {
                    for position in needle == nil ? [from] : Array(from..<to) {
                        var input = bytes
                        if let needle { input[position] = needle }
                        let got = scanned(input) { CSVScanner.firstOf(delimiter, lf, cr, in: $0, from: from, to: to) }
                        let want = Oracle.firstOf([delimiter, lf, cr], input, from: from, to: to)
                        #expect(got == want, "filler \(filler), from \(from), to \(to), at \(position)")
                    }
                }
            }
        }
    }

    @Test("finds the first of several special bytes, with the four-byte set too", arguments: delimiters)
    func firstOfSeveral(delimiter: UInt8) {
        var random = SeededRandom(seed: UInt64(delimiter))
        let alphabet = fillers(for: delimiter) + [delimiter, lf, cr, quote]
        for _ in 0..<3_000 {
            let input = (0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)!
            }
            let from = Int.random(in: 0...input.count, using: &random)
            let to = Int.random(in: from...input.count, using: &random)
            let three = scanned(input) { CSVScanner.firstOf(delimiter, lf, cr, in: $0, from: from, to: to) }
            #expect(three == Oracle.firstOf([delimiter, lf, cr], input, from: from, to: to), "\(input) \(from) \(to)")
            let four = scanned(input) { CSVScanner.firstOf(delimiter, quote, lf, cr, in: $0, from: from, to: to) }
            #expect(four == Oracle.firstOf([delimiter, quote, lf, cr], input, from: from, to: to), "\(input)")
        }
    }

    @Test(
        "a quoted field's scan stops at its quote and counts the line bytes before it",
        arguments: [lf, cr])
    func quotedRuns(lineByte: UInt8) {
        for filler in fillers(for: UInt8(ascii: ",")) + [cr ^ lf ^ lineByte] {
            forEveryRange(of: filler, before: lineByte, after: quote) { bytes, from, to in
                // A quote at every position (or none), with line bytes before it, after it, or both.
                for position in [nil] + Array(from..<to) {
                    for lines in [[], [from], [from, to - 1], Array(stride(from: from, to: to, by: 3))] {
                        var input = bytes
                        for index in lines where (from..<to).contains(index) { input[index] = lineByte }
                        if let position { input[position] = quote }
                        let got = scanned(input) {
                            CSVScanner.firstQuote(quote, countingLines: lineByte, in: $0, from: from, to: to)
                        }
                        let want = Oracle.firstQuote(input, lineByte: lineByte, from: from, to: to)
                        #expect(normalised(got) == want, "filler \(filler), from \(from), to \(to), at \(position)")
                    }
                }
            }
        }
    }

    @Test("counts a byte at every alignment and length, ignoring the bytes around the range", arguments: [lf, cr])
    func counts(lineByte: UInt8) {
        for filler in fillers(for: UInt8(ascii: ",")) + [lineByte | 0x80, lineByte ^ 1] {
            forEveryRange(of: filler, before: lineByte, after: lineByte) { bytes, from, to in
                for lines in [[], [from], [to - 1], [from, to - 1], Array(stride(from: from, to: to, by: 2))] {
                    var input = bytes
                    for index in lines where (from..<to).contains(index) { input[index] = lineByte }
                    let got = scanned(input) { CSVScanner.count(lineByte, in: $0, from: from, to: to) }
                    let want = (from..<to).filter { input[$0] == lineByte }.count
                    #expect(got == want, "filler \(filler), from \(from), to \(to), lines \(lines)")
                }
            }
        }
    }

    @Test("quoted runs in random bytes agree with the naive scan")
    func quotedRandom() {
        var random = SeededRandom(seed: 13)
        let alphabet: [UInt8] = [quote, lf, cr, UInt8(ascii: "x"), 0x80, 0xA2, 0x8A, 0xFF, 0x00]
        for _ in 0..<5_000 {
            let input = (0..<Int.random(in: 0...48, using: &random)).map { _ in alphabet.randomElement(using: &random)!
            }
            let from = Int.random(in: 0...input.count, using: &random)
            let to = Int.random(in: from...input.count, using: &random)
            for lineByte in [lf, cr] {
                let got = scanned(input) {
                    CSVScanner.firstQuote(quote, countingLines: lineByte, in: $0, from: from, to: to)
                }
                #expect(normalised(got) == Oracle.firstQuote(input, lineByte: lineByte, from: from, to: to), "\(input)")
            }
        }
    }
}

@Suite("CSV reader over the scanner")
struct CSVScannerReaderTests {
    /// Chunk sizes around the scanner's 8-byte words and the common field lengths.
    static let chunkSizes = [1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 64, 500, .max]

    /// A lead-like file whose fields are every length from 0 to 20 bytes, quoted and not, holding
    /// delimiters, doubled quotes, line breaks and bytes >= 0x80, so field ends fall at every
    /// position of a word.
    static func leads(delimiter: UInt8, ending: String, rows: Int, seed: UInt64) -> [UInt8] {
        var random = SeededRandom(seed: seed)
        let plain: [UInt8] = bytes("abcxyz0189 -+@.") + [0xC3, 0xA9, 0x80, 0xFF, delimiter | 0x80, 0x8A, 0x8D, 0xA2]
        let inQuotes = plain.map { [$0] } + [[delimiter], bytes(ending), bytes("\"\"")]
        var out = [UInt8]()
        for row in 0...rows {
            for column in 0..<5 {
                if column > 0 { out.append(delimiter) }
                let length = (row * 5 + column) % 21
                if Int.random(in: 0..<4, using: &random) == 0 {
                    out.append(quote)
                    for _ in 0..<length { out += inQuotes.randomElement(using: &random)! }
                    out.append(quote)
                } else {
                    out += (0..<length).map { _ in plain.randomElement(using: &random)! }
                }
            }
            out += bytes(ending)
        }
        return out
    }

    @Test(
        "reads the oracle's records at every chunk size",
        arguments: [
            (UInt8(ascii: ","), "\n"), (UInt8(ascii: ";"), "\r\n"), (UInt8(ascii: "\t"), "\r"),
            (UInt8(ascii: "|"), "\n"),
        ])
    func chunkSizes(delimiter: UInt8, ending: String) throws {
        let input = Self.leads(delimiter: delimiter, ending: ending, rows: 400, seed: UInt64(delimiter))
        let want = CSVOracle.parse(input, delimiter: delimiter)
        for size in Self.chunkSizes {
            let got = try readAll(MemoryByteSource(input, chunkSize: size), options: .init(delimiter: delimiter))
            #expect(got.malformed.isEmpty, "chunk size \(size)")
            #expect([got.header] + got.records == want, "chunk size \(size)")
        }
    }
}
