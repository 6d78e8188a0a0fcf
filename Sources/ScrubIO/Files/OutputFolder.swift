import Foundation

/// An output folder whose files change only as a whole set, in one atomic step.
///
/// `OUT` is a symbolic link to the latest published set, `OUT.sets/ID/`; a run builds its set in
/// `OUT.sets/.staging-ID/`, seals it (renames it to `OUT.sets/ID`), and switches `OUT` to it by
/// renaming a new link over the old one. Whoever opens `OUT/NAME` at any instant gets a file of the
/// previous set or of the new one, and whoever resolves `OUT` once (`cd OUT`, `realpath OUT`) reads
/// one whole set. The lock (`OUT.lock`) and the status file (`OUT.status.json`) sit beside `OUT` on
/// stable paths, outside anything that is swapped.
///
/// An `OUT` that is still a real folder (written by older versions) is migrated by exchanging it with
/// the link in one `renameat2(RENAME_EXCHANGE)`; the old folder is kept as `OUT.sets/migrated-ID` and
/// never pruned.
///
/// Durability: files are synced before their folder is sealed, the staging folder and `OUT.sets` are
/// synced around the seal, and `OUT`'s parent after the switch. Call every method while holding
/// ``lock()``.
public struct OutputFolder: Sendable {
    /// Published sets kept, the current one included; older ones are removed after a successful switch.
    public static let keptSets = 3

    /// `OUT`, without a trailing slash.
    public let path: String
    /// `OUT.sets`: the folder of the sets.
    public let setsPath: String
    /// `OUT.lock`: the lock file of every run writing `OUT`.
    public let lockPath: String
    /// `OUT.status.json`: what the last attempt did and which set is published.
    public let statusPath: String
    /// The folder holding `OUT`.
    public let parentPath: String

    public init(path: String) {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.path = path
        setsPath = path + ".sets"
        lockPath = path + ".lock"
        statusPath = path + ".status.json"
        parentPath = URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    /// The name of a new set: the UTC time to the millisecond and the start of the run id, so sets
    /// sort by age.
    public static func setID(at date: Date, runID: String) -> String {
        let format = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().time(includingFractionalSeconds: true)
        let time = date.formatted(format).filter { $0.isNumber || $0 == "T" || $0 == "." }
        return time + "Z-" + String(runID.filter { $0.isHexDigit }.prefix(8))
    }

    /// Whether `name` is a set this type created and may prune.
    static func isSetID(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 8, parts[1].allSatisfy(\.isHexDigit) else { return false }
        return parts[0].hasSuffix("Z") && parts[0].first?.isNumber == true
            && parts[0].dropLast().allSatisfy { $0.isNumber || $0 == "T" || $0 == "." }
    }

    /// Takes the folder's lock (creating `OUT`'s parent if needed), or throws at once if another run holds it.
    public func lock() throws(ScrubIOError) -> DirectoryLock {
        guard !["", ".", "..", "/"].contains(name) else {
            throw ScrubIOError(
                .cannotCreate, path: path,
                message: "the output folder must have a name of its own (it becomes a link to its latest set)")
        }
        do {
            try FileManager.default.createDirectory(
                atPath: parentPath, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ScrubIOError(.cannotCreate, path: parentPath, message: "cannot create the folder")
        }
        return try DirectoryLock(path: lockPath, directory: path)
    }

    /// The id of the published set: what `OUT` links to inside `OUT.sets`; nil when nothing is
    /// published yet or `OUT` is a folder of an older version.
    public func publishedSet() -> String? {
        guard let target = FileSystem.linkTarget(path) else { return nil }
        let name = URL(fileURLWithPath: target).lastPathComponent
        return target == Self.linkTarget(setsName: setsName, id: name) ? name : nil
    }

    /// The folder of set `id`.
    public func setPath(_ id: String) -> String { setsPath + "/" + id }

    /// Removes what killed runs left: staging folders, link files, and sealed sets newer than the
    /// published one (sealed, then killed before the switch, or a switch that failed).
    public func sweep() {
        let current = publishedSet()
        for entry in entries(setsPath) {
            if entry.hasPrefix(".staging-") || (Self.isSetID(entry) && current.map { entry > $0 } ?? true) {
                removeSet(at: setsPath + "/" + entry)
            }
        }
        let linkPrefix = "." + name + ".link-"
        for entry in entries(parentPath) where entry.hasPrefix(linkPrefix) {
            let leftover = parentPath + "/" + entry
            if FileSystem.entryKind(leftover) == .directory {
                // A migration killed between its exchange and its rename: the old folder, kept as a set.
                try? FileSystem.makeDirectory(setsPath)
                try? FileSystem.rename(leftover, to: setPath("migrated-" + entry.dropFirst(linkPrefix.count)))
            } else {
                FileSystem.remove(leftover)
            }
        }
        OutputFile.removeLeftovers(in: parentPath, names: [URL(fileURLWithPath: statusPath).lastPathComponent])
    }

    /// Creates the empty staging folder of set `id` and returns its path.
    public func stage(_ id: String) throws(ScrubIOError) -> String {
        try FileSystem.makeDirectory(setsPath)
        let staging = setsPath + "/.staging-" + id
        try FileSystem.makeDirectory(staging)
        return staging
    }

    /// Seals set `id` (its files complete and synced): syncs the staging folder, renames it to
    /// `OUT.sets/ID` and syncs `OUT.sets`.
    public func seal(_ id: String) throws(ScrubIOError) {
        let staging = setsPath + "/.staging-" + id
        try FileSystem.syncDirectory(staging)
        try FileSystem.rename(staging, to: setPath(id))
        try FileSystem.syncDirectory(setsPath)
    }

    /// Removes set `id`, staged or sealed, which was never published.
    public func discard(_ id: String) {
        removeSet(at: setsPath + "/.staging-" + id)
        removeSet(at: setPath(id))
    }

    /// Points `OUT` at set `id` in one atomic step and makes the switch durable.
    ///
    /// - Returns: the set published before, to ``revert(to:)`` if a later step fails.
    @discardableResult
    public func publish(_ id: String) throws(ScrubIOError) -> Previous {
        let before = FileSystem.entryKind(path)
        let previous: Previous =
            switch before {
            case .none: .nothing
            case .symbolicLink: publishedSet().map { .set($0) } ?? .foreignLink
            case .directory: .migrated("migrated-" + id)
            case .other:
                throw ScrubIOError(
                    .cannotCreate, path: path, message: "the output path is a file, not a folder; move it away")
            }
        let link = parentPath + "/." + name + ".link-" + id
        FileSystem.remove(link)
        try FileSystem.makeSymbolicLink(link, to: Self.linkTarget(setsName: setsName, id: id))
        if case .migrated(let kept) = previous {
            // A real folder cannot be renamed over: exchange it with the link, then keep it as a set.
            do throws(ScrubIOError) {
                try FileSystem.exchange(link, path)
            } catch {
                FileSystem.remove(link)
                throw error
            }
            do throws(ScrubIOError) {
                try FileSystem.rename(link, to: setPath(kept))
            } catch {
                try? FileSystem.exchange(link, path)
                FileSystem.remove(link)
                throw error
            }
        } else {
            do throws(ScrubIOError) {
                try FileSystem.rename(link, to: path)
            } catch {
                FileSystem.remove(link)
                throw error
            }
        }
        do throws(ScrubIOError) {
            try FileSystem.syncDirectory(parentPath)
            if case .migrated = previous { try FileSystem.syncDirectory(setsPath) }
        } catch {
            _ = revert(to: previous)
            throw error
        }
        return previous
    }

    /// What `OUT` was before a switch.
    public enum Previous: Sendable, Equatable {
        /// Nothing was there.
        case nothing
        /// A link to a set of ours.
        case set(String)
        /// A link elsewhere: it is replaced, its target left untouched (and not restored by a revert).
        case foreignLink
        /// A real folder of an older version, now kept as this set.
        case migrated(String)
    }

    /// Points `OUT` back to what it was before ``publish(_:)``, when a step after the switch failed.
    /// Best effort: returns false when it could not.
    public func revert(to previous: Previous) -> Bool {
        switch previous {
        case .set(let id):
            let link = parentPath + "/." + name + ".link-revert"
            FileSystem.remove(link)
            do throws(ScrubIOError) {
                try FileSystem.makeSymbolicLink(link, to: Self.linkTarget(setsName: setsName, id: id))
                try FileSystem.rename(link, to: path)
                try FileSystem.syncDirectory(parentPath)
                return true
            } catch {
                FileSystem.remove(link)
                return false
            }
        case .nothing:
            FileSystem.remove(path)
            return (try? FileSystem.syncDirectory(parentPath)) != nil
        case .migrated(let kept):
            // Exchange back: `OUT` is the old folder again and the kept name holds the link, removed.
            guard (try? FileSystem.exchange(setPath(kept), path)) != nil else { return false }
            FileSystem.remove(setPath(kept))
            return (try? FileSystem.syncDirectory(parentPath)) != nil
        case .foreignLink:
            return false
        }
    }

    /// Replaces the status file with `bytes` atomically and durably (owner-only).
    public func writeStatus(_ bytes: [UInt8]) throws(ScrubIOError) {
        let file = try OutputFile(path: statusPath)
        try file.write(bytes)
        try file.commit()
        try FileSystem.syncDirectory(parentPath)
    }

    /// Removes the oldest sets past ``keptSets``, the published one always kept. Call it only after a
    /// successful switch.
    public func prune() {
        guard let current = publishedSet() else { return }
        let published = entries(setsPath).filter { Self.isSetID($0) && $0 <= current }.sorted()
        for id in published.dropLast(Self.keptSets) { removeSet(at: setPath(id)) }
    }

    private var name: String { URL(fileURLWithPath: path).lastPathComponent }
    private var setsName: String { name + ".sets" }

    /// The link's text: relative, so the folder can be moved or mounted elsewhere whole.
    private static func linkTarget(setsName: String, id: String) -> String { setsName + "/" + id }

    private func entries(_ folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    }

    /// Removes a set folder: its files, then the folder.
    private func removeSet(at folder: String) {
        for entry in entries(folder) { FileSystem.remove(folder + "/" + entry) }
        FileSystem.removeDirectory(folder)
    }
}
