extension Array where Element: Comparable {
    /// The first index whose element is not less than `value` (`count` when every element is): where
    /// `value` is, or would be inserted, in a sorted array.
    ///
    /// - Complexity: O(log n).
    func lowerBound(of value: Element) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
