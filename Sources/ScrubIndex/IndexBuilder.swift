/// Builds index files: from a full list's keys, or from a base index and a day's changes.
///
/// The output is written under a temporary name and renamed into place, so a failed build leaves
/// nothing; the same inputs always give the same bytes.
public enum IndexBuilder {
    /// What a build or update did.
    public struct Report: Sendable, Equatable {
        /// Distinct keys in the written index.
        public var entryCount: Int
        public var fileSize: Int
        /// The written file's payload SHA-256, lowercase hex.
        public var payloadSHA256: String
        /// Input lines that held a key.
        public var keyLines: Int
        /// Input lines that held no valid key.
        public var invalidLines: Int
        public var invalidSamples: [KeyCollector.InvalidLine]
        /// Keys given more than once (within a build's inputs, or within a delta's additions).
        public var duplicateKeys: Int
        /// Update only: added keys that were not in the base.
        public var added: Int = 0
        /// Update only: added keys that were already in the base.
        public var alreadyPresent: Int = 0
        /// Update only: removed keys that were in the base.
        public var removed: Int = 0
        /// Update only: removed keys that were not in the base (or were also added, see ``update``).
        public var notPresent: Int = 0
    }

    /// Writes an index of every key in `keys` to `output`.
    ///
    /// `metadata`'s `sources` and `duplicateKeys` are filled in from `keys` and the sort, and its chain
    /// is the one full snapshot.
    ///
    /// - Parameter today: today's date in UTC, `YYYY-MM-DD` (a parameter so that tests can move it).
    /// - Throws: ``IndexError`` `.invalidArgument` when the snapshot date is after `today` plus a day's
    ///   grace, `.tooManyInvalidLines` when invalid lines exceed `maxInvalidFraction` of all key lines
    ///   (nothing is written then), `.tooLarge`, `.cannotCreate`.
    /// - Complexity: O(n) time (radix sort), 16 bytes of memory per input key at the peak.
    public static func build(
        keys: consuming KeyCollector, metadata: IndexMetadata, maxInvalidFraction: Double = 0.001, output: String,
        today: String = IndexMetadata.todayUTC()
    ) throws -> Report {
        try IndexMetadata.checkNotInFuture(metadata.snapshotDate, today: today, path: output)
        try keys.checkInvalidLines(maximumFraction: maxInvalidFraction)
        var hashes = keys.hashes
        keys.hashes = []
        let duplicates = HashSort.sortAndDeduplicate(&hashes)
        var metadata = metadata
        metadata.sources = keys.sources
        metadata.duplicateKeys = duplicates
        metadata.chain = [SnapshotLink(kind: .full, date: metadata.snapshotDate)]
        let checksum = try hashes.withUnsafeBufferPointer {
            try IndexWriter.write(hashes: $0, metadata: metadata, to: output)
        }
        return Report(
            entryCount: hashes.count, fileSize: try IndexFile(path: output).fileSize, payloadSHA256: checksum,
            keyLines: keys.keyLines, invalidLines: keys.invalidLines, invalidSamples: keys.invalidSamples,
            duplicateKeys: duplicates)
    }

    /// Writes `base` with `additions` added and `removals` removed to `output`, as a merge: the base's
    /// text is not read again, only its table. The result's metadata is the base's, with the new
    /// snapshot date, the change files as sources and the base as parent.
    ///
    /// A key both added and removed in the same update stays listed: for a Do-Not-Call list, wrongly
    /// keeping a number is the safe mistake. The base is verified first, so damage is not carried on.
    ///
    /// The change list's date must be later than the base's and not in the future; the result's chain
    /// is the base's with this change list appended (see ``checkChain(base:snapshotDate:baseDate:today:)``).
    /// An empty change list is still a dated statement from the registry operator that nothing changed:
    /// it is recorded, with 0 changes, and moves the snapshot date.
    ///
    /// - Parameters:
    ///   - baseDate: the snapshot date the change list says it follows, when it says; it must be the
    ///     base's snapshot date.
    ///   - today: today's date in UTC, `YYYY-MM-DD`.
    /// - Complexity: O(base + changes) time; 8 bytes of memory per entry of the result.
    public static func update(
        base: IndexFile, additions: consuming KeyCollector, removals: consuming KeyCollector, snapshotDate: String,
        baseDate: String? = nil, maxInvalidFraction: Double = 0.001, output: String,
        today: String = IndexMetadata.todayUTC()
    ) throws -> Report {
        let chain = try checkChain(base: base, snapshotDate: snapshotDate, baseDate: baseDate, today: today)
        try additions.checkInvalidLines(maximumFraction: maxInvalidFraction)
        try removals.checkInvalidLines(maximumFraction: maxInvalidFraction)
        try base.verify()
        var adds = additions.hashes
        additions.hashes = []
        var removes = removals.hashes
        removals.hashes = []
        let duplicates = HashSort.sortAndDeduplicate(&adds) + HashSort.sortAndDeduplicate(&removes)

        var report = Report(
            entryCount: 0, fileSize: 0, payloadSHA256: "", keyLines: additions.keyLines + removals.keyLines,
            invalidLines: additions.invalidLines + removals.invalidLines,
            invalidSamples: Array(
                (additions.invalidSamples + removals.invalidSamples).prefix(KeyCollector.sampleLimit)),
            duplicateKeys: duplicates)
        var merged: [UInt64] = []
        merged.reserveCapacity(base.entryCount + adds.count)
        var a = 0  // next addition
        var r = 0  // next removal
        func emit(_ hash: UInt64, inBase: Bool) {
            while r < removes.count && removes[r] < hash {
                report.notPresent += 1
                r += 1
            }
            let isRemoved = r < removes.count && removes[r] == hash
            if isRemoved { r += 1 }
            if inBase && isRemoved && !(a > 0 && adds[a - 1] == hash) {
                report.removed += 1
                return
            }
            if isRemoved { report.notPresent += 1 }
            merged.append(hash)
        }
        base.forEachHash { hash in
            while a < adds.count && adds[a] < hash {
                a += 1
                report.added += 1
                emit(adds[a - 1], inBase: false)
            }
            if a < adds.count && adds[a] == hash {
                a += 1
                report.alreadyPresent += 1
            }
            emit(hash, inBase: true)
        }
        while a < adds.count {
            a += 1
            report.added += 1
            emit(adds[a - 1], inBase: false)
        }
        report.notPresent += removes.count - r

        var metadata = base.metadata
        metadata.snapshotDate = snapshotDate
        metadata.sources = additions.sources + removals.sources
        metadata.parent = IndexMetadata.Parent(
            name: base.metadata.name, snapshotDate: base.metadata.snapshotDate, payloadSHA256: base.payloadSHA256,
            entryCount: base.entryCount)
        metadata.builderVersion = IndexMetadata.currentBuilderVersion
        metadata.duplicateKeys = duplicates
        metadata.chain =
            chain + [
                SnapshotLink(
                    kind: .delta, date: snapshotDate, follows: baseDate, changes: additions.keyLines + removals.keyLines
                )
            ]
        report.payloadSHA256 = try merged.withUnsafeBufferPointer {
            try IndexWriter.write(hashes: $0, metadata: metadata, to: output)
        }
        report.entryCount = merged.count
        report.fileSize = try IndexFile(path: output).fileSize
        return report
    }

    /// Checks that a change list dated `snapshotDate` may be applied to `base`, and returns the base's
    /// chain.
    ///
    /// - A date after today (UTC) plus a day's grace is a typo, refused.
    /// - The change list must follow the base: its date strictly later than the base's snapshot date,
    ///   and, when it names the snapshot it follows (`baseDate`), that must be the base's date. Applying
    ///   change lists out of order, or one twice, would give a list that matches no snapshot.
    /// - A change list that does not name its base may only extend a base that is still fresh on the
    ///   change list's date: otherwise one (possibly empty) file would make a stale registry look
    ///   fresh. A change list covering a longer gap says which snapshot it follows.
    /// - A version 1 base made by an update did not record its chain: rebuild it from a full snapshot.
    ///
    /// - Throws: ``IndexError`` `.invalidArgument`, naming the base file.
    public static func checkChain(
        base: IndexFile, snapshotDate: String, baseDate: String?, today: String
    ) throws -> [SnapshotLink] {
        func refuse(_ message: String) -> IndexError {
            IndexError(.invalidArgument, path: base.path, message: message)
        }
        try IndexMetadata.checkNotInFuture(snapshotDate, today: today, path: base.path)
        let baseSnapshot = base.metadata.snapshotDate
        guard let chain = base.metadata.snapshotChain else {
            throw refuse(
                "this format version \(base.formatVersion) index was made by an update and does not record the "
                    + "snapshots it was built from; rebuild it from a full snapshot with scrub registry build, then "
                    + "apply the later change lists")
        }
        if let baseDate, baseDate != baseSnapshot {
            if let declared = IndexMetadata.day(baseDate), let held = IndexMetadata.day(baseSnapshot), declared > held {
                throw refuse(
                    "gap in the chain of snapshots: the change list follows the snapshot of \(baseDate), but this "
                        + "index is the snapshot of \(baseSnapshot), so the changes from after \(baseSnapshot) up to "
                        + "\(baseDate) are missing; apply the change lists in between first, or build from a full "
                        + "snapshot")
            }
            throw refuse(
                "the change list follows the snapshot of \(baseDate), but this index is the later snapshot of "
                    + "\(baseSnapshot): it was applied already or is out of order; apply the change lists in order, "
                    + "to the index they follow")
        }
        guard let new = IndexMetadata.day(snapshotDate), let old = IndexMetadata.day(baseSnapshot), new > old else {
            throw refuse(
                "the change list's date \(snapshotDate) is not later than this index's snapshot date "
                    + "\(baseSnapshot); a change list applies to the snapshot before it")
        }
        if baseDate == nil, new - old > base.metadata.maxAgeDays {
            throw refuse(
                "this index's snapshot (\(baseSnapshot)) is \(new - old) days older than the change list, more than "
                    + "its maximum age of \(base.metadata.maxAgeDays) days, and the change list does not say which "
                    + "snapshot it follows. If it covers every change since \(baseSnapshot), pass --base-date "
                    + "\(baseSnapshot); otherwise build from a full snapshot")
        }
        return chain
    }
}
