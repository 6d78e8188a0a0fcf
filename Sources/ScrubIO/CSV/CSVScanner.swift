/// Finds the bytes that end a CSV field eight bytes at a time.
///
/// The reader spends most of its time looking for the next delimiter or line end in an unquoted
/// field, or the next quote in a quoted one; the writer looks for any byte that forces quoting.
/// Comparing byte by byte costs a compare and a branch per byte, so these functions load a 64-bit
/// word at a time and find the matching bytes with SWAR arithmetic (SIMD within a register):
/// `x ^ broadcast(c)` has a zero byte exactly where `x` holds `c`, and `zeroBytes` marks each zero
/// byte with its high bit, so `trailingZeroBitCount / 8` is the first match and `nonzeroBitCount`
/// counts them.
///
/// Invariants of the pointer code, which stays in this file:
/// - Every function reads only `base[0..<to]` and the caller guarantees those bytes are initialised
///   and readable; `from <= to`. A word is loaded only when it lies inside `base[0..<to]`: whole words
///   from `from` while eight bytes remain, then the tail through one word that ends at `to` (so it
///   starts before `from` and overlaps bytes already seen, which are shifted out), or, when fewer
///   than eight bytes precede `to`, byte by byte.
/// - Loads are unaligned (`loadUnaligned`), so no alignment is assumed of `base` or `from`.
/// - Words are read as little-endian, so byte `k` of a word is `base[i + k]` on any machine.
package enum CSVScanner {
    /// The index of the first byte in `base[from..<to]` equal to `a`, `b` or `c`; `to` if none is.
    @inline(__always)
    package static func firstOf(
        _ a: UInt8, _ b: UInt8, _ c: UInt8, in base: UnsafePointer<UInt8>, from: Int, to: Int
    ) -> Int {
        let (wa, wb, wc) = (broadcast(a), broadcast(b), broadcast(c))
        return first(in: base, from: from, to: to) { zeroBytes($0 ^ wa) | zeroBytes($0 ^ wb) | zeroBytes($0 ^ wc) }
    }

    /// The index of the first byte in `base[from..<to]` equal to `a`, `b`, `c` or `d`; `to` if none is.
    @inline(__always)
    package static func firstOf(
        _ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, in base: UnsafePointer<UInt8>, from: Int, to: Int
    ) -> Int {
        let (wa, wb, wc, wd) = (broadcast(a), broadcast(b), broadcast(c), broadcast(d))
        return first(in: base, from: from, to: to) {
            zeroBytes($0 ^ wa) | zeroBytes($0 ^ wb) | zeroBytes($0 ^ wc) | zeroBytes($0 ^ wd)
        }
    }

    /// What a quoted field's scan passed: where it stopped and the line bytes before that.
    package struct QuotedRun: Equatable {
        /// The index of the first quote; `to` if there is none.
        package var end: Int
        /// How many line bytes lie in `from..<end`.
        package var lineBytes: Int
        /// The index of the first of them; meaningless when `lineBytes` is 0.
        package var firstLineByte: Int

        package init(end: Int, lineBytes: Int, firstLineByte: Int) {
            self.end = end
            self.lineBytes = lineBytes
            self.firstLineByte = firstLineByte
        }
    }

    /// Scans a quoted field's bytes `base[from..<to]` for its next `quote`, counting the `lineByte`s
    /// (line breaks inside the field) on the way, which the reader needs for line numbers.
    @inline(__always)
    package static func firstQuote(
        _ quote: UInt8, countingLines lineByte: UInt8, in base: UnsafePointer<UInt8>, from: Int, to: Int
    ) -> QuotedRun {
        let (wq, wl) = (broadcast(quote), broadcast(lineByte))
        var run = QuotedRun(end: to, lineBytes: 0, firstLineByte: 0)
        /// Takes one word's marks, shifted right by `shift` bits, `i` being the index of the byte
        /// that lands in byte 0; true when a quote ended the scan.
        @inline(__always)
        func take(_ word: UInt64, shiftedBy shift: UInt64 = 0, at i: Int) -> Bool {
            let quotes = zeroBytes(word ^ wq) >> shift
            var lines = zeroBytes(word ^ wl) >> shift
            // Only the line bytes before the first quote: the bits below its lowest mark.
            if quotes != 0 { lines &= (quotes & (0 &- quotes)) &- 1 }
            if lines != 0 {
                if run.lineBytes == 0 { run.firstLineByte = i + lines.trailingZeroBitCount >> 3 }
                run.lineBytes += lines.nonzeroBitCount
            }
            guard quotes != 0 else { return false }
            run.end = i + quotes.trailingZeroBitCount >> 3
            return true
        }
        var i = from
        while to - i >= 8 {
            if take(load(base, i), at: i) { return run }
            i += 8
        }
        guard i < to else { return run }
        if to >= 8 {
            let skipped = 8 - (to - i)
            _ = take(load(base, to - 8), shiftedBy: UInt64(skipped * 8), at: i)
            return run
        }
        while i < to {
            if base[i] == quote {
                run.end = i
                return run
            }
            if base[i] == lineByte {
                if run.lineBytes == 0 { run.firstLineByte = i }
                run.lineBytes += 1
            }
            i += 1
        }
        return run
    }

    /// How many bytes of `base[from..<to]` equal `byte`: the line count of a chunk cut from the
    /// input (a serial step of the parallel reader), one word at a time.
    package static func count(_ byte: UInt8, in base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        let wanted = broadcast(byte)
        var count = 0
        var i = from
        while to - i >= 8 {
            count &+= zeroBytes(load(base, i) ^ wanted).nonzeroBitCount
            i += 8
        }
        while i < to {
            if base[i] == byte { count &+= 1 }
            i += 1
        }
        return count
    }

    // MARK: - Words

    /// The first index in `from..<to` whose byte `marks` flags (see `zeroBytes`); `to` if none.
    @inline(__always)
    private static func first(
        in base: UnsafePointer<UInt8>, from: Int, to: Int, _ marks: (UInt64) -> UInt64
    ) -> Int {
        var i = from
        while to - i >= 8 {
            let found = marks(load(base, i))
            if found != 0 { return i + found.trailingZeroBitCount >> 3 }
            i += 8
        }
        guard i < to else { return to }
        if to >= 8 {
            // The word ending at `to`: its first `skipped` bytes were already scanned.
            let skipped = 8 - (to - i)
            let found = marks(load(base, to - 8)) >> UInt64(skipped * 8)
            return found != 0 ? i + found.trailingZeroBitCount >> 3 : to
        }
        while i < to {
            if marks(UInt64(base[i])) & 0x80 != 0 { return i }
            i += 1
        }
        return to
    }

    /// The eight bytes `base[i..<i + 8]`, byte `k` in bits `8k..<8k + 8`.
    @inline(__always)
    private static func load(_ base: UnsafePointer<UInt8>, _ i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
    }

    @inline(__always)
    private static func broadcast(_ byte: UInt8) -> UInt64 {
        UInt64(byte) &* 0x0101_0101_0101_0101
    }

    /// The high bit of each byte of `x` that is zero, and no other bit.
    ///
    /// Exact, unlike the shorter `(x - 0x01..) & ~x & 0x80..`, whose borrows flag bytes next to a
    /// zero byte, and which bytes >= 0x80 can fool: adding 0x7F to each byte's low seven bits never
    /// carries into the next byte, and a byte is zero only when neither that sum nor the byte itself
    /// has its high bit set.
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low7) &+ low7) | x | low7)
    }
}
