extension IndexFile {
    /// Reads every byte of the payload against the header's checksum, then checks the table's
    /// structure: the directory rises from 0 to the entry count, remainders are strictly increasing
    /// within each bucket and fit their width, and padding is zero.
    ///
    /// - Throws: ``IndexError`` of kind `.corruptPayload`, with the offset of the first bad byte found
    ///   by the structural checks.
    /// - Complexity: O(file size); about a second per GB.
    public func verify() throws {
        try verifyChecksum()
        try verifyStructure()
    }

    func verifyStructure() throws {
        let file = mapping.bytes
        var previousEnd = 0
        for bucket in 0..<geometry.bucketCount {
            let start = Int(UInt32(littleEndian: directory[bucket]))
            let end = Int(UInt32(littleEndian: directory[bucket + 1]))
            guard start == previousEnd, end >= start, end <= entryCount else {
                throw corrupt(at: header.directoryOffset + 4 * bucket, "bucket directory is not in order")
            }
            previousEnd = end
            var previous: UInt64? = nil
            for index in start..<end {
                let value = remainder(at: index)
                guard value <= remainderMask, previous.map({ $0 < value }) ?? true else {
                    throw corrupt(at: header.remaindersOffset + index * remainderWidth, "entries are not in order")
                }
                previous = value
            }
        }
        let zeroRanges = [
            header.metadataOffset + header.metadataLength..<header.directoryOffset,
            header.directoryOffset + header.directoryLength..<header.remaindersOffset,
            header.remaindersOffset + header.remaindersLength - 8..<header.fileSize,
        ]
        for range in zeroRanges {
            if let bad = range.first(where: { file[$0] != 0 }) {
                throw corrupt(at: bad, "padding is not zero")
            }
        }
    }

    func corrupt(at offset: Int?, _ what: String) -> IndexError {
        IndexError(
            .corruptPayload, path: path, offset: offset,
            message: "\(what); the file is damaged: copy it again or rebuild it")
    }
}
