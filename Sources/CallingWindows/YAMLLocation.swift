internal import Yams

/// Finds the line and column of a place in a YAML document, to point errors at it.
struct YAMLLocation {
    let root: Node?

    init(yaml: String) { root = try? Yams.compose(yaml: yaml) }

    /// The mark of the node at `path` (mapping keys and sequence indices), or of its nearest parent that exists.
    func mark(_ path: [PathElement]) -> (line: Int, column: Int)? {
        var node = root
        var best = root?.mark
        for element in path {
            switch element {
            case .key(let key): node = node?.mapping?[key]
            case .index(let index):
                if let sequence = node?.sequence, index < sequence.count { node = sequence[index] } else { node = nil }
            }
            guard let found = node else { break }
            best = found.mark ?? best
        }
        return best.map { ($0.line, $0.column) }
    }

    enum PathElement {
        case key(String)
        case index(Int)
    }

    /// The path of a `DecodingError`'s coding keys.
    static func path(_ codingPath: [any CodingKey]) -> [PathElement] {
        codingPath.map { key in
            if let index = key.intValue { return .index(index) }
            return .key(key.stringValue)
        }
    }
}

/// Decodes `T` from YAML text, turning any YAML or decoding error into a located `CallingRulesError`.
/// `itemName` names the list entry a coding path points into (`rules[3]` -> its `id`).
func decodeYAML<T: Decodable>(
    _ type: T.Type, from yaml: String, file: String, location: YAMLLocation, listKey: String
) throws(CallingRulesError) -> T {
    do {
        return try YAMLDecoder().decode(type, from: yaml)
    } catch let error as DecodingError {
        let (context, what): (DecodingError.Context, String) =
            switch error {
            case .typeMismatch(_, let c): (c, "has the wrong type")
            case .valueNotFound(_, let c): (c, "is missing a value")
            case .keyNotFound(let key, let c): (c, "is missing the required field '\(key.stringValue)'")
            case .dataCorrupted(let c): (c, "is not valid")
            @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "is not valid")
            }
        let path = YAMLLocation.path(context.codingPath)
        let mark = location.mark(path)
        var item: String?
        var fieldPath = path
        if case .key(let key)? = path.first, key == listKey, path.count >= 2, case .index(let index) = path[1] {
            let idNode = location.root?.mapping?[listKey]?.sequence.flatMap { index < $0.count ? $0[index] : nil }
            item =
                idNode?.mapping?["id"]?.string.map { "\(listKey == "rules" ? "rule" : "calendar") \($0)" }
                ?? "\(listKey)[\(index)]"
            fieldPath = Array(path.dropFirst(2))
        }
        let field =
            fieldPath.isEmpty
            ? nil
            : fieldPath.map { element -> String in
                switch element {
                case .key(let key): key
                case .index(let index): "[\(index)]"
                }
            }.joined(separator: ".")
        let detail = context.debugDescription.isEmpty ? "" : " (\(context.debugDescription))"
        throw CallingRulesError(
            file: file, line: mark?.line, column: mark?.column, item: item, field: field,
            message: "\(field == nil ? "the document" : "this field") \(what)\(detail)")
    } catch let error as YamlError {
        throw CallingRulesError(file: file, message: "not valid YAML: \(error)")
    } catch {
        throw CallingRulesError(file: file, message: "cannot read: \(error)")
    }
}
