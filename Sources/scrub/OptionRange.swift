import ArgumentParser

/// The accepted range of a numeric option.
///
/// Every numeric option is checked against its range in its command's `validate()`, so a negative,
/// absurd or overflowing value (`--threads 4611686018427387904`) is a usage error (exit 64) that
/// names the option and the range, never an arithmetic trap later in the run.
struct OptionRange<Value: Comparable & CustomStringConvertible & Sendable>: Sendable {
    let name: String
    let range: ClosedRange<Value>

    init(_ name: String, _ range: ClosedRange<Value>) {
        self.name = name
        self.range = range
    }

    /// Throws a usage error naming the option and its range when `value` is outside it (NaN included).
    func check(_ value: Value?) throws {
        guard let value, !range.contains(value) else { return }
        throw ValidationError("\(name) must be from \(range.lowerBound) to \(range.upperBound), not \(value)")
    }
}

/// The ranges shared by several commands.
enum OptionRanges {
    /// Threads doing CPU work: at least one; more than this is a typo, not a machine.
    static let threads = OptionRange("--threads", 1...1024)
    static let compressionLevel = OptionRange("--compression-level", 0...9)
    static let gzipBlockSize = OptionRange("--gzip-block-size", 512...(64 << 20))
    static let chunkSize = OptionRange("--chunk-size", 1...(64 << 20))
    static let rowsPerSheet = OptionRange("--rows-per-sheet", 2...1_048_576)
    /// Days a registry stays fresh after its snapshot: up to ten years.
    static let maxAgeDays = OptionRange("--max-age-days", 1...3650)
    /// The largest CSV record accepted: up to 1 GiB.
    static let maxRecordBytes = OptionRange("--max-record-bytes", 1...(1 << 30))
    static let maxInvalid = OptionRange("--max-invalid", 0.0...1.0)
}
