import Foundation
import ScrubIndex

/// A registry or suppression index file, memory-mapped, as the pipeline's `NumberList`.
public final class IndexNumberList: NumberList {
    public let file: IndexFile
    public let info: NumberListInfo

    public init(path: String) throws {
        file = try IndexFile(path: path)
        let metadata = file.metadata
        info = NumberListInfo(
            name: metadata.name, kind: metadata.kind == .registry ? .registry : .suppression,
            regions: metadata.regions, snapshotDate: metadata.snapshotDate, maxAgeDays: metadata.maxAgeDays,
            entries: file.entryCount, path: path, sha256: try FileDigest.sha256(path: path))
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
