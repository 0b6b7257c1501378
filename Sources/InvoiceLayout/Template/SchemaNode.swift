/// A small JSON Schema subset, as Swift values: what a template key may hold, and why.
///
/// One description serves three readers: ``TemplateValidator`` checks files against it (naming
/// the key path and what was expected), ``SchemaNode/jsonSchema`` writes `Templates/schema.json`
/// for editors, and `einvoice templates show` documents keys from it.
public indirect enum SchemaNode: Sendable {
    case string(String, allowed: [String]? = nil, format: StringFormat? = nil)
    case number(String, minimum: Double? = nil, maximum: Double? = nil)
    case integer(String, minimum: Int? = nil, maximum: Int? = nil)
    case boolean(String)
    case array(String, of: SchemaNode, minItems: Int = 0)
    /// Properties in display order; `required` keys must be present (and not null).
    case object(String, [Property])
    /// An object whose keys are free (or limited to `keys`), every value of one kind.
    case map(String, of: SchemaNode, keys: [String]? = nil)
    /// The value may also be `null` (meaning "not set").
    case nullable(SchemaNode)

    public enum StringFormat: Sendable {
        /// `#RRGGBB`.
        case color
        /// A PNG file, relative to the template.
        case pngPath
    }

    public struct Property: Sendable {
        public var name: String
        public var node: SchemaNode
        public var required: Bool
        public init(_ name: String, _ node: SchemaNode, required: Bool = true) {
            self.name = name
            self.node = node
            self.required = required
        }
    }

    public var documentation: String {
        switch self {
        case .string(let doc, _, _), .number(let doc, _, _), .integer(let doc, _, _), .boolean(let doc),
             .array(let doc, _, _), .object(let doc, _), .map(let doc, _, _):
            doc
        case .nullable(let node): node.documentation
        }
    }

    /// What a value here must be, in words, for error messages.
    public var expectation: String {
        switch self {
        case .string(_, let allowed?, _): "one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
        case .string(_, _, .color?): "a colour as \"#RRGGBB\""
        case .string(_, _, .pngPath?): "the path of a PNG file, relative to the template"
        case .string: "a string"
        case .number(_, let minimum, let maximum): "a number" + Self.range(minimum, maximum)
        case .integer(_, let minimum, let maximum): "a whole number" + Self.range(minimum.map(Double.init), maximum.map(Double.init))
        case .boolean: "true or false"
        case .array(_, let item, _): "a list of " + item.expectation
        case .object(_, let properties): "an object with keys " + properties.map(\.name).joined(separator: ", ")
        case .map(_, let item, _): "an object whose values are " + item.expectation
        case .nullable(let node): node.expectation + ", or null"
        }
    }

    private static func range(_ minimum: Double?, _ maximum: Double?) -> String {
        func text(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
        switch (minimum, maximum) {
        case let (low?, high?): return " from \(text(low)) to \(text(high))"
        case let (low?, nil): return " of at least \(text(low))"
        case let (nil, high?): return " of at most \(text(high))"
        default: return ""
        }
    }
}
