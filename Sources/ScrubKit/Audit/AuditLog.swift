internal import Crypto
import Foundation

/// An append-only, hash-chained log of runs: one JSON object a line.
///
/// Each record holds `prev_sha256`, the SHA-256 of the previous line's bytes (64 zeros for the
/// first), so editing, inserting or deleting any line breaks the chain at that point, which
/// `verify` names. The chain shows tampering; it does not prevent it: keep the log on storage the
/// operators of the runs cannot rewrite, or ship it elsewhere, for stronger guarantees.
public struct AuditLog {
    public static let genesis = String(repeating: "0", count: 64)
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Appends `fields` as one record chained to the last line.
    public func append(_ fields: [String: AuditValue]) throws {
        let existing = FileManager.default.contents(atPath: path) ?? Data()
        let lines = existing.split(separator: 0x0A, omittingEmptySubsequences: true)
        let previous = lines.last.map { FileDigest.hex(SHA256.hash(data: $0)) } ?? Self.genesis
        var record = fields
        record["prev_sha256"] = .string(previous)
        let line = Data(AuditValue.object(record).json.utf8) + Data([0x0A])
        if !FileManager.default.fileExists(atPath: path) {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try? FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            else { throw PipelineError(.cannotCreateOutput, "cannot create the audit log", at: path) }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: line)
        try handle.synchronize()
    }

    /// The outcome of checking a log's chain.
    public struct Verification: Equatable, Sendable {
        public var records: Int
        /// The 1-based line of the first record whose chain link is wrong, if any.
        public var firstBrokenLine: Int?
        public var problem: String?
    }

    public func verify() throws -> Verification {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError(.missingInput, "cannot read the audit log", at: path)
        }
        var previous = Self.genesis
        var count = 0
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty { continue }
            count += 1
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let link = object["prev_sha256"] as? String
            else {
                return Verification(records: count, firstBrokenLine: index + 1, problem: "not an audit record")
            }
            guard link == previous else {
                return Verification(
                    records: count, firstBrokenLine: index + 1,
                    problem: "its prev_sha256 does not match the line before it: that line was edited, or lines were "
                        + "inserted or deleted here")
            }
            previous = FileDigest.hex(SHA256.hash(data: Data(line)))
        }
        return Verification(records: count, firstBrokenLine: nil, problem: nil)
    }
}

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

    private static func quote(_ text: String) -> String {
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
