/// Where the server's keys live: today a file (``FileKeyStore``); a shared database later, for several
/// replicas, behind the same protocol, so the handlers do not change.
public protocol KeyStore: Sendable {
    /// Adds a key named `name` with `role` and returns the key and its token, which nothing stores:
    /// the caller shows it once.
    ///
    /// - Throws: ``KeyStoreError`` `.usage` for a name that is taken or not valid.
    func add(name: String, role: KeyRole, created: String) throws(KeyStoreError) -> (key: APIKey, token: String)

    /// Every key, by name.
    func list() throws(KeyStoreError) -> [APIKey]

    /// Removes the key named `name`; its token stops working at the next request.
    ///
    /// - Throws: ``KeyStoreError`` `.notFound` when there is no such key.
    func revoke(name: String) throws(KeyStoreError)

    /// The key whose token this is, or nil for an unknown or revoked token.
    ///
    /// Every stored digest is compared, in constant time, so the answer's timing does not tell how
    /// much of a token was right.
    func authenticate(token: String) throws(KeyStoreError) -> APIKey?
}

extension KeyStore {
    /// Finds the key of a presented token among `keys`; see ``KeyStore/authenticate(token:)``.
    public static func match(_ token: String, in keys: [APIKey]) -> APIKey? {
        let digest = APIToken.digest(token)
        var found: APIKey?
        for key in keys where APIToken.constantTimeEqual(key.tokenSHA256, digest) { found = key }
        return found
    }
}
