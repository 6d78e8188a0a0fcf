/// How a table of a given size splits each 50-bit hash into a bucket number and a stored remainder.
///
/// The top `bucketBits` bits of a hash choose one of `2^bucketBits` buckets; the low
/// `remainderBits = 50 - bucketBits` bits are stored, in `remainderBytes = ceil(remainderBits / 8)`
/// whole bytes. This is quotienting: the bucket number is implied by where an entry is stored, so it
/// costs nothing per entry. The directory costs 4 bytes per bucket.
///
/// ``init(entryCount:)`` picks the bucket count that minimises the payload size, among those that keep
/// the average bucket at most ``maximumAverageLoad`` entries (so a lookup scans a few bytes, within
/// about one cache line). Examples: 50M entries use 2^23 buckets and 4-byte remainders (4.67 bytes an
/// entry); 250M entries use 2^26 buckets and 3-byte remainders (4.07 bytes an entry).
public struct TableGeometry: Sendable, Equatable, Hashable {
    /// The largest average bucket occupancy the chooser accepts.
    public static let maximumAverageLoad = 8
    /// The most entries a table can hold: directory entries are 32-bit entry indices.
    public static let maximumEntryCount = Int(UInt32.max)
    /// The largest bucket count exponent the format allows.
    public static let maximumBucketBits = 32

    /// The base-2 logarithm of the bucket count.
    public let bucketBits: Int

    /// Uses `bucketBits` directly; it must be in `0 ... maximumBucketBits`.
    public init(bucketBits: Int) {
        precondition((0...Self.maximumBucketBits).contains(bucketBits))
        self.bucketBits = bucketBits
    }

    /// The geometry that makes a table of `entryCount` entries smallest, with a short scan per lookup.
    public init(entryCount: Int) {
        precondition(entryCount >= 0 && entryCount <= Self.maximumEntryCount)
        var best = 0
        var bestSize = Int.max
        for bits in 0...Self.maximumBucketBits {
            // Too few buckets make scans long; skip until the average load is small enough.
            guard entryCount <= Self.maximumAverageLoad << bits || bits == Self.maximumBucketBits else { continue }
            let geometry = TableGeometry(bucketBits: bits)
            let size = geometry.payloadByteCount(entryCount: entryCount)
            if size < bestSize || (size == bestSize && bits > best) {
                best = bits
                bestSize = size
            }
        }
        self.init(bucketBits: best)
    }

    /// The number of buckets, `2^bucketBits`.
    public var bucketCount: Int { 1 << bucketBits }
    /// How many low bits of a hash each entry stores.
    public var remainderBits: Int { KeyHash.bits - bucketBits }
    /// How many bytes each stored remainder takes.
    public var remainderBytes: Int { (remainderBits + 7) / 8 }
    /// The bytes of the directory: one 32-bit entry index per bucket, plus one closing entry.
    public var directoryByteCount: Int { (bucketCount + 1) * 4 }

    /// The bytes of the remainder array for `entryCount` entries, including the 8 zero bytes of
    /// padding that let a lookup read any remainder with one unaligned 8-byte load.
    public func remainderArrayByteCount(entryCount: Int) -> Int {
        entryCount * remainderBytes + 8
    }

    /// Directory plus remainders, without header, metadata and alignment padding.
    public func payloadByteCount(entryCount: Int) -> Int {
        directoryByteCount + remainderArrayByteCount(entryCount: entryCount)
    }
}
