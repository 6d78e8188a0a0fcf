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
        switch self {
        case .string(let text): return Self.quote(text)
        case .int(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map(\.json).joined(separator: ",") + "]"
        case .object(let fields):
            return "{" + fields.keys.sorted().map { Self.quote($0) + ":" + fields[$0]!.json }.joined(separator: ",")
                + "}"
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

    private static func quote(_ text: String) -> String {
        // Most values (numbers, times, names, codes) need no escape: quoted as they are, without the walk
        // through their scalars that was most of a check answer's encoding.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + text + "\"" }
        var out = "\""
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
        return out + "\""
    }
}
