/// A place in a delimited input where a record may start, with what the reader knows there.
///
/// Two readers in the same position read the same records from there on, which is what lets the
/// parallel reader check a chunk read on its own against the chunk read before it.
public struct CSVReadPosition: Sendable, Equatable {
    /// The input offset (after the byte-order mark, if any, counted like any byte).
    public var offset: Int
    /// The 1-based physical line at `offset`.
    public var line: Int
    /// The byte before `offset` ended a line with CR, so an LF at `offset` completes a CRLF.
    public var pendingLF: Bool

    public init(offset: Int, line: Int, pendingLF: Bool) {
        self.offset = offset
        self.line = line
        self.pendingLF = pendingLF
    }
}
