import Foundation

extension SchemaNode {
    /// This node as a JSON Schema (draft 2020-12) document, keys in the schema's own order, so
    /// `Templates/schema.json` reads like the template it describes.
    public var jsonSchemaDocument: String {
        var header: [(String, String)] = [
            ("$schema", Self.quote("https://json-schema.org/draft/2020-12/schema")),
            ("$id", Self.quote("https://einvoice.local/Templates/schema.json")),
            ("title", Self.quote("einvoice print template, version \(InvoiceTemplate.supportedVersion)")),
        ]
        header += members
        return Self.object(header, indent: 0) + "\n"
    }

    private var members: [(String, String)] {
        var result: [(String, String)] = [("description", Self.quote(documentation))]
        switch self {
        case .string(_, let allowed, let format):
            result.append(("type", Self.quote("string")))
            if let allowed { result.append(("enum", "[" + allowed.map(Self.quote).joined(separator: ", ") + "]")) }
            if format == .color { result.append(("pattern", Self.quote("^#[0-9A-Fa-f]{6}$"))) }
            if format == .pngPath { result.append(("contentMediaType", Self.quote("image/png"))) }
        case .number(_, let minimum, let maximum):
            result.append(("type", Self.quote("number")))
            if let minimum { result.append(("minimum", Self.number(minimum))) }
            if let maximum { result.append(("maximum", Self.number(maximum))) }
        case .integer(_, let minimum, let maximum):
            result.append(("type", Self.quote("integer")))
            if let minimum { result.append(("minimum", String(minimum))) }
            if let maximum { result.append(("maximum", String(maximum))) }
        case .boolean:
            result.append(("type", Self.quote("boolean")))
        case .array(_, let item, let minItems):
            result.append(("type", Self.quote("array")))
            if minItems > 0 { result.append(("minItems", String(minItems))) }
            result.append(("items", item.rendered))
        case .object(_, let properties):
            result.append(("type", Self.quote("object")))
            result.append(("properties", Self.object(properties.map { ($0.name, $0.node.rendered) }, indent: 0)))
            let required = properties.filter(\.required).map(\.name)
            if !required.isEmpty { result.append(("required", "[" + required.map(Self.quote).joined(separator: ", ") + "]")) }
            result.append(("additionalProperties", "false"))
        case .map(_, let item, let keys):
            result.append(("type", Self.quote("object")))
            if let keys { result.append(("propertyNames", "{\"enum\": [" + keys.map(Self.quote).joined(separator: ", ") + "]}")) }
            result.append(("additionalProperties", item.rendered))
        case .nullable(let inner):
            return [("description", Self.quote(documentation)),
                    ("anyOf", "[" + inner.rendered + ", {\"type\": \"null\"}]")]
        }
        return result
    }

    private var rendered: String { Self.object(members, indent: 0) }

    /// Objects nest by re-indenting their rendered children.
    private static func object(_ members: [(String, String)], indent: Int) -> String {
        let lines = members.map { "  " + quote($0.0) + ": " + $0.1.replacingOccurrences(of: "\n", with: "\n  ") }
        return "{\n" + lines.joined(separator: ",\n") + "\n}"
    }

    private static func quote(_ text: String) -> String {
        // One string in an array: the encoding cannot fail.
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
