import ScrubIndex

extension OptOutJournal {
    /// What `compile` wrote.
    public struct Compilation: Sendable, Equatable {
        /// Journal events read.
        public var events: Int
        /// Distinct numbers in the index.
        public var numbers: Int
        /// Distinct persons in the index (opt-outs that apply to every number of a person).
        public var persons: Int
        /// Opt-outs left out because they had expired by the compile's `asOf` time, per (number, scope).
        public var expired: Int
        /// The index's snapshot date: the UTC day of the newest event.
        public var snapshotDate: String
        /// The journal's SHA-256 as compiled (recorded in the index as its source).
        public var journalSHA256: String
        public var index: IndexBuilder.Report
    }

    /// Writes the journal's current state as a suppression index: every number whose latest event
    /// for `scope` (and for `all`) is an opt-out; every opted-out number when `scope` is nil. A person
    /// opted out is written as its ``PersonKey`` subject, beside the numbers.
    ///
    /// The index is a function of the journal's bytes: its snapshot date is the newest event's UTC day,
    /// and its one source is the journal, with the SHA-256 of exactly the bytes compiled, which
    /// ``freshness(of:)`` uses to find the events added since. The journal is read under a shared
    /// lock, so an append in progress is either wholly in or wholly out.
    ///
    /// An opt-out with an expiry is left out once `asOf` reaches it; with `asOf` nil every opt-out is kept,
    /// so the index depends on the journal's bytes alone. An expiry that passes after the compile keeps
    /// the number suppressed until the next compile: the safe side.
    ///
    /// - Parameters:
    ///   - name: the list's name in the index; the journal's file name without extension by default.
    ///   - asOf: the time expiries are judged at (`scrub optout compile`: now, or `--as-of`).
    /// - Throws: `RecordError` `.badData` for a broken chain or an empty journal; the index
    ///   builder's `IndexError` when the output cannot be written.
    /// - Complexity: two sequential reads of the journal; memory per distinct (number, scope).
    @discardableResult
    public func compile(
        to output: String, name: String? = nil, scope: OptOutScope? = nil, asOf: UTCTime? = nil
    ) throws -> Compilation {
        let listName = name ?? Self.defaultListName(path: path)
        return try log.read { lines in
            var state = OptOutState()
            try Self.scan(lines, path: path) { state.apply($0, line: $1) }
            guard let newest = state.newest else {
                throw RecordError(.badData, "the journal holds no events: nothing to compile", at: path)
            }
            let inForce = state.inForce(for: scope, at: asOf)
            let expired = asOf.map { state.expiredCount(for: scope, at: $0) } ?? 0
            // Second pass through the index builder's reader, so the journal is recorded as the index's
            // source with the digest of the very bytes read; each deciding line yields its number, and
            // the person of an event that applies to one is added after.
            var collector = KeyCollector()
            var parser = ClosureLineParser { _, lineNumber in inForce[lineNumber].map { .key($0[0]) } ?? .skip }
            var offset = 0
            try collector.readLines(named: path, role: .full, parser: &parser) { buffer in
                let wanted = min(buffer.count, lines.byteCount - offset)
                let n = try lines.file.read(
                    at: offset, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted]))
                offset += n
                return n
            }
            for subjects in inForce.values { for subject in subjects.dropFirst() { collector.add(subject) } }
            let persons = Set(inForce.values.joined().filter(PersonKey.isSubject)).count
            let journalDigest = collector.sources.last!.sha256
            let metadata = IndexMetadata(
                name: listName, kind: .suppression, regions: [], snapshotDate: newest.date.description,
                maxAgeDays: IndexMetadata.defaultMaxAgeDays(regions: []), scope: scope?.name)
            let report = try IndexBuilder.build(keys: collector, metadata: metadata, output: output)
            return Compilation(
                events: state.eventCount, numbers: report.entryCount - persons, persons: persons, expired: expired,
                snapshotDate: newest.date.description,
                journalSHA256: journalDigest, index: report)
        }
    }

    /// `optouts` for `/data/optouts.jsonl`.
    static func defaultListName(path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }
}
