import ScrubYAML

extension YAMLDocument {
    /// Composes a rules or holiday-calendar file, or says where it is not YAML.
    static func callingRules(yaml: String, file: String) throws(CallingRulesError) -> YAMLDocument {
        do {
            return try YAMLDocument(yaml: yaml, file: file)
        } catch {
            throw CallingRulesError(file: file, line: error.line, column: error.column, message: error.message)
        }
    }

    /// Decodes `T`, turning a decoding error into a located `CallingRulesError` that names the list
    /// entry a coding path points into (`rules[3]` -> `rule US-FL`, by its `id`) and the field.
    func decode<T: Decodable>(_ type: T.Type, listKey: String) throws(CallingRulesError) -> T {
        do {
            return try decode(type)
        } catch {
            guard let decoding = error.decoding else { throw CallingRulesError(file: file, message: error.message) }
            let path = decoding.path
            var item: String?
            var fieldPath = path[...]
            if case .key(let key)? = path.first, key == listKey, path.count >= 2, case .index(let index) = path[1] {
                let idNode = root?[listKey]?.sequence.flatMap { index < $0.count ? $0[index] : nil }
                item =
                    idNode?["id"]?.string.map { "\(listKey == "rules" ? "rule" : "calendar") \($0)" }
                    ?? "\(listKey)[\(index)]"
                fieldPath = path.dropFirst(2)
            }
            let field = fieldPath.isEmpty ? nil : YAMLPath.name(fieldPath)
            let detail = decoding.detail.isEmpty ? "" : " (\(decoding.detail))"
            throw CallingRulesError(
                file: file, line: error.line, column: error.column, item: item, field: field,
                message: "\(field == nil ? "the document" : "this field") \(decoding.problem)\(detail)")
        }
    }
}
