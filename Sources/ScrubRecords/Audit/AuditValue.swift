import Foundation

/// A JSON value with a canonical rendering (sorted keys), so a record's bytes are reproducible.
public indirect enum AuditValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([AuditValue])
    case object([String: AuditValue])
    case null

    public var json: String {
        var out = ""
        out.reserveCapacity(128)
        write(to: &out)
        return out
    }

    /// Appends the value's JSON to `out`: one string grown in place, not one per value and separator
    /// (a check answer and its record are written per request).
    public func write(to out: inout String) {
        switch self {
        case .string(let text): Self.quote(text, into: &out)
        case .int(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (index, field) in fields.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { out += "," }
                Self.quote(field.key, into: &out)
                out += ":"
                field.value.write(to: &out)
            }
            out += "}"
        }
    }

    /// The value as `JSONSerialization` objects (`String`, `Int`, `Bool`, `NSNull`, arrays and
    /// dictionaries of them), for an answer built of both (the server's `GET /v1/audit`).
    public var foundationValue: Any {
        switch self {
        case .string(let text): text
        case .int(let value): value
        case .bool(let value): value
        case .null: NSNull()
        case .array(let items): items.map(\.foundationValue)
        case .object(let fields): fields.mapValues(\.foundationValue)
        }
    }

    private static func quote(_ text: String, into out: inout String) {
        // Most values (numbers, times, names, codes) need no escape: quoted as they are, without the walk
        // through their scalars that was most of a check answer's encoding.
        out += "\""
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
