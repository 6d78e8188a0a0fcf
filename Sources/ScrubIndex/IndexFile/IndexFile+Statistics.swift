extension IndexFile {
    /// Figures about an index's size and shape, for `scrub registry info`.
    public struct Statistics: Sendable, Equatable, Codable {
        public var entryCount: Int
        public var fileSize: Int
        /// File bytes per entry (header and metadata included); 0 for an empty index.
        public var bytesPerEntry: Double
        public var bucketCount: Int
        public var remainderBytes: Int
        /// Entries in the fullest bucket: the longest scan a lookup can make.
        public var largestBucket: Int
        public var emptyBuckets: Int
    }

    /// Counts bucket occupancy by reading the whole directory.
    ///
    /// - Complexity: O(buckets).
    public func statistics() -> Statistics {
        var largest = 0
        var empty = 0
        for bucket in 0..<geometry.bucketCount {
            let (start, end) = bucketRange(bucket)
            largest = max(largest, end - start)
            if end == start { empty += 1 }
        }
        return Statistics(
            entryCount: entryCount, fileSize: fileSize,
            bytesPerEntry: entryCount == 0 ? 0 : Double(fileSize) / Double(entryCount),
            bucketCount: geometry.bucketCount, remainderBytes: geometry.remainderBytes,
            largestBucket: largest, emptyBuckets: empty)
    }
}
