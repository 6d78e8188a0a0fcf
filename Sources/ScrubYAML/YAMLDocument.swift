internal import Yams

/// A YAML file composed once into nodes that know their `file:line:column`: the one way the house
/// reads YAML, so every configuration error points at the place to fix.
///
/// Two styles read through it: the pipeline definition walks ``root`` node by node with a schema,
/// and the calling rules decode `Codable` definitions with ``decode(_:)`` and look up the place of
/// whatever they refuse with ``node(at:)``. Both get the same marks (Yams counts lines and columns
/// from 1), and the text is parsed once.
package struct YAMLDocument {
    /// The path errors name.
    package let file: String
    /// The document's root node; nil for an empty document.
    package let root: YAMLNode?

    /// Composes `yaml`.
    ///
    /// - Throws: ``YAMLError`` at `file` when the text is not YAML.
    package init(yaml: String, file: String) throws(YAMLError) {
        self.file = file
        do {
            root = try Yams.compose(yaml: yaml).map { YAMLNode($0, file: file) }
        } catch {
            throw YAMLError(file: file, message: "not valid YAML: \(error)")
        }
    }

    /// The node at `path` (mapping keys and sequence indices), or its nearest ancestor that exists:
    /// the best place to point at for a value that is wrong or missing there.
    package func node(at path: [YAMLPath]) -> YAMLNode? {
        var best = root
        var node = root
        for element in path {
            switch element {
            case .key(let key): node = node?[key]
            case .index(let index):
                if let sequence = node?.sequence, index < sequence.count { node = sequence[index] } else { node = nil }
            }
            guard let found = node else { break }
            if found.line != nil { best = found }
        }
        return best
    }

    /// Decodes `T` from the composed nodes (an empty document decodes as an empty scalar).
    ///
    /// - Throws: ``YAMLError`` at the node the coding path of a `DecodingError` points to (or its
    ///   nearest ancestor), with the path and the decoder's words in ``YAMLError/decoding``.
    package func decode<T: Decodable>(_ type: T.Type) throws(YAMLError) -> T {
        do {
            return try YAMLDecoder().decode(type, from: root?.node ?? Node(""))
        } catch let error as DecodingError {
            let (context, problem): (DecodingError.Context, YAMLError.Decoding.Problem) =
                switch error {
                case .typeMismatch(_, let c): (c, .wrongType)
                case .valueNotFound(_, let c): (c, .missingValue)
                case .keyNotFound(let key, let c): (c, .missingKey(key.stringValue))
                case .dataCorrupted(let c): (c, .notValid)
                @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), .notValid)
                }
            let path = YAMLPath.path(context.codingPath)
            let place = node(at: path)
            throw YAMLError(
                file: file, line: place?.line, column: place?.column,
                message: "\(path.isEmpty ? "the document" : "this field") \(problem)",
                decoding: .init(path: path, problem: problem, detail: context.debugDescription))
        } catch {
            throw YAMLError(file: file, message: "cannot read: \(error)")
        }
    }
}
