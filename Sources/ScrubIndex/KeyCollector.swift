import Crypto
import ScrubIO

/// Gathers the keys of one or more input files, line by line, counting what it could not read.
///
/// Keys are kept as their hashes (the order the table wants), 8 bytes each; the collector does not
/// de-duplicate: the builder does that once, after sorting.
public struct KeyCollector {
    /// An input line that could not be read as a key.
    public struct InvalidLine: Sendable, Equatable, CustomStringConvertible {
        public var source: String
        public var line: Int
        /// The 1-based column, for layouts that are not one record a line (XML).
        public var column: Int?
        public var description: String { "\(source):\(line)" + (column.map { ":\($0)" } ?? "") }

        public init(source: String, line: Int, column: Int? = nil) {
            self.source = source
            self.line = line
            self.column = column
        }
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
        var lines = LineSplitter(parser)
        defer { parser = lines.parser }
        try readStream(named: name, role: role, parser: &lines) { consume in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
            defer { buffer.deallocate() }
            var count = try read(buffer)
            while count > 0 {
                try consume(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                count = try read(buffer)
            }
        }
    }

    /// Reads one input through a streaming `parser`, its bytes pushed by `produce` in chunks of any size.
    ///
    /// A push rather than a pull, so an input that can only hand out its bytes through a callback (a zip
    /// member as it is inflated) is read without holding it whole.
    ///
    /// - Parameters:
    ///   - name: the input's name for the report of invalid records.
    ///   - recorded: its name in the metadata; by default `name` without its directory (a zip member is
    ///     recorded as `archive.zip/member`).
    ///   - produce: calls its argument with each chunk of the input's bytes, in order, then returns.
    public mutating func readStream<Parser: IndexStreamParser>(
        named name: String, recordedAs recorded: String? = nil, role: IndexMetadata.Source.Role = .full,
        parser: inout Parser, produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws {
        let baseName = recorded ?? name.split(separator: "/").last.map(String.init) ?? name
        let keysBefore = keyLines
        let invalidBefore = invalidLines
        var digest = SHA256()
        var sink = KeySink(source: name)
        try produce { chunk in
            digest.update(bufferPointer: chunk)
            parser.consume(chunk, into: &sink)
            take(&sink)
        }
        parser.finish(into: &sink)
        take(&sink)
        sources.append(
            IndexMetadata.Source(
                name: baseName, sha256: Hex.string(digest.finalize()), role: role,
                keyLines: keyLines - keysBefore, invalidLines: invalidLines - invalidBefore))
    }

    /// Moves what a parser put in `sink` into the collector, leaving the sink empty.
    private mutating func take(_ sink: inout KeySink) {
        for key in sink.keys {
            hashes.append(KeyHash.hash(key))
        }
        keyLines += sink.keys.count
        invalidLines += sink.invalidPlaces.count
        for place in sink.invalidPlaces where invalidSamples.count < Self.sampleLimit {
            invalidSamples.append(InvalidLine(source: sink.source, line: place.line, column: place.column))
        }
        sink.keys.removeAll(keepingCapacity: true)
        sink.invalidPlaces.removeAll(keepingCapacity: true)
    }

    /// Throws when invalid lines are more than `maximumFraction` of the lines that held a key or should have.
    public func checkInvalidLines(maximumFraction: Double) throws {
        let total = keyLines + invalidLines
        guard invalidLines > 0, Double(invalidLines) > maximumFraction * Double(total) else { return }
        let first = invalidSamples.first
        let percent = Double(invalidLines) * 100 / Double(max(total, 1))
        let samples = invalidSamples.map(\.description).joined(separator: ", ")
        throw IndexError(
            .tooManyInvalidLines, path: first?.source ?? "-", line: first?.line, column: first?.column,
            message: "\(invalidLines) of \(total) lines are not valid numbers (\(format(percent))%), more than "
                + "the allowed \(format(maximumFraction * 100))% (first: \(samples)); check the --format, "
                + "or raise --max-invalid")
    }

    private func format(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        return "\(Int(hundredths) / 100).\(String(Int(hundredths) % 100 + 100).dropFirst())"
    }
}
