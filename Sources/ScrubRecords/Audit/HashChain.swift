internal import Crypto
import ScrubIO
import ScrubIndex

/// The running state of a hash chain read line by line: each line must name the SHA-256 of the
/// line before it (``HashChainedLog/genesis`` for the first).
///
/// Readers that parse a log's lines anyway (the opt-out journal) feed each line and its claimed
/// link here instead of parsing it twice.
struct HashChain: Sendable, Equatable {
    /// The SHA-256 (lowercase hex) of the last line taken: what the next line must link to.
    private(set) var head = HashChainedLog.genesis
    /// Lines taken so far.
    private(set) var count = 0

    init() {}

    /// Takes the next line, whose record claims `link` as its predecessor's digest (nil when the line
    /// has none), and advances the chain past it.
    ///
    /// - Returns: nil when the link is right, else what is wrong, for an error message.
    mutating func take(line: UnsafeRawBufferPointer, link: String?) -> String? {
        count += 1
        let expected = head
        head = Self.digest(line)
        guard let link else { return "it is not a chained record (no \(HashChainedLog.linkField))" }
        guard link == expected else {
            return "its \(HashChainedLog.linkField) does not match the line before it: that line was edited, "
                + "or lines were inserted, deleted or reordered here"
        }
        return nil
    }

    /// The SHA-256 of `line`'s bytes, lowercase hex.
    static func digest(_ line: UnsafeRawBufferPointer) -> String {
        Hex.string(SHA256.hash(data: line))
    }
}
