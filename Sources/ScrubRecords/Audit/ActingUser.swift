#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Who acted, for a record: a name given (`--actor`), else the login name of the effective user.
///
/// Records name people, not numbers: a uid means nothing once the account is gone or the log moves
/// to another host. `USER` is not consulted: it is whatever the environment says, while the
/// effective uid is who the system let write.
public enum ActingUser {
    /// `given` when it is not empty, else ``loginName``.
    public static func name(_ given: String?) -> String {
        if let given, !given.allSatisfy(\.isWhitespace) { return given }
        return loginName
    }

    /// The password database's name of the effective uid, or `uid N` when it has none (a container
    /// running under a uid no entry names).
    public static var loginName: String {
        let uid = geteuid()
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        let status = getpwuid_r(uid, &entry, &buffer, buffer.count, &result)
        guard status == 0, let result, let name = result.pointee.pw_name, name.pointee != 0 else { return "uid \(uid)" }
        return String(cString: name)
    }
}
