#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads an input's bytes, in chunks of any size, as keys: the layouts that are not one key a line
/// (XML), and ``LineSplitter`` for those that are.
///
/// A stage with one step: `consume` takes the next chunk and reports every record it completes;
/// `finish` reports what the last chunk left open. A parser never throws: a malformed record is
/// reported as invalid, with where it is, and counted against the build's limit.
public protocol IndexStreamParser {
    mutating func consume(_ chunk: UnsafeRawBufferPointer, into sink: inout KeySink)
    mutating func finish(into sink: inout KeySink)
}

/// Where a parser puts the keys and invalid records it finds; the collector empties it after each chunk.
public struct KeySink {
    /// The input's name, for invalid-record reports.
    public let source: String
    package var keys: [UInt64] = []
    package var invalidPlaces: [(line: Int, column: Int?)] = []

    package init(source: String) {
        self.source = source
    }

    /// A record holding `key`; a key of 2^50 or more is not an E.164 number and counts as invalid.
    public mutating func key(_ key: UInt64, line: Int, column: Int? = nil) {
        if key < KeyHash.keyLimit {
            keys.append(key)
        } else {
            invalidPlaces.append((line, column))
        }
    }

    /// A record that should hold a key but does not, at `line` (and `column`, 1-based).
    public mutating func invalid(line: Int, column: Int? = nil) {
        invalidPlaces.append((line, column))
    }

    /// What a line parser made of line `line`.
    public mutating func line(_ result: LineKey, line: Int) {
        switch result {
        case .key(let value): key(value, line: line)
        case .skip: break
        case .invalid: invalid(line: line)
        }
    }
}

/// Cuts a byte stream into lines for an ``IndexLineParser``: lines end at `\n`, a `\r` before it is
/// dropped, and a last line without a terminator is read too.
///
/// Lines are handed to the parser in place in the chunk; only a line cut by a chunk boundary is copied.
public struct LineSplitter<Parser: IndexLineParser>: IndexStreamParser {
    public private(set) var parser: Parser
    private var carry: [UInt8] = []
    private var lineNumber = 0

    public init(_ parser: Parser) {
        self.parser = parser
    }

    public mutating func consume(_ chunk: UnsafeRawBufferPointer, into sink: inout KeySink) {
        guard let base = chunk.baseAddress else { return }
        var start = 0
        while let found = memchr(base + start, Int32(UInt8(ascii: "\n")), chunk.count - start) {
            let newline = UnsafeRawPointer(found) - base
            if carry.isEmpty {
                handle(UnsafeRawBufferPointer(rebasing: chunk[start..<newline]), into: &sink)
            } else {
                carry.append(contentsOf: chunk[start..<newline])
                let line = carry
                carry.removeAll(keepingCapacity: true)
                line.withUnsafeBytes { handle($0, into: &sink) }
            }
            start = newline + 1
        }
        carry.append(contentsOf: chunk[start...])
    }

    public mutating func finish(into sink: inout KeySink) {
        guard !carry.isEmpty else { return }
        let line = carry
        carry = []
        line.withUnsafeBytes { handle($0, into: &sink) }
    }

    private mutating func handle(_ line: UnsafeRawBufferPointer, into sink: inout KeySink) {
        lineNumber += 1
        var line = line
        if let last = line.last, last == UInt8(ascii: "\r") {
            line = UnsafeRawBufferPointer(rebasing: line.dropLast())
        }
        sink.line(parser.parse(line: line, lineNumber: lineNumber), line: lineNumber)
    }
}
