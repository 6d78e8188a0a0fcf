import Crypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Gathers the keys of one or more input files, line by line, counting what it could not read.
///
/// Keys are kept as their hashes (the order the table wants), 8 bytes each; the collector does not
/// de-duplicate: the builder does that once, after sorting.
public struct KeyCollector {
    /// An input line that could not be read as a key.
    public struct InvalidLine: Sendable, Equatable, CustomStringConvertible {
        public var source: String
        public var line: Int
        public var description: String { "\(source):\(line)" }
    }

    /// How many invalid lines are remembered for the report.
    public static let sampleLimit = 5

    package var hashes: [UInt64] = []
    /// Lines that held a key, over all inputs.
    public private(set) var keyLines = 0
    /// Lines that held no valid key, over all inputs.
    public private(set) var invalidLines = 0
    /// The first few invalid lines.
    public private(set) var invalidSamples: [InvalidLine] = []
    /// One entry per input read, in order.
    public private(set) var sources: [IndexMetadata.Source] = []

    public init() {}

    /// Adds one key directly (an E.164 number as an integer); a key of 2^50 or more counts as invalid.
    public mutating func add(_ key: UInt64) {
        if key < KeyHash.keyLimit {
            hashes.append(KeyHash.hash(key))
            keyLines += 1
        } else {
            invalidLines += 1
        }
    }

    /// Reads every line of one input through `parser`.
    ///
    /// - Parameters:
    ///   - name: the input's name for the report and the metadata (its directory is dropped).
    ///   - read: fills the buffer with the input's next bytes and returns how many, 0 at the end
    ///     (for a gzipped input, the decompressed bytes).
    public mutating func readLines<Parser: IndexLineParser>(
        named name: String, role: IndexMetadata.Source.Role = .full, parser: inout Parser,
        read: (UnsafeMutableRawBufferPointer) throws -> Int
    ) throws {
        let baseName = name.split(separator: "/").last.map(String.init) ?? name
        let keysBefore = keyLines
        let invalidBefore = invalidLines
        var digest = SHA256()
        var capacity = 1 << 20
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0
        var lineNumber = 0

        func handle(_ line: UnsafeRawBufferPointer) {
            lineNumber += 1
            var line = line
            if let last = line.last, last == UInt8(ascii: "\r") {
                line = UnsafeRawBufferPointer(rebasing: line.dropLast())
            }
            switch parser.parse(line: line, lineNumber: lineNumber) {
            case .key(let key) where key < KeyHash.keyLimit:
                hashes.append(KeyHash.hash(key))
                keyLines += 1
            case .skip:
                break
            case .key, .invalid:
                invalidLines += 1
                if invalidSamples.count < Self.sampleLimit {
                    invalidSamples.append(InvalidLine(source: name, line: lineNumber))
                }
            }
        }

        while true {
            if filled == capacity {  // one line fills the buffer: make room
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity * 2, alignment: 16)
                larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            let count = try read(UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if count == 0 { break }
            digest.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[filled..<filled + count]))
            let base = UnsafeRawPointer(buffer.baseAddress!)
            var start = 0
            var searchFrom = filled
            filled += count
            while let newline = memchr(base + searchFrom, Int32(UInt8(ascii: "\n")), filled - searchFrom) {
                let end = UnsafeRawPointer(newline) - base
                handle(UnsafeRawBufferPointer(start: base + start, count: end - start))
                start = end + 1
                searchFrom = start
            }
            if start > 0 {
                buffer.baseAddress!.copyMemory(from: base + start, byteCount: filled - start)
                filled -= start
            }
        }
        if filled > 0 {
            handle(UnsafeRawBufferPointer(start: buffer.baseAddress!, count: filled))
        }
        sources.append(
            IndexMetadata.Source(
                name: baseName, sha256: Hex.string(digest.finalize()), role: role,
                keyLines: keyLines - keysBefore, invalidLines: invalidLines - invalidBefore))
    }

    /// Throws when invalid lines are more than `maximumFraction` of the lines that held a key or should have.
    public func checkInvalidLines(maximumFraction: Double) throws {
        let total = keyLines + invalidLines
        guard invalidLines > 0, Double(invalidLines) > maximumFraction * Double(total) else { return }
        let first = invalidSamples.first
        let percent = Double(invalidLines) * 100 / Double(max(total, 1))
        let samples = invalidSamples.map(\.description).joined(separator: ", ")
        throw IndexError(
            .tooManyInvalidLines, path: first?.source ?? "-", line: first?.line,
            message: "\(invalidLines) of \(total) lines are not valid numbers (\(format(percent))%), more than "
                + "the allowed \(format(maximumFraction * 100))% (first: \(samples)); check the --format, "
                + "or raise --max-invalid")
    }

    private func format(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        return "\(Int(hundredths) / 100).\(String(Int(hundredths) % 100 + 100).dropFirst())"
    }
}
