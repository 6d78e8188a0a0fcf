import ScrubRecords

extension ContactHistory {
    /// Gathers calls, keeping those inside a window, then sorts them into a ``ContactHistory``.
    ///
    /// - Complexity: 16 bytes a kept call while gathering; O(n log n) to build.
    public struct Builder {
        struct Entry {
            var e164: UInt64
            var stamp: UInt32
            var tag: UInt16
        }

        public let from: UTCTime
        public let through: UTCTime
        var entries: [Entry] = []
        var offers: [String: UInt16] = [:]
        /// Calls given that fell outside the window.
        public internal(set) var outsideWindow = 0

        /// Keeps calls made from `from` through `through`, inclusive.
        ///
        /// For a run: from the campaign day's start minus the longest cap's lookback
        /// (``FrequencyCapTable/lookback``), through the campaign day's end.
        public init(from: UTCTime, through: UTCTime) {
            precondition(through.seconds >= from.seconds && through.seconds - from.seconds < Int64(UInt32.max))
            self.from = from
            self.through = through
        }

        /// Calls kept so far.
        public var count: Int { entries.count }

        /// Adds one call; calls outside the window are counted and dropped.
        ///
        /// - Parameters:
        ///   - refusal: whether the person refused (said they did not want such calls) on this call.
        ///   - offer: the offer, campaign or subject the call was about, if logged.
        public mutating func add(e164: UInt64, time: UTCTime, refusal: Bool = false, offer: String? = nil) {
            guard time >= from, time <= through else {
                outsideWindow += 1
                return
            }
            var tag: UInt16 = 0
            if let offer, !offer.isEmpty {
                if let id = offers[offer] {
                    tag = id
                } else if offers.count < Int(ContactHistory.unloggedOffer) - 1 {
                    tag = UInt16(offers.count + 1)
                    offers[offer] = tag
                }  // beyond 32766 offers, calls count for every offer: the safe reading
            }
            if refusal { tag |= ContactHistory.refusalBit }
            entries.append(Entry(e164: e164, stamp: UInt32(time.seconds - from.seconds), tag: tag))
        }

        public consuming func build() -> ContactHistory {
            entries.sort { ($0.e164, $0.stamp, $0.tag) < ($1.e164, $1.stamp, $1.tag) }
            var numbers: [UInt64] = []
            var starts: [UInt32] = []
            var stamps: [UInt32] = []
            var tags: [UInt16] = []
            stamps.reserveCapacity(entries.count)
            tags.reserveCapacity(entries.count)
            for (index, entry) in entries.enumerated() {
                if numbers.last != entry.e164 {
                    numbers.append(entry.e164)
                    starts.append(UInt32(index))
                }
                stamps.append(entry.stamp)
                tags.append(entry.tag)
            }
            starts.append(UInt32(entries.count))
            entries = []
            return ContactHistory(
                numbers: numbers, starts: starts, stamps: stamps, tags: tags, offers: offers, base: from)
        }
    }
}
