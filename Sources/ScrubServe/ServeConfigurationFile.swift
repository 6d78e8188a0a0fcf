import Foundation
import ScrubYAML

/// `scrub serve --config FILE`: the same settings as the flags, in YAML, so a unit file names one file.
///
/// ```yaml
/// version: 1
/// pipeline: /etc/scrub/pipeline.yaml
/// keys: /etc/scrub/keys.json
/// listen: 127.0.0.1:8080
/// deciders: 2
/// signing_key: /etc/scrub/signing.key
/// check_log_key: /etc/scrub/check-log.key
/// check_log: /var/lib/scrub/checks.jsonl
/// log_level: info
/// ```
///
/// Relative paths are read from the file's folder. Flags given on the command line win over the file.
/// Unknown settings are refused with their line, as the pipeline file's are.
public struct ServeConfigurationFile: Sendable, Equatable {
    public var pipeline: String?
    public var keys: String?
    public var listen: String?
    public var deciders: Int?
    public var optOutScope: String?
    public var allowStale: Bool?
    public var signingKey: String?
    public var checkLogKey: String?
    public var checkLog: String?
    /// `log_level`: `debug` adds a line per answered request; `info` (the default) logs refusals and errors.
    public var logLevel: String?

    /// The settings the file may hold (`version` besides).
    static let settings = [
        "pipeline", "keys", "listen", "deciders", "opt_out_scope", "allow_stale", "signing_key", "check_log_key",
        "check_log", "log_level",
    ]

    private struct Contents: Decodable {
        var version: Int
        var pipeline: String?
        var keys: String?
        var listen: String?
        var deciders: Int?
        var optOutScope: String?
        var allowStale: Bool?
        var signingKey: String?
        var checkLogKey: String?
        var checkLog: String?
        var logLevel: String?

        enum CodingKeys: String, CodingKey {
            case version, pipeline, keys, listen, deciders
            case optOutScope = "opt_out_scope"
            case allowStale = "allow_stale"
            case signingKey = "signing_key"
            case checkLogKey = "check_log_key"
            case checkLog = "check_log"
            case logLevel = "log_level"
        }
    }

    public init() {}

    /// Reads the file at `path`.
    ///
    /// - Throws: `YAMLError` (`file:line:column: error: ...`) for a file that cannot be read, is not
    ///   YAML, has another `version`, or holds an unknown setting or a value of the wrong type.
    public static func load(path: String) throws -> ServeConfigurationFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw YAMLError(file: path, message: "cannot read the configuration file")
        }
        let document = try YAMLDocument(yaml: String(decoding: data, as: UTF8.self), file: path)
        for entry in document.root?.mapping ?? [] where entry.key != "version" && !settings.contains(entry.key) {
            throw YAMLError(
                file: path, line: entry.keyNode.line, column: entry.keyNode.column,
                message: "unknown setting `\(entry.key)`; expected: version, \(settings.joined(separator: ", "))")
        }
        let contents = try document.decode(Contents.self)
        guard contents.version == 1 else {
            let node = document.root?["version"]
            throw YAMLError(
                file: path, line: node?.line, column: node?.column,
                message: "version \(contents.version) is not one this scrub reads (1)")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolved(_ file: String?) -> String? {
            file.map { $0.hasPrefix("/") ? $0 : folder.appendingPathComponent($0).path }
        }
        var file = ServeConfigurationFile()
        file.pipeline = resolved(contents.pipeline)
        file.keys = resolved(contents.keys)
        file.listen = contents.listen
        file.deciders = contents.deciders
        file.optOutScope = contents.optOutScope
        file.allowStale = contents.allowStale
        file.signingKey = resolved(contents.signingKey)
        file.checkLogKey = resolved(contents.checkLogKey)
        file.checkLog = resolved(contents.checkLog)
        file.logLevel = contents.logLevel
        return file
    }
}
