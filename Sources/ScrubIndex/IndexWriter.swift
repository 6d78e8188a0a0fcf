import Crypto
import ScrubIO

/// Writes an index file from a sorted list of distinct key hashes.
///
/// The writer is deterministic: the file is a function of the hashes and the metadata only.
enum IndexWriter {
    /// Writes `hashes` (strictly increasing, each below 2^50) with `metadata` to `path`, atomically.
    ///
    /// `version` is the format version written in the header: always the current one, except in tests
    /// that make files of an older version.
    ///
    /// - Returns: the written file's payload SHA-256, lowercase hex.
    /// - Complexity: O(entries + buckets), one sequential pass.
    @discardableResult
    static func write(
        hashes: UnsafeBufferPointer<UInt64>, metadata: IndexMetadata, to path: String,
        version: UInt32 = IndexHeader.currentVersion
    ) throws -> String {
        guard hashes.count <= TableGeometry.maximumEntryCount else {
            throw IndexError(
                .tooLarge, path: path,
                message: "\(hashes.count) entries exceed the format's limit of \(TableGeometry.maximumEntryCount)")
        }
        let metadataBytes = try metadata.encoded()
        let geometry = TableGeometry(entryCount: hashes.count)
        var header = IndexHeader(entryCount: hashes.count, geometry: geometry, metadataLength: metadataBytes.count)
        header.version = version
        let output = try IndexOutputFile(path: path)

        // Header (checksums still zero), metadata, padding up to the directory.
        var prefix = [UInt8](repeating: 0, count: header.directoryOffset)
        prefix.replaceSubrange(0..<IndexHeader.size, with: header.encoded())
        prefix.replaceSubrange(header.metadataOffset..<header.metadataOffset + metadataBytes.count, with: metadataBytes)
        try prefix.withUnsafeBytes { try output.write($0) }

        // Directory: where each bucket's entries start, then the entry count.
        let shift = UInt64(geometry.remainderBits)
        var directory = [UInt32](repeating: 0, count: geometry.bucketCount + 1)
        for hash in hashes {
            directory[Int(hash >> shift) + 1] &+= 1
        }
        for bucket in 0..<geometry.bucketCount {
            directory[bucket + 1] &+= directory[bucket]
        }
        var payload = SHA256()
        try directory.withUnsafeBytes { bytes in
            payload.update(bufferPointer: bytes)
            try output.write(bytes)
        }
        directory = []
        let padding = [UInt8](
            repeating: 0, count: header.remaindersOffset - header.directoryOffset - header.directoryLength)
        try padding.withUnsafeBytes { bytes in
            payload.update(bufferPointer: bytes)
            try output.write(bytes)
        }

        // Remainders, each in `width` little-endian bytes, then 8 zero bytes.
        let width = geometry.remainderBytes
        let mask: UInt64 = (1 << shift) - 1
        let chunkEntries = 1 << 16
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkEntries * width + 8, alignment: 8)
        defer { buffer.deallocate() }
        var first = 0
        while first < hashes.count {
            let end = min(first + chunkEntries, hashes.count)
            var offset = 0
            for index in first..<end {
                buffer.storeBytes(of: (hashes[index] & mask).littleEndian, toByteOffset: offset, as: UInt64.self)
                offset += width
            }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<offset])
            payload.update(bufferPointer: bytes)
            try output.write(bytes)
            first = end
        }
        let tail = [UInt8](repeating: 0, count: 8)
        try tail.withUnsafeBytes { bytes in
            payload.update(bufferPointer: bytes)
            try output.write(bytes)
        }

        // Fill in the checksums.
        header.payloadSHA256 = Array(payload.finalize())
        prefix.replaceSubrange(0..<IndexHeader.size, with: header.encoded())
        header.headerSHA256 = prefix.withUnsafeBytes { IndexHeader.headerChecksum($0) }
        try header.encoded().withUnsafeBytes { try output.write($0, at: 0) }
        try output.publish()
        return Hex.string(header.payloadSHA256)
    }
}
