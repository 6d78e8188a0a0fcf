import Crypto
import ScrubIO

/// An open, memory-mapped registry or suppression index: an immutable set of E.164 keys with exact,
/// O(1) membership.
///
/// Keys are E.164 numbers as integers (`+14155550123` is `14155550123`), all below 2^50. A key is
/// placed by ``KeyHash``, a permutation of the 50-bit domain: the top `b` bits of its hash choose one of
/// `2^b` buckets, and the low `50 - b` bits, its remainder, are stored in whole bytes, sorted within the
/// bucket. A directory of `2^b + 1` 32-bit entry indices says where each bucket's remainders start. A
/// lookup reads two adjacent directory entries (one cache line) and scans a few remainders (usually
/// one more cache line). Because the hash is a permutation, bucket plus remainder identify the key:
/// no false positives, no false negatives. The byte-exact format is in `docs/index-format.md` and on
/// ``IndexHeader``.
///
/// Opening maps the file and checks the header (magic, version, size, header checksum), the metadata
/// and the directory's end points; it does not read the payload, so it takes microseconds for any size.
/// ``verifyChecksum()`` reads the payload against its checksum, and ``verify()`` also checks the
/// table's structure. Lookups never read outside the file, whatever its bytes, but a damaged payload
/// that has not been checked can give a wrong answer: callers that answer for a campaign (`scrub run`,
/// `scrub registry lookup`) run ``verifyChecksumAndDigest()`` or ``verifyChecksum()`` first.
///
/// Many processes that open the same file share one copy of it in the page cache.
public final class IndexFile: @unchecked Sendable {
    // @unchecked: all stored properties are immutable after init; the pointers point into `mapping`,
    // which lives as long as `self` and is never written.
    let mapping: MappedFile
    let header: IndexHeader
    /// The list's name, kind, coverage, snapshot date and provenance.
    public let metadata: IndexMetadata
    /// How many distinct keys the index holds.
    public let entryCount: Int
    /// How the table splits hashes into buckets and remainders.
    public let geometry: TableGeometry

    let directory: UnsafePointer<UInt32>
    let remainders: UnsafeRawPointer
    let remainderShift: UInt64
    let remainderMask: UInt64
    let remainderWidth: Int
    let loadMask: UInt64

    /// The file's path, as given to ``init(path:)``.
    public var path: String { mapping.path }
    /// The size of the file in bytes.
    public var fileSize: Int { header.fileSize }
    /// The file's format version: 2 for files written by this build, 1 for older ones.
    public var formatVersion: Int { Int(header.version) }
    /// The payload's SHA-256 as stored in the header, lowercase hex: it identifies the exact entry set.
    public var payloadSHA256: String { Hex.string(header.payloadSHA256) }

    /// Maps the index at `path` and checks its header, metadata and directory end points.
    ///
    /// - Throws: ``IndexError`` with kind `.cannotOpen`, `.badMagic`, `.truncated`,
    ///   `.unsupportedVersion`, `.corruptHeader` or `.corruptPayload`.
    /// - Complexity: O(size of metadata); independent of the entry count.
    public init(path: String) throws {
        mapping = try MappedFile(path: path)
        let file = mapping.bytes
        header = try IndexHeader.decode(file, path: path)
        entryCount = header.entryCount
        geometry = header.geometry
        let metadataBytes = UnsafeRawBufferPointer(
            rebasing: file[header.metadataOffset..<header.metadataOffset + header.metadataLength])
        do {
            metadata = try IndexMetadata.decode(metadataBytes)
        } catch {
            throw IndexError(
                .corruptHeader, path: path, offset: header.metadataOffset,
                message: "metadata is not valid: \(error); rebuild the index")
        }
        if header.version >= 2 {
            guard let chain = metadata.chain, chain.first?.kind == .full, chain.last?.date == metadata.snapshotDate
            else {
                throw IndexError(
                    .corruptHeader, path: path, offset: header.metadataOffset,
                    message: "metadata has no snapshot chain ending at its snapshot date \(metadata.snapshotDate); "
                        + "rebuild the index")
            }
        }
        let base = file.baseAddress!
        directory = (base + header.directoryOffset).assumingMemoryBound(to: UInt32.self)
        remainders = base + header.remaindersOffset
        remainderShift = UInt64(geometry.remainderBits)
        remainderMask = (1 << UInt64(geometry.remainderBits)) - 1
        remainderWidth = geometry.remainderBytes
        loadMask = remainderWidth >= 8 ? ~0 : (1 << UInt64(8 * remainderWidth)) - 1
        let first = UInt32(littleEndian: directory[0])
        let last = UInt32(littleEndian: directory[geometry.bucketCount])
        guard first == 0, Int(last) == entryCount else {
            throw IndexError(
                .corruptPayload, path: path, offset: header.directoryOffset,
                message: "bucket directory does not span the \(entryCount) entries; the file is damaged, rebuild it")
        }
    }

    /// Whether `key` (an E.164 number as an integer) is in the index. Keys of 2^50 or more never are.
    ///
    /// - Complexity: O(1): two directory entries and a short scan of one bucket.
    @inline(__always)
    public func contains(_ key: UInt64) -> Bool {
        guard key < KeyHash.keyLimit else { return false }
        let hash = KeyHash.hash(key)
        let bucket = Int(truncatingIfNeeded: hash &>> remainderShift)
        let (start, end) = bucketRange(bucket)
        return scan(hash & remainderMask, from: start, to: end)
    }

    /// The entries of `bucket`, clamped so that no directory value can lead outside the file.
    @inline(__always)
    func bucketRange(_ bucket: Int) -> (Int, Int) {
        let end = min(Int(UInt32(littleEndian: directory[bucket + 1])), entryCount)
        let start = min(Int(UInt32(littleEndian: directory[bucket])), end)
        return (start, end)
    }

    /// Whether the sorted remainders `start ..< end` hold `remainder`.
    @inline(__always)
    func scan(_ remainder: UInt64, from start: Int, to end: Int) -> Bool {
        var index = start
        var address = remainders + start &* remainderWidth
        while index < end {
            let stored = UInt64(littleEndian: address.loadUnaligned(as: UInt64.self)) & loadMask
            if stored >= remainder { return stored == remainder }
            index &+= 1
            address += remainderWidth
        }
        return false
    }

    /// The stored remainder of entry `index` (0 ..< entryCount).
    @inline(__always)
    func remainder(at index: Int) -> UInt64 {
        UInt64(littleEndian: (remainders + index &* remainderWidth).loadUnaligned(as: UInt64.self)) & loadMask
    }

    /// Calls `body` with every entry's hash, in increasing order.
    ///
    /// - Complexity: O(entries + buckets).
    package func forEachHash(_ body: (UInt64) throws -> Void) rethrows {
        for bucket in 0..<geometry.bucketCount {
            let (start, end) = bucketRange(bucket)
            let high = UInt64(bucket) << remainderShift
            for index in start..<end {
                try body(high | remainder(at: index))
            }
        }
    }

    /// Every key in the index, in hash order (not numeric order).
    public func keys() -> [UInt64] {
        var keys: [UInt64] = []
        keys.reserveCapacity(entryCount)
        forEachHash { keys.append(KeyHash.key(ofHash: $0)) }
        return keys
    }
}
