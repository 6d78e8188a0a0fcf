/// One step from a node to a child: a mapping key or a sequence index.
package enum YAMLPath: Sendable, Equatable {
    case key(String)
    case index(Int)

    /// The steps of a `DecodingError`'s coding path.
    package static func path(_ codingPath: [any CodingKey]) -> [YAMLPath] {
        codingPath.map { key in
            if let index = key.intValue { return .index(index) }
            return .key(key.stringValue)
        }
    }

    /// Steps written as a field name: `windows.[0].start`.
    package static func name(_ path: some Collection<YAMLPath>) -> String {
        path.map { element -> String in
            switch element {
            case .key(let key): key
            case .index(let index): "[\(index)]"
            }
        }.joined(separator: ".")
    }
}
