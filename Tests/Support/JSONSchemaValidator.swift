import Foundation

/// Validates JSON against the subset of JSON Schema (2020-12) that docs/report.schema.json
/// uses: type, const, enum, required, properties, additionalProperties, items, minItems,
/// minimum, pattern, oneOf, and `$ref` to the schema's own `$defs`. Returns every violation
/// with its JSON path. Shared by the report tests and the server tests.
public struct JSONSchemaValidator: @unchecked Sendable {
    public let schema: [String: Any]

    public init(schema: [String: Any]) { self.schema = schema }

    public func validate(_ value: Any) -> [String] {
        var errors: [String] = []
        check(value, schema, "$", &errors)
        return errors
    }

    private func check(_ value: Any, _ schema: [String: Any], _ path: String, _ errors: inout [String]) {
        if let ref = schema["$ref"] as? String {
            let name = ref.replacingOccurrences(of: "#/$defs/", with: "")
            guard ref.hasPrefix("#/$defs/"), let target = (self.schema["$defs"] as? [String: Any])?[name] as? [String: Any] else {
                errors.append("\(path): cannot resolve \(ref)")
                return
            }
            check(value, target, path, &errors)
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let results = options.map { option -> [String] in
                var e: [String] = []
                check(value, option, path, &e)
                return e
            }
            let matching = results.filter(\.isEmpty).count
            if matching != 1 {
                errors.append("\(path): matches \(matching) of the \(options.count) alternatives (oneOf)")
                // Say why, from the alternatives of the right type.
                if matching == 0 {
                    for r in results where r != ["\(path): expected object"] && r != ["\(path): expected array"] { errors.append(contentsOf: r) }
                }
            }
        }
        if let c = schema["const"], !equal(value, c) { errors.append("\(path): expected \(c)") }
        if let options = schema["enum"] as? [Any], !options.contains(where: { equal(value, $0) }) {
            errors.append("\(path): \(value) is not one of \(options)")
        }
        if let type = schema["type"] as? String, !hasType(value, type) {
            errors.append("\(path): expected \(type)")
            return
        }
        if let object = value as? [String: Any] {
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
                errors.append("\(path): missing \(key)")
            }
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            for (key, v) in object {
                if let sub = properties[key] as? [String: Any] {
                    check(v, sub, "\(path).\(key)", &errors)
                } else if let additional = schema["additionalProperties"] as? Bool, !additional {
                    errors.append("\(path): unexpected key \(key)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    check(v, additional, "\(path).\(key)", &errors)
                }
            }
        }
        if let array = value as? [Any] {
            if let min = schema["minItems"] as? Int, array.count < min { errors.append("\(path): fewer than \(min) items") }
            if let items = schema["items"] as? [String: Any] {
                for (i, v) in array.enumerated() { check(v, items, "\(path)[\(i)]", &errors) }
            }
        }
        if let n = value as? NSNumber, let min = schema["minimum"] as? NSNumber, n.doubleValue < min.doubleValue {
            errors.append("\(path): \(n) is below \(min)")
        }
        if let s = value as? String, let pattern = schema["pattern"] as? String,
           s.range(of: pattern, options: .regularExpression) == nil {
            errors.append("\(path): “\(s)” does not match \(pattern)")
        }
    }

    private func hasType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "integer":
            // (Foundation on Linux bridges 0 and 1 to Bool as well; the schema has no booleans.)
            guard let n = value as? NSNumber else { return false }
            return n.doubleValue == n.doubleValue.rounded()
        case "number": return value is NSNumber
        case "boolean": return value is Bool
        default: return true
        }
    }

    private func equal(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = a as? NSNumber, let y = b as? NSNumber { return x == y }
        return false
    }
}
