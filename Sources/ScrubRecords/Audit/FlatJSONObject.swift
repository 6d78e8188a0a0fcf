/// A reader of one-level JSON objects whose values are strings or integers, such as journal lines.
///
/// Journal lines are written by ``AuditValue`` and are flat; reading them with this instead of
/// `JSONDecoder` or `JSONSerialization` makes reading a million-event journal faster. Anything else (nested
/// values, `true`, floats, bad escapes, trailing bytes) is refused, as a tampered line should be.
struct FlatJSONObject {
    enum Value: Equatable {
        case string(String)
        case int(Int)
    }

    private(set) var fields: [(key: String, value: Value)] = []

    /// Parses `bytes`, or returns nil when they are not such an object.
    init?(_ bytes: UnsafeRawBufferPointer) {
        var reader = Reader(bytes: bytes)
        guard reader.take(0x7B) else { return nil }
        reader.skipSpaces()
        if reader.take(0x7D) {
            reader.skipSpaces()
            guard reader.atEnd else { return nil }
            return
        }
        while true {
            reader.skipSpaces()
            guard let key = reader.string() else { return nil }
            reader.skipSpaces()
            guard reader.take(0x3A) else { return nil }
            reader.skipSpaces()
            guard let value = reader.value() else { return nil }
            fields.append((key, value))
            reader.skipSpaces()
            if reader.take(0x2C) { continue }
            guard reader.take(0x7D) else { return nil }
            reader.skipSpaces()
            guard reader.atEnd else { return nil }
            return
        }
    }

    /// The value of `key`; nil when absent. With a key given twice, the last one counts, as in JSONDecoder.
    subscript(key: String) -> Value? {
        fields.last { $0.key == key }?.value
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        var atEnd: Bool { position == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        mutating func skipSpaces() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        mutating func value() -> Value? {
            if position < bytes.count, bytes[position] == 0x22 { return string().map { .string($0) } }
            let start = position
            if position < bytes.count, bytes[position] == 0x2D { position += 1 }
            let digits = position
            while position < bytes.count, (0x30...0x39).contains(bytes[position]) { position += 1 }
            guard position > digits, position - digits <= 18 else { return nil }
            return Int(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
                .map { .int($0) }
        }

        mutating func string() -> String? {
            guard take(0x22) else { return nil }
            let start = position
            var escaped = false
            while position < bytes.count {
                let byte = bytes[position]
                if byte == 0x22 {
                    let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
                    position += 1
                    return escaped ? Self.unescape(raw) : String(validating: raw, as: UTF8.self)
                }
                if byte < 0x20 { return nil }
                if byte == 0x5C {
                    escaped = true
                    position += 1
                }
                position += 1
            }
            return nil
        }

        /// The text of a string body holding escapes; nil for a bad escape or bad UTF-8.
        static func unescape(_ raw: UnsafeRawBufferPointer) -> String? {
            var out: [UInt8] = []
            out.reserveCapacity(raw.count)
            var index = 0
            func hex4(_ at: Int) -> UInt32? {
                guard at + 4 <= raw.count else { return nil }
                return UInt32(
                    String(decoding: UnsafeRawBufferPointer(rebasing: raw[at..<at + 4]), as: UTF8.self), radix: 16)
            }
            while index < raw.count {
                let byte = raw[index]
                guard byte == 0x5C else {
                    out.append(byte)
                    index += 1
                    continue
                }
                guard index + 1 < raw.count else { return nil }
                let code = raw[index + 1]
                index += 2
                switch code {
                case 0x22, 0x5C, 0x2F: out.append(code)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    guard var scalar = hex4(index) else { return nil }
                    index += 4
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 6 <= raw.count, raw[index] == 0x5C, raw[index + 1] == 0x75,
                            let low = hex4(index + 2), (0xDC00...0xDFFF).contains(low)
                        else { return nil }
                        index += 6
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default: return nil
                }
            }
            return String(validating: out, as: UTF8.self)
        }
    }
}
