import ScrubIndex

/// A person's key (a CRM contact id) as the opt-out journal's state and a suppression index hold it:
/// an integer in the index's key range that no phone number can take.
///
/// Some opt-outs bind every number of the person who asked, not just the one they called from
/// (Washington's "any telephone number associated with that party"): the journal records the
/// person key beside the number (`applies_to: person`), and the compiled index holds the key's
/// subject beside the number's E.164 digits. Index keys are below 2^50, and E.164 numbers, at most 15
/// digits, below 10^15; a person's subject is 10^15 plus a 64-bit hash of the key reduced into the
/// rest, so one lookup structure serves both and a number can never be mistaken for a person.
///
/// The hash is not injective: two person keys may share a subject, with a chance of about
/// n·m / 1.26·10^14 over a run of m leads against n opted-out persons (10^-3 for 10^5 and 10^6).
/// Such a lead is suppressed, never freed: the error is on the safe side, and the rejects row names
/// the person key as the cause. Format-frozen: changing it changes every compiled index.
public enum PersonKey {
    /// The first subject: 10^15, the smallest integer no E.164 number reaches.
    public static let firstSubject: UInt64 = 1_000_000_000_000_000
    /// How many subjects there are: from 10^15 up to the index's key limit, 2^50.
    static let subjects: UInt64 = KeyHash.keyLimit - firstSubject

    /// The longest person key, in UTF-8 bytes, that a journal event takes.
    public static let maximumLength = 256

    /// Whether an index key is a person's subject rather than a number.
    public static func isSubject(_ key: UInt64) -> Bool { key >= firstSubject }

    /// The subject of a person-key field: the bytes between leading and trailing spaces, tabs and
    /// carriage returns, exactly (case matters: CRM ids such as Salesforce's are case-sensitive); nil
    /// for a blank field.
    @inline(__always)
    public static func subject(_ field: UnsafeRawBufferPointer) -> UInt64? {
        let key = keyRange(field)
        guard !key.isEmpty else { return nil }
        // FNV-1a, then MurmurHash3's finaliser to spread FNV's weak high bits before the reduction.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in key {
            hash ^= UInt64(field[index])
            hash = hash &* 0x100_0000_01b3
        }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return firstSubject + hash % subjects
    }

    /// The subject of a person key given as text (see ``subject(_:)-(UnsafeRawBufferPointer)``).
    public static func subject(_ text: String) -> UInt64? {
        var text = text
        return text.withUTF8 { subject(UnsafeRawBufferPointer($0)) }
    }

    /// The key as the journal records it: the bytes ``subject(_:)-(UnsafeRawBufferPointer)`` hashes.
    public static func trimmed(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            String(decoding: UnsafeRawBufferPointer(bytes)[keyRange(UnsafeRawBufferPointer(bytes))], as: UTF8.self)
        }
    }

    /// The key's bytes within `field`: without the spaces, tabs and carriage returns around it.
    @inline(__always)
    private static func keyRange(_ field: UnsafeRawBufferPointer) -> Range<Int> {
        var start = 0
        var end = field.count
        while start < end, isBlank(field[start]) { start += 1 }
        while end > start, isBlank(field[end - 1]) { end -= 1 }
        return start..<end
    }

    /// Why `text` cannot be a person key, or nil.
    public static func problem(_ text: String) -> String? {
        let key = trimmed(text)
        if key.isEmpty { return "the person key is empty" }
        if key.utf8.count > maximumLength { return "the person key is longer than \(maximumLength) bytes" }
        if key.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "the person key holds a control character"
        }
        return nil
    }

    @inline(__always)
    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
}
