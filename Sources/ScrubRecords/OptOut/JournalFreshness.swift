internal import Crypto
import ScrubIO
import ScrubIndex

/// How a suppression index compiled from a journal compares with the journal now.
///
/// Opt-outs take effect at the next run that uses an index compiled after them; this says which
/// events a run would miss, so the report can show the oldest one and the run can warn.
public struct JournalFreshness: Sendable, Equatable {
    /// Events the index was compiled from.
    public var compiledEvents: Int
    /// Events appended to the journal since.
    public var pendingEvents: Int
    /// The earliest request time among the pending events, if any.
    public var oldestPending: UTCTime?
    /// The journal line of the first pending event, if any.
    public var firstPendingLine: Int?

    public init(compiledEvents: Int, pendingEvents: Int, oldestPending: UTCTime?, firstPendingLine: Int?) {
        self.compiledEvents = compiledEvents
        self.pendingEvents = pendingEvents
        self.oldestPending = oldestPending
        self.firstPendingLine = firstPendingLine
    }

    /// Whether every event in the journal is in the index.
    public var isCurrent: Bool { pendingEvents == 0 }
}

extension OptOutJournal {
    /// Compares the journal with the suppression index file at `indexPath`; see ``freshness(of:)``.
    public func freshness(ofIndexAt indexPath: String) throws -> JournalFreshness {
        try freshness(of: IndexFile(path: indexPath).metadata)
    }

    /// Compares the journal with an index compiled from it (by `metadata`, the index's metadata).
    ///
    /// The index names the journal as its source with the SHA-256 of the bytes compiled; the journal
    /// is append-only, so those bytes must be a prefix of it, ending at a line end. Events after the
    /// prefix are pending.
    ///
    /// - Throws: `RecordError` `.badData` when the index was not compiled from a journal of this
    ///   name, or when no prefix of the journal matches: it was rewritten or cut short since (run
    ///   `scrub audit verify` on it), or it is another journal of the same name.
    /// - Complexity: one read of the journal, one SHA-256 finalisation per line.
    public func freshness(of metadata: IndexMetadata) throws -> JournalFreshness {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let source = metadata.sources.first(where: { $0.name == file }) else {
            throw RecordError(
                .badData, "suppression index \(metadata.name) was not compiled from a journal named \(file)",
                at: path)
        }
        return try log.read { lines in
            var hasher = SHA256()
            var matchedAt: Int? = source.sha256 == Hex.string(hasher.finalize()) ? 0 : nil
            var compiled = 0
            var result = JournalFreshness(
                compiledEvents: 0, pendingEvents: 0, oldestPending: nil, firstPendingLine: nil)
            var chain = HashChain()
            try lines.forEach { number, line in
                if matchedAt == nil {
                    hasher.update(bufferPointer: line)
                    var withNewline: UInt8 = 0x0A
                    withUnsafeBytes(of: &withNewline) { hasher.update(bufferPointer: $0) }
                    if !line.isEmpty { compiled += 1 }
                    if Hex.string(hasher.finalize()) == source.sha256 { matchedAt = number }
                    _ = chain.take(line: line, link: nil)
                    return
                }
                guard !line.isEmpty else { return }
                let parsed: (OptOutEvent, link: String)
                do throws(EventParseError) {
                    parsed = try OptOutEvent.parse(line: line)
                } catch {
                    throw RecordError(.badData, "not a journal event: \(error.message)", at: "\(path):\(number)")
                }
                if let problem = chain.take(line: line, link: parsed.link) {
                    throw RecordError(
                        .badData, "the journal's hash chain is broken: \(problem)", at: "\(path):\(number)")
                }
                let event = parsed.0
                result.pendingEvents += 1
                if result.firstPendingLine == nil { result.firstPendingLine = number }
                if result.oldestPending.map({ event.time < $0 }) ?? true { result.oldestPending = event.time }
            }
            guard matchedAt != nil else {
                throw RecordError(
                    .badData,
                    "the journal no longer begins with the events suppression index \(metadata.name) was compiled "
                        + "from: it was edited or cut short since, or is another journal of the same name. Run "
                        + "scrub audit verify on it",
                    at: path)
            }
            result.compiledEvents = compiled
            return result
        }
    }
}
