/// One parsed record: its fields' bytes (quotes removed, doubled quotes undoubled) and its line.
///
/// A reader fills one record value again and again (`CSVReader.next(into:)`), reusing its storage,
/// so reading allocates only when a record is larger than any before it.
public struct CSVRecord: Sendable, Equatable {
    /// All field bytes, back to back.
    public private(set) var bytes: [UInt8] = []
    /// The end offset in `bytes` of each field.
    public private(set) var ends: [Int] = []
    /// The 1-based physical line on which the record starts.
    public var line: Int = 0
    /// The record as it stood in the input, quotes and delimiters included, without its line ending;
    /// empty for records not read by a `CSVReader`. A writer with the input's delimiter copies these
    /// bytes instead of encoding the fields again: they parse back to the same fields.
    public private(set) var raw: [UInt8] = []

    public init() {
        bytes.reserveCapacity(1024)
        ends.reserveCapacity(32)
        raw.reserveCapacity(1024)
    }

    /// Makes a record from fields, for writing and for tests.
    public init<S: Sequence>(fields: S, line: Int = 0) where S.Element: Sequence<UInt8> {
        for field in fields { append(field: field) }
        self.line = line
    }

    public var count: Int { ends.count }

    /// Equal fields on the same line; how the input quoted them (`raw`) does not matter.
    public static func == (lhs: CSVRecord, rhs: CSVRecord) -> Bool {
        lhs.bytes == rhs.bytes && lhs.ends == rhs.ends && lhs.line == rhs.line
    }

    /// The bytes of field `index`.
    public subscript(index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// Calls `body` with the bytes of field `index`, without copying.
    @inlinable
    public func withField<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let start = index == 0 ? 0 : ends[index - 1]
        let end = ends[index]
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The fields as arrays, for tests and diagnostics.
    public var fields: [[UInt8]] { (0..<count).map { Array(self[$0]) } }

    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        raw.removeAll(keepingCapacity: true)
    }

    mutating func setRaw(_ bytes: UnsafeRawBufferPointer) {
        raw.append(contentsOf: bytes)
    }

    public mutating func append<S: Sequence<UInt8>>(field: S) {
        bytes.append(contentsOf: field)
        ends.append(bytes.count)
    }

    // Parser internals: bytes of the open field are appended, then the field is closed.
    mutating func appendToField(_ chunk: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: chunk)
    }

    mutating func appendToField(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func closeField() {
        ends.append(bytes.count)
    }
}
