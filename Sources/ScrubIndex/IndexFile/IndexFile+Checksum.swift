import Crypto
import ScrubIO

extension IndexFile {
    /// Reads the whole payload against the header's payload SHA-256.
    ///
    /// Opening checks the header and the metadata but not the payload, so a file damaged after it was
    /// written (a flipped bit on disk, a bad copy) opens and answers wrongly. Call this before the
    /// first answer that matters: `scrub run` and `scrub registry lookup` do, through
    /// ``verifyChecksumAndDigest()``.
    ///
    /// - Throws: ``IndexError`` `.corruptPayload` when the payload does not match its checksum.
    /// - Complexity: O(file size), one SHA-256 pass.
    public func verifyChecksum() throws {
        _ = try checksumPass(digestingFile: false)
    }

    /// Reads every byte of the file once, checking the payload against the header's checksum while
    /// computing the SHA-256 of the whole file (for the audit record).
    ///
    /// One pass over the mapping feeds both hashes a chunk at a time, so the chunk is read from memory
    /// once; the second hash reads it from the CPU cache.
    ///
    /// - Returns: the whole file's SHA-256, lowercase hex.
    /// - Throws: ``IndexError`` `.corruptPayload` when the payload does not match its checksum.
    /// - Complexity: O(file size), two SHA-256 passes over cached bytes.
    public func verifyChecksumAndDigest() throws -> String {
        try checksumPass(digestingFile: true) ?? ""
    }

    /// The chunk both hashes take in turn: small enough to stay in the L2 cache between them.
    static let checksumChunk = 1 << 18

    private func checksumPass(digestingFile: Bool) throws -> String? {
        mapping.adviseSequential()
        let file = mapping.bytes
        var fileHasher = SHA256()
        var payloadHasher = SHA256()
        let payloadStart = header.directoryOffset
        if digestingFile {
            fileHasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: file[0..<payloadStart]))
        }
        var offset = payloadStart
        while offset < file.count {
            let end = min(offset + Self.checksumChunk, file.count)
            let chunk = UnsafeRawBufferPointer(rebasing: file[offset..<end])
            payloadHasher.update(bufferPointer: chunk)
            if digestingFile { fileHasher.update(bufferPointer: chunk) }
            offset = end
        }
        guard Array(payloadHasher.finalize()) == header.payloadSHA256 else {
            throw corrupt(at: nil, "payload checksum mismatch")
        }
        return digestingFile ? Hex.string(fileHasher.finalize()) : nil
    }
}
