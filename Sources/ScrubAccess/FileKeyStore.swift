import Foundation
import ScrubIO
import Synchronization

/// A key store in one JSON file, owner-only (0600): names, roles, creation times and token digests.
///
/// Changes take a lock file beside the store (`KEYS.lock`) for the read-modify-write, and replace
/// the file atomically (a temporary file renamed over it), so a reader sees the old set or the new
/// one, whole. ``authenticate(token:)`` checks the file's identity (inode, size, modification time)
/// on every call and re-reads it when it changed, so a key added or revoked by `scrub keys` while
/// the server runs counts from the next request. A missing file is a store with no keys.
public final class FileKeyStore: KeyStore {
    /// The store's file format.
    public static let formatVersion = 1

    public let path: String
    private let cache = Mutex<Cached?>(nil)

    /// The keys read, and which version of the file they came from.
    private struct Cached {
        /// What tells one version of the file from another without reading it: inode, size, modification time.
        var identity: FileDescriptor.Status
        var keys: [APIKey]
    }

    /// The file's layout.
    private struct Contents: Codable {
        var version: Int
        var keys: [APIKey]
    }

    public init(path: String) {
        self.path = path
    }

    public func add(
        name: String, role: KeyRole, created: String
    ) throws(KeyStoreError) -> (
        key: APIKey, token: String
    ) {
        guard APIKey.isValidName(name) else {
            throw KeyStoreError(
                .usage, store: path, "key name `\(name)` is not valid: use 1 to 64 letters, digits, `.`, `_`, `-`, `@`")
        }
        return try changing { keys throws(KeyStoreError) in
            guard !keys.contains(where: { $0.name == name }) else {
                throw KeyStoreError(.usage, store: path, "a key named \(name) exists already; revoke it first")
            }
            let token = APIToken.generate()
            let key = APIKey(name: name, role: role, created: created, tokenSHA256: APIToken.digest(token))
            keys.append(key)
            return (key, token)
        }
    }

    public func list() throws(KeyStoreError) -> [APIKey] {
        try current()
    }

    public func revoke(name: String) throws(KeyStoreError) {
        try changing { keys throws(KeyStoreError) in
            guard let index = keys.firstIndex(where: { $0.name == name }) else {
                throw KeyStoreError(.notFound, store: path, "no key named \(name)")
            }
            keys.remove(at: index)
        }
    }

    public func authenticate(token: String) throws(KeyStoreError) -> APIKey? {
        Self.match(token, in: try current())
    }

    /// The keys of the file as it is now: the cached set unless the file changed.
    private func current() throws(KeyStoreError) -> [APIKey] {
        let identity = try identity()
        if let cached = cache.withLock({ $0 }), cached.identity == identity { return cached.keys }
        guard let identity else {
            cache.withLock { $0 = nil }
            return []
        }
        let keys = try read()
        cache.withLock { $0 = Cached(identity: identity, keys: keys) }
        return keys
    }

    /// One `stat` of the file (every request makes it: Foundation's `attributesOfItem` cost a check
    /// request 5% of its CPU); nil when there is no file.
    private func identity() throws(KeyStoreError) -> FileDescriptor.Status? {
        do throws(ScrubIOError) {
            return try FileDescriptor.status(ofPath: path)
        } catch {
            throw KeyStoreError(.io, store: path, error.message)
        }
    }

    private func read() throws(KeyStoreError) -> [APIKey] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KeyStoreError(.io, store: path, "cannot read the key file")
        }
        let contents: Contents
        do {
            contents = try JSONDecoder().decode(Contents.self, from: data)
        } catch {
            throw KeyStoreError(.badData, store: path, "not a scrub key file: \(error)")
        }
        guard contents.version == Self.formatVersion else {
            throw KeyStoreError(
                .badData, store: path,
                "key file format version \(contents.version) is not supported (this scrub reads \(Self.formatVersion))")
        }
        return contents.keys
    }

    /// Runs `change` on the stored keys under the lock file and writes the result atomically.
    private func changing<R>(_ change: (inout [APIKey]) throws(KeyStoreError) -> R) throws(KeyStoreError) -> R {
        let lock: FileDescriptor
        do {
            lock = try FileDescriptor.openLocked(path + ".lock", for: .append)
        } catch {
            throw KeyStoreError(.io, store: path, error.message)
        }
        defer { withExtendedLifetime(lock) {} }
        var keys = try read()
        let result = try change(&keys)
        keys.sort { $0.name < $1.name }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            let bytes = Array(try encoder.encode(Contents(version: Self.formatVersion, keys: keys))) + [0x0A]
            let file = try OutputFile(path: path, permissions: 0o600)
            try file.write(bytes)
            try file.commit()
        } catch let error as ScrubIOError {
            throw KeyStoreError(.io, store: path, error.message)
        } catch {
            throw KeyStoreError(.io, store: path, "\(error)")
        }
        cache.withLock { $0 = nil }
        return result
    }
}
