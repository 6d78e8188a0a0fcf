import Foundation

/// A request body read strictly: one JSON object, only the fields a route names, each of its type.
///
/// Every refusal is a 400 naming the field (`numbers[3].number`), so a client sees what to fix;
/// nothing a client sends can make the server fail.
struct JSONBody {
    /// The object's fields.
    let fields: [String: Any]
    /// Where the object is in the body, for messages: empty for the body itself, `numbers[3]` for an item.
    let path: String

    /// Reads `bytes` as one JSON object.
    init(_ bytes: [UInt8]) throws(ServeError) {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw .badRequest("the body is not valid JSON", field: "body")
        }
        guard let object = value as? [String: Any] else {
            throw .badRequest("the body must be a JSON object", field: "body")
        }
        self.init(fields: object, path: "")
    }

    init(fields: [String: Any], path: String) {
        self.fields = fields
        self.path = path
    }

    /// The field's name as messages give it.
    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Refuses a field not in `allowed`, naming the first one (in sorted order, so the answer is stable).
    func allowOnly(_ allowed: Set<String>) throws(ServeError) {
        if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw .badRequest(
                "unknown field; expected only: \(allowed.sorted().joined(separator: ", "))", field: name(unknown))
        }
    }

    /// A string field; nil when absent or null.
    func string(_ key: String) throws(ServeError) -> String? {
        guard let value = fields[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw .badRequest("must be a string", field: name(key)) }
        return text
    }

    /// A string field that must be there and not blank.
    func requiredString(_ key: String) throws(ServeError) -> String {
        guard let text = try string(key) else { throw .badRequest("is required", field: name(key)) }
        guard !text.allSatisfy(\.isWhitespace) else { throw .badRequest("must not be blank", field: name(key)) }
        return text
    }

    /// A boolean field; nil when absent or null. `1` and `"true"` are not booleans.
    func bool(_ key: String) throws(ServeError) -> Bool? {
        guard let value = fields[key], !(value is NSNull) else { return nil }
        // Foundation reads JSON numbers and booleans both as NSNumber; a boolean's type code is `c`.
        guard let number = value as? NSNumber, String(cString: number.objCType) == "c" else {
            throw .badRequest("must be true or false", field: name(key))
        }
        return number.boolValue
    }

    /// An array field; nil when absent or null.
    func array(_ key: String) throws(ServeError) -> [Any]? {
        guard let value = fields[key], !(value is NSNull) else { return nil }
        guard let items = value as? [Any] else { throw .badRequest("must be an array", field: name(key)) }
        return items
    }

}
