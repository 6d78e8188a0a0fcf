import ScrubAccess
import ScrubRecords

/// What `scrub serve` is given: the pipeline whose decision it serves, the key store, where to listen.
public struct ServeConfiguration: Sendable {
    /// The pipeline file (its lists, registries, rules, opt-out journal and audit log).
    public var pipeline: String
    public var host: String
    /// 0 asks the system for a free port (tests).
    public var port: Int
    /// How many independently resolved deciders answer checks at once; each maps the lists itself.
    public var deciders: Int
    /// The scope the opt-out index is compiled for (`scrub optout compile --scope`); nil: every opt-out.
    public var optOutScope: OptOutScope?
    /// Serve with registries older than their maximum age (recorded in each request's audit record).
    public var allowStale: Bool
    /// The key that signs the audit records and journal events the server appends; nil: unsigned.
    public var signer: SigningKey?
    /// Where each check leaves HMAC-SHA256 of its number under `key` (`--check-log`, `--check-log-key`);
    /// nil: checks leave no record (they are counted in `/metrics` only).
    public var checkLog: (path: String, key: CheckLogKey)?

    public init(
        pipeline: String, host: String = "127.0.0.1", port: Int = 8080, deciders: Int = 2,
        optOutScope: OptOutScope? = nil, allowStale: Bool = false, signer: SigningKey? = nil,
        checkLog: (path: String, key: CheckLogKey)? = nil
    ) {
        self.checkLog = checkLog
        self.signer = signer
        self.pipeline = pipeline
        self.host = host
        self.port = port
        self.deciders = deciders
        self.optOutScope = optOutScope
        self.allowStale = allowStale
    }
}
