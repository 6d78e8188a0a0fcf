import Crypto

/// The fixed 256-byte header at the start of every index file (format versions 1 and 2 share it).
///
/// All integers are little-endian. Layout (byte offset, width, field):
///
///     0    8  magic "SCRUBIDX"
///     8    4  format version (2; 1 is still read)
///     12   4  header size (256)
///     16   8  file size in bytes
///     24   8  entry count
///     32   1  hash function (1: ``KeyHash``)
///     33   1  bucket bits b
///     34   1  remainder bits (50 - b)
///     35   1  remainder bytes
///     36   4  reserved, zero
///     40   8  metadata offset (256)
///     48   8  metadata length
///     56   8  directory offset (a multiple of 64)
///     64   8  directory length ((2^b + 1) * 4)
///     72   8  remainders offset (a multiple of 64)
///     80   8  remainders length (entries * remainder bytes + 8)
///     88  32  payload SHA-256: bytes [directory offset, file size)
///     120 32  header SHA-256: bytes [0, 120) then [152, directory offset)
///     152 104 reserved, zero
struct IndexHeader: Equatable {
    static let size = 256
    static let magic: [UInt8] = Array("SCRUBIDX".utf8)
    /// Version 2 adds the snapshot chain to the metadata; the header and table are those of version 1.
    static let currentVersion: UInt32 = 2
    /// Versions this build reads. A version 1 file opens as before; it has no recorded chain.
    static let readableVersions: ClosedRange<UInt32> = 1...2
    static let hashFunction: UInt8 = 1
    static let payloadChecksumOffset = 88
    static let headerChecksumOffset = 120
    static let reservedOffset = 152
    static let alignment = 64

    var version: UInt32 = currentVersion
    var fileSize: Int
    var entryCount: Int
    var geometry: TableGeometry
    var metadataLength: Int
    var payloadSHA256: [UInt8] = Array(repeating: 0, count: 32)
    var headerSHA256: [UInt8] = Array(repeating: 0, count: 32)

    var metadataOffset: Int { Self.size }
    var directoryOffset: Int { Self.aligned(metadataOffset + metadataLength) }
    var directoryLength: Int { geometry.directoryByteCount }
    var remaindersOffset: Int { Self.aligned(directoryOffset + directoryLength) }
    var remaindersLength: Int { geometry.remainderArrayByteCount(entryCount: entryCount) }

    /// A header for a table of `entryCount` entries with `metadataLength` bytes of metadata; the file
    /// size follows from them. Checksums are filled in by the writer.
    init(entryCount: Int, geometry: TableGeometry, metadataLength: Int) {
        self.entryCount = entryCount
        self.geometry = geometry
        self.metadataLength = metadataLength
        self.fileSize = 0
        self.fileSize = remaindersOffset + remaindersLength
    }

    static func aligned(_ offset: Int) -> Int {
        (offset + alignment - 1) / alignment * alignment
    }

    /// The 256 header bytes.
    func encoded() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Self.size)
        func put(_ value: UInt64, at offset: Int, width: Int) {
            for i in 0..<width { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
        }
        bytes.replaceSubrange(0..<8, with: Self.magic)
        put(UInt64(version), at: 8, width: 4)
        put(UInt64(Self.size), at: 12, width: 4)
        put(UInt64(fileSize), at: 16, width: 8)
        put(UInt64(entryCount), at: 24, width: 8)
        bytes[32] = Self.hashFunction
        bytes[33] = UInt8(geometry.bucketBits)
        bytes[34] = UInt8(geometry.remainderBits)
        bytes[35] = UInt8(geometry.remainderBytes)
        put(UInt64(metadataOffset), at: 40, width: 8)
        put(UInt64(metadataLength), at: 48, width: 8)
        put(UInt64(directoryOffset), at: 56, width: 8)
        put(UInt64(directoryLength), at: 64, width: 8)
        put(UInt64(remaindersOffset), at: 72, width: 8)
        put(UInt64(remaindersLength), at: 80, width: 8)
        bytes.replaceSubrange(88..<120, with: payloadSHA256)
        bytes.replaceSubrange(120..<152, with: headerSHA256)
        return bytes
    }

    /// The header checksum of a file whose first `directoryOffset` bytes are `prefix`.
    static func headerChecksum(_ prefix: UnsafeRawBufferPointer) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: prefix[0..<headerChecksumOffset]))
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: prefix[reservedOffset...]))
        return Array(hasher.finalize())
    }

    /// Reads and checks the header of `file`: magic, version, header checksum, and that every region
    /// lies inside the file. `path` is for error messages.
    static func decode(_ file: UnsafeRawBufferPointer, path: String) throws -> IndexHeader {
        func fail(_ kind: IndexError.Kind, _ offset: Int?, _ message: String) -> IndexError {
            IndexError(kind, path: path, offset: offset, message: message)
        }
        func get(_ offset: Int, _ width: Int) -> UInt64 {
            var value: UInt64 = 0
            for i in (0..<width).reversed() { value = value << 8 | UInt64(file[offset + i]) }
            return value
        }
        guard file.count >= 8, file.prefix(8).elementsEqual(magic) else {
            throw fail(
                .badMagic, 0, "not a scrub index file (no SCRUBIDX magic); build one with 'scrub registry build'")
        }
        guard file.count >= size else {
            throw fail(
                .truncated, nil,
                "file is truncated: it is \(file.count) bytes, shorter than the \(size)-byte header; copy or rebuild it"
            )
        }
        let version = UInt32(get(8, 4))
        guard readableVersions.contains(version) else {
            throw fail(
                .unsupportedVersion, 8,
                "index format version \(version) is not supported (this build reads versions "
                    + "\(readableVersions.lowerBound) to \(readableVersions.upperBound)); "
                    + "rebuild the index with this version of scrub")
        }
        let declaredSize = get(16, 8)
        guard declaredSize == UInt64(file.count) else {
            let what = declaredSize > UInt64(file.count) ? "truncated" : "has trailing bytes"
            throw fail(
                declaredSize > UInt64(file.count) ? .truncated : .corruptHeader, nil,
                "file \(what): it is \(file.count) bytes, its header says \(declaredSize); copy or rebuild it")
        }
        let entryCount = get(24, 8)
        let bucketBits = Int(file[33])
        let metadataLength = get(48, 8)
        guard get(12, 4) == UInt64(size), file[32] == hashFunction, bucketBits <= TableGeometry.maximumBucketBits,
            entryCount <= UInt64(TableGeometry.maximumEntryCount), metadataLength < UInt64(file.count)
        else {
            throw fail(.corruptHeader, 12, "header fields are out of range; the file is damaged, rebuild it")
        }
        var header = IndexHeader(
            entryCount: Int(entryCount), geometry: TableGeometry(bucketBits: bucketBits),
            metadataLength: Int(metadataLength))
        header.version = version
        header.payloadSHA256 = Array(file[88..<120])
        header.headerSHA256 = Array(file[120..<152])
        // Every derived field must match what was stored, so the stored bytes are exactly ours.
        guard header.fileSize == file.count, header.encoded().elementsEqual(file.prefix(size)) else {
            throw fail(.corruptHeader, 32, "header fields are inconsistent; the file is damaged, rebuild it")
        }
        let prefix = UnsafeRawBufferPointer(rebasing: file[0..<header.directoryOffset])
        guard headerChecksum(prefix) == header.headerSHA256 else {
            throw fail(
                .corruptHeader, headerChecksumOffset, "header checksum mismatch; the file is damaged, rebuild it")
        }
        return header
    }
}
