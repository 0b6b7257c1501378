public import Foundation

/// Any JSON value, as read by ``StrictJSONReader`` (or by Foundation's `JSONDecoder` inside `Codable` types).
///
/// Used where the shape of the input is not known in advance: telling an IRP envelope from a
/// GSP wrapper, or carrying the free-form `InfoDtls` of a response. Numbers are `Decimal`, so
/// `AckNo` (15 digits) and amounts survive exactly.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Reads `data` strictly: duplicate keys and anything outside RFC 8259 are refused (see ``StrictJSONReader``).
    public static func parse(_ data: Data) throws(ModelError) -> JSONValue {
        try StrictJSONReader.parse(data)
    }

    /// The member `key` of an object, or `nil` for anything else.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The text of a string, or the exact digits of a number; `nil` otherwise.
    public var text: String? {
        switch self {
        case .string(let value): value
        case .number(let value): value.description
        default: nil
        }
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A compact one-line rendering for messages (not for re-signing anything).
    public var summary: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let value): value.description
        case .string(let value): value
        case .array(let items): items.map(\.summary).joined(separator: "; ")
        case .object(let members):
            members.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.summary)" }.joined(separator: ", ")
        }
    }
}

extension JSONValue: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Decimal.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}
