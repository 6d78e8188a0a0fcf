internal import Yams

/// One node of a ``YAMLDocument``, with its place in the file.
///
/// A thin view of Yams' node, so no other target imports Yams: mappings, sequences and scalars,
/// read the way YAML 1.1 tools read them (`true`/`yes`, `0x1F`).
package struct YAMLNode {
    let node: Node
    /// The path errors name.
    package let file: String

    init(_ node: Node, file: String) {
        self.node = node
        self.file = file
    }

    /// The 1-based line and column where the node starts, when Yams recorded them.
    package var line: Int? { node.mark?.line }
    package var column: Int? { node.mark?.column }

    /// `file:line:column`, or `file` when the node has no mark: where an error about it points.
    package var location: String {
        node.mark.map { "\(file):\($0.line):\($0.column)" } ?? file
    }

    /// A mapping's entries in document order, each key with its own node (to point at a bad key);
    /// nil when the node is not a mapping.
    package var mapping: [(key: String, keyNode: YAMLNode, value: YAMLNode)]? {
        node.mapping.map { mapping in
            mapping.map {
                (key: $0.key.string ?? "", keyNode: YAMLNode($0.key, file: file), value: YAMLNode($0.value, file: file))
            }
        }
    }

    /// The value of `key` when the node is a mapping holding it.
    package subscript(key: String) -> YAMLNode? {
        node.mapping?[key].map { YAMLNode($0, file: file) }
    }

    /// A sequence's items; nil when the node is not a sequence.
    package var sequence: [YAMLNode]? {
        node.sequence.map { $0.map { YAMLNode($0, file: file) } }
    }

    /// A scalar's text as written (no type conversion); nil when the node is not a scalar.
    package var scalar: String? { node.scalar?.string }

    /// The scalar as text, as Yams constructs a string (nil for a mapping or sequence).
    package var string: String? { node.string }

    /// The scalar as a whole number, when it is one.
    package var int: Int? { node.int }

    /// The scalar as a boolean, when it is one.
    package var bool: Bool? { node.bool }
}
