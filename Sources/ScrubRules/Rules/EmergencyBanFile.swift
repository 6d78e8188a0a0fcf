import CallingWindows
import Foundation
import ScrubYAML

/// Reads the operator's emergencies file (`emergencies: FILE` in a pipeline), every mistake reported
/// as `file:line:column`:
///
/// ```yaml
/// version: 1
/// emergencies:
///   - id: NY-EO-2026-01
///     name: New York State disaster emergency (Executive Order 26)
///     jurisdiction: US-NY
///     area: {counties: [Erie, Niagara], zips: ["14201", "14301"]}   # or `all`, or {zips: [...]}
///     start: "2026-01-10"
///     end: "2026-02-08"        # the last day of the ban; leave it out while the order stands
///     citation: N.Y. Gen. Bus. Law 399-z(5-a); Executive Order 26
/// ```
public enum EmergencyBanFile {
    public static let version = 1

    public static func load(path: String) throws(PipelineError) -> [EmergencyBan] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError(.missingInput, "cannot read the emergencies file", at: path)
        }
        return try parse(yaml: String(decoding: data, as: UTF8.self), file: path)
    }

    public static func parse(yaml: String, file: String) throws(PipelineError) -> [EmergencyBan] {
        let document: YAMLDocument
        do {
            document = try YAMLDocument(yaml: yaml, file: file)
        } catch {
            throw PipelineError(.configuration, error.message, at: error.location)
        }
        guard let root = document.root, let top = root.mapping else {
            throw PipelineError(
                .configuration, "the emergencies file must be a mapping with `version` and `emergencies`", at: file)
        }
        for entry in top where !["version", "emergencies"].contains(entry.key) {
            throw PipelineError(
                .configuration, "unknown key `\(entry.key)`; expected version, emergencies", at: entry.keyNode.location)
        }
        guard let version = root["version"] else {
            throw PipelineError(
                .configuration, "missing `version` (this scrub reads version \(Self.version))", at: file)
        }
        guard version.int == Self.version else {
            throw PipelineError(
                .configuration,
                "emergencies version \(version.scalar ?? "?") is not supported; this scrub reads "
                    + "version \(Self.version)", at: version.location)
        }
        // An empty file (`emergencies: []`, or the key with no value) is the shipped state: no bans.
        guard let list = root["emergencies"], list.scalar == nil || !(list.scalar ?? "").isEmpty else { return [] }
        guard let items = list.sequence else {
            throw PipelineError(.configuration, "`emergencies` must be a list", at: list.location)
        }
        var bans: [EmergencyBan] = []
        var seen: Set<String> = []
        for item in items {
            let ban = try parse(item)
            guard seen.insert(ban.id).inserted else {
                throw PipelineError(
                    .configuration, "emergency id `\(ban.id)` is used twice; ids must be unique",
                    at: item["id"]?.location ?? item.location)
            }
            bans.append(ban)
        }
        return bans
    }

    private static let keys = ["id", "name", "jurisdiction", "area", "start", "end", "citation"]

    private static func parse(_ node: YAMLNode) throws(PipelineError) -> EmergencyBan {
        guard let mapping = node.mapping else {
            throw PipelineError(
                .configuration, "an emergency must be a mapping of \(keys.joined(separator: ", "))", at: node.location)
        }
        for entry in mapping where !keys.contains(entry.key) {
            throw PipelineError(
                .configuration,
                "unknown key `\(entry.key)` in an emergency; expected one of: "
                    + keys.joined(separator: ", "), at: entry.keyNode.location)
        }
        func text(_ key: String) throws(PipelineError) -> (String, YAMLNode) {
            guard let value = node[key] else {
                throw PipelineError(.configuration, "an emergency needs `\(key)`", at: node.location)
            }
            guard let scalar = value.scalar, !scalar.isEmpty else {
                throw PipelineError(.configuration, "`\(key)` must be a single, non-empty value", at: value.location)
            }
            return (scalar, value)
        }
        func date(_ key: String) throws(PipelineError) -> LocalDate {
            let (value, place) = try text(key)
            guard let date = LocalDate(value) else {
                throw PipelineError(.configuration, "`\(key)` `\(value)` is not a YYYY-MM-DD date", at: place.location)
            }
            return date
        }
        let (id, _) = try text("id")
        let (name, _) = try text("name")
        let (citation, _) = try text("citation")
        let (place, placeNode) = try text("jurisdiction")
        guard let jurisdiction = Jurisdiction(place), jurisdiction != .everywhere else {
            throw PipelineError(
                .configuration, "`\(place)` is not a country (US) or subdivision (US-NY)", at: placeNode.location)
        }
        let start = try date("start")
        let end = node["end"] == nil ? nil : try date("end")
        if let end, end < start {
            throw PipelineError(
                .configuration, "the end (\(end), the ban's last day) is before its start (\(start))",
                at: node["end"]!.location)
        }
        let area = try self.area(node["area"], at: node)
        if case .all = area {
        } else if jurisdiction.subdivision == nil {
            throw PipelineError(
                .configuration, "counties and ZIP codes need a state jurisdiction (US-NY), not \(jurisdiction)",
                at: node["area"]!.location)
        }
        return EmergencyBan(
            id: id, name: name, jurisdiction: jurisdiction, area: area, start: start, end: end, citation: citation)
    }

    private static func area(_ node: YAMLNode?, at parent: YAMLNode) throws(PipelineError) -> EmergencyBan.Area {
        guard let node else {
            throw PipelineError(
                .configuration, "an emergency needs `area`: all, {counties: [...]} or {zips: [...]}",
                at: parent.location)
        }
        if let scalar = node.scalar {
            guard scalar == "all" else {
                throw PipelineError(
                    .configuration, "`area` must be all, {counties: [...]} or {zips: [...]}, not `\(scalar)`",
                    at: node.location)
            }
            return .all
        }
        guard let mapping = node.mapping else {
            throw PipelineError(
                .configuration, "`area` must be all, {counties: [...]} or {zips: [...]}", at: node.location)
        }
        var counties: [String]?
        var zips: Set<String>?
        for entry in mapping {
            guard let items = entry.value.sequence, !items.isEmpty else {
                throw PipelineError(.configuration, "`\(entry.key)` must be a non-empty list", at: entry.value.location)
            }
            switch entry.key {
            case "counties":
                var names: [String] = []
                for item in items {
                    guard let name = item.scalar, !name.isEmpty else {
                        throw PipelineError(.configuration, "a county must be a name", at: item.location)
                    }
                    names.append(name)
                }
                counties = names
            case "zips":
                var codes: Set<String> = []
                for item in items {
                    guard let code = item.scalar, code.utf8.count == 5,
                        code.utf8.allSatisfy({ (0x30...0x39).contains($0) })
                    else {
                        throw PipelineError(
                            .configuration,
                            "`\(item.scalar ?? "?")` is not a five-digit ZIP code (quote it: \"01001\")",
                            at: item.location)
                    }
                    codes.insert(code)
                }
                zips = codes
            default:
                throw PipelineError(
                    .configuration, "unknown key `\(entry.key)` in `area`; expected counties, zips",
                    at: entry.keyNode.location)
            }
        }
        if let counties { return .counties(counties, zips: zips ?? []) }
        if let zips { return .zips(zips) }
        throw PipelineError(.configuration, "`area` names no counties and no ZIP codes", at: node.location)
    }
}
