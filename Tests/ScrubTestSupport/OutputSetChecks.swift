import Foundation
import ScrubIO
import ScrubKit
import ScrubRules

/// What a reader of an output folder sees, resolved once: the set `OUT` links to and its four files.
package struct PublishedSet: Equatable {
    /// The folder `OUT` resolves to (its last component is the set id); nil when nothing is published.
    package var folder: String?
    package var files: [String: Data]

    package init(out: String) {
        let resolved = URL(fileURLWithPath: out).resolvingSymlinksInPath().path
        guard FileManager.default.fileExists(atPath: resolved) else {
            folder = nil
            files = [:]
            return
        }
        folder = resolved
        linkedID = (try? FileManager.default.destinationOfSymbolicLink(atPath: out)).map {
            URL(fileURLWithPath: $0).lastPathComponent
        }
        var files: [String: Data] = [:]
        for name in ScrubRun.outputNames {
            files[name] = FileManager.default.contents(atPath: resolved + "/" + name)
        }
        self.files = files
    }

    /// The set's id: the name of the folder `OUT` resolves to.
    package var id: String? { folder.map { URL(fileURLWithPath: $0).lastPathComponent } }
    /// The id of the set `OUT` links to; nil when `OUT` is not a link (a folder of an older version).
    package var linkedID: String?

    /// Whether the set is whole: every file, and report.json's `outputs[]` names the SHA-256 of the
    /// very clean and rejects files beside it.
    package var isWhole: Bool {
        guard ScrubRun.outputNames.allSatisfy({ files[$0] != nil }), let json = files["report.json"],
            let report = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
            let outputs = report["outputs"] as? [[String: Any]], outputs.count == 2
        else { return false }
        return zip(outputs, ["clean.csv.gz", "rejects.csv.gz"]).allSatisfy { output, name in
            (output["path"] as? String)?.hasSuffix("/" + name) == true
                && output["sha256"] as? String == Self.sha256(files[name]!)
        }
    }

    private static func sha256(_ data: Data) -> String? {
        let hashing = HashingSink(MemorySink())
        try? [UInt8](data).withUnsafeBytes { try hashing.write($0) }
        try? hashing.finish()
        return hashing.digest
    }
}

/// The files in and beside an output folder that a run must not leave behind: staging folders, link
/// files, temporary files.
package func leftovers(out: String) -> [String] {
    let fm = FileManager.default
    let parent = URL(fileURLWithPath: out).deletingLastPathComponent().path
    let name = URL(fileURLWithPath: out).lastPathComponent
    var found: [String] = []
    for entry in (try? fm.contentsOfDirectory(atPath: parent)) ?? []
    where entry.hasPrefix("." + name) || entry.contains(".partial-") {
        found.append(entry)
    }
    let sets = out + ".sets"
    for entry in (try? fm.contentsOfDirectory(atPath: sets)) ?? [] {
        if entry.hasPrefix(".") { found.append("sets/" + entry) }
        for file in (try? fm.contentsOfDirectory(atPath: sets + "/" + entry)) ?? [] where file.hasPrefix(".") {
            found.append("sets/\(entry)/\(file)")
        }
    }
    return found
}

/// The records of an audit log, oldest first.
package func auditRecords(_ path: String) -> [[String: Any]] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap {
        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
}

/// The sets kept in `OUT.sets` (the published one included).
package func keptSets(out: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: out + ".sets")) ?? []).filter { !$0.hasPrefix(".") }
        .sorted()
}
