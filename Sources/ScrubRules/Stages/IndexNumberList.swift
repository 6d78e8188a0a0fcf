import Foundation
import ScrubIndex

/// A registry or suppression index file, memory-mapped, as the pipeline's `NumberList`.
public final class IndexNumberList: NumberList {
    public let file: IndexFile
    public let info: NumberListInfo

    /// Opens the index and verifies its whole payload against the header's checksum before it can
    /// answer anything.
    ///
    /// The run records every list's SHA-256 in the audit trail; the one pass that computes it also
    /// checks the payload checksum (``IndexFile/verifyChecksumAndDigest()``), so a damaged index is
    /// refused while the plan is resolved, before the first row is read and long before anything is
    /// published.
    ///
    /// - Throws: `IndexError` when the file cannot be opened, its header is damaged, or its payload
    ///   does not match its checksum.
    public init(path: String) throws {
        file = try IndexFile(path: path)
        let metadata = file.metadata
        var info = NumberListInfo(
            name: metadata.name, kind: NumberListInfo.Kind(metadata.kind),
            regions: metadata.regions, snapshotDate: metadata.snapshotDate, maxAgeDays: metadata.maxAgeDays,
            entries: file.entryCount, path: path, sha256: try file.verifyChecksumAndDigest())
        info.scope = metadata.scope
        self.info = info
    }

    public func contains(_ e164: UInt64) -> Bool {
        file.contains(e164)
    }

    /// Whether `path` starts with the index file magic.
    public static func isIndexFile(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 8)) == Data("SCRUBIDX".utf8)
    }
}

extension NumberListInfo.Kind {
    /// The kind an index file declares.
    init(_ kind: IndexMetadata.Kind) {
        switch kind {
        case .registry: self = .registry
        case .suppression: self = .suppression
        case .litigator: self = .litigator
        }
    }
}
