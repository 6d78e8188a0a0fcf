/// Why a key store operation failed, with the store it is about.
public struct KeyStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A name or role that cannot be used (exit 64).
        case usage
        /// The store cannot be read or written (exit 74).
        case io
        /// The store's contents are not a key file this code reads (exit 65).
        case badData
        /// No key of that name (exit 66).
        case notFound
    }

    public var kind: Kind
    /// The store, as a path for the file store.
    public var store: String
    public var message: String

    public init(_ kind: Kind, store: String, _ message: String) {
        self.kind = kind
        self.store = store
        self.message = message
    }

    public var description: String { "\(store): error: \(message)" }
}
