import Foundation
import ScrubIO
import ScrubRules

/// Each lead's key and outcome, kept with a published set as `leads.bin`, so that the next run of the
/// same output folder can say which leads changed (``RunChanges/Leads``): newly callable, newly
/// rejected and why, new and gone. It also gives the report its distinct leads.
///
/// A lead is known by its person key (`person_column`'s subject, ``PersonKey``) when the pipeline has
/// one and the row fills it, else by its number (the first of its phone columns that holds one); a
/// row with neither is not tracked. Both keys are below 2^50, so an entry is the key shifted left by 8
/// and the outcome in the low byte (0 callable, else a reason's code), and sorting entries sorts keys
/// with the callable outcome first. The file holds no text of a lead, only these integers, beside
/// outputs that hold the leads themselves.
struct LeadOutcomes: Sendable {
    /// `leads.bin` in an output set.
    static let fileName = "leads.bin"
    private static let magic = Array("SCRUB-LEADS 1\n".utf8)

    /// The entry of a lead known by `key` with `reason` (nil: callable).
    static func entry(_ key: UInt64, _ reason: RejectReason?) -> UInt64 {
        key << 8 | code(reason)
    }

    /// 0 for callable, else 1 + the reason's place in precedence order.
    static func code(_ reason: RejectReason?) -> UInt64 {
        guard let reason else { return 0 }
        return UInt64(reason.precedence + 1)
    }

    /// `entry` with its outcome replaced by `reason`'s.
    static func replacingOutcome(of entry: UInt64, with reason: RejectReason?) -> UInt64 {
        entry & ~0xFF | code(reason)
    }

    /// The run's entries sorted, one per key: a key of several rows is callable when any row of it is,
    /// else it keeps the reason first in precedence.
    static func finished(_ entries: consuming [UInt64]) -> [UInt64] {
        var sorted = entries
        RadixSort.sort(&sorted, bits: 58)
        var write = 0
        for index in sorted.indices where write == 0 || sorted[write - 1] >> 8 != sorted[index] >> 8 {
            sorted[write] = sorted[index]
            write += 1
        }
        sorted.removeLast(sorted.count - write)
        return sorted
    }

    /// Writes the file: the magic line, the reasons' names in code order (so a later version with
    /// other reasons still reads it), then the entries, little-endian.
    static func write(_ finished: [UInt64], to file: OutputFile) throws {
        try file.write(magic + Array((RejectReason.allCases.map(\.rawValue).joined(separator: ",") + "\n").utf8))
        #if _endian(little)
            try finished.withUnsafeBytes { try file.write($0) }
        #else
            try finished.map(\.littleEndian).withUnsafeBytes { try file.write($0) }
        #endif
    }

    /// The entries of a `leads.bin`, their outcomes as this version's codes: nil when there is no
    /// such file (an older version's set has none), and a warning when it is not one.
    static func read(path: String) -> (entries: [UInt64]?, warning: String?) {
        guard let data = FileManager.default.contents(atPath: path) else { return (nil, nil) }
        let entries = data.withUnsafeBytes { bytes -> [UInt64]? in
            guard bytes.starts(with: magic), let end = bytes[magic.count...].firstIndex(of: 0x0A),
                (bytes.count - end - 1) % 8 == 0
            else { return nil }
            let names = String(decoding: bytes[magic.count..<end], as: UTF8.self).split(separator: ",")
            let codes = [UInt64(0)] + names.map { RejectReason(rawValue: String($0)).map { code($0) } ?? 0xFF }
            let count = (bytes.count - end - 1) / 8
            return [UInt64](unsafeUninitializedCapacity: count) { entries, initialized in
                for index in 0..<count {
                    let entry = UInt64(
                        littleEndian: bytes.loadUnaligned(fromByteOffset: end + 1 + index * 8, as: UInt64.self))
                    let outcome = Int(entry & 0xFF)
                    entries[index] = entry & ~0xFF | (outcome < codes.count ? codes[outcome] : 0xFF)
                }
                initialized = count
            }
        }
        guard let entries else {
            return (nil, "the previous run's lead outcomes (\(path)) are damaged, so leads are not compared one by one")
        }
        return (entries, nil)
    }

    /// What changed between two finished entry lists.
    static func changes(previous: [UInt64], now: [UInt64], matchedBy: RunChanges.Leads.Key) -> RunChanges.Leads {
        var changes = RunChanges.Leads(matchedBy: matchedBy, before: previous.count, now: now.count)
        var reasons: [UInt64: RejectReason] = [:]
        for (index, reason) in RejectReason.allCases.enumerated() { reasons[UInt64(index + 1)] = reason }
        var old = 0
        var new = 0
        while old < previous.count || new < now.count {
            let oldKey = old < previous.count ? previous[old] >> 8 : .max
            let newKey = new < now.count ? now[new] >> 8 : .max
            if oldKey < newKey {
                changes.gone += 1
                old += 1
            } else if newKey < oldKey {
                changes.new += 1
                new += 1
            } else {
                let before = previous[old] & 0xFF
                let after = now[new] & 0xFF
                if before != 0 && after == 0 { changes.newlyCallable += 1 }
                if before == 0 && after != 0 {
                    changes.newlyRejected[reasons[after]?.rawValue ?? "other", default: 0] += 1
                }
                old += 1
                new += 1
            }
        }
        return changes
    }
}
