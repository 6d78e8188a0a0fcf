/// One thing a request may ask the server to do; a ``KeyRole`` grants a fixed set of them.
public enum Permission: String, Sendable, CaseIterable {
    /// `POST /v1/check`.
    case check
    /// `POST /v1/optouts`.
    case recordOptOut = "record_opt_out"
    /// `POST /v1/optouts/reconsent`.
    case reconsent
    /// `GET /v1/audit`.
    case readAudit = "read_audit"
    /// `GET /v1/keys`.
    case listKeys = "list_keys"
}
