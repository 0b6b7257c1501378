public import EInvoiceModel
public import Foundation

/// Per-invoice facts the IRP does not carry (PO number and date, due date, vehicle, transporter,
/// notes), from a side-car JSON or `--field KEY=VALUE`.
///
/// They are not signed, so layout prints them in their own details block and never inside the
/// e-invoice panel, where a reader would take them for signed data.
public struct InvoiceExtras: Sendable, Hashable {
    /// The keys, in printed order.
    public static let keys: [LabelKey] = [.poNumber, .poDate, .dueDate, .vehicle, .transporter, .notes]

    public struct Mistake: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public private(set) var values: [LabelKey: String] = [:]

    public init() {}

    public var isEmpty: Bool { values.isEmpty }

    /// Key/value pairs in printed order.
    public var entries: [(key: LabelKey, value: String)] {
        Self.keys.compactMap { key in values[key].map { (key, $0) } }
    }

    /// Sets `key` (one of ``keys``, by its name); an empty value removes it.
    public mutating func set(_ key: String, _ value: String) throws(Mistake) {
        guard let known = LabelKey(rawValue: key), Self.keys.contains(known) else {
            throw Mistake(description: "unknown field \"\(key)\"; expected one of " + Self.keys.map(\.rawValue).joined(separator: ", "))
        }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= 500 else { throw Mistake(description: "field \(key) is longer than 500 characters") }
        values[known] = trimmed.isEmpty ? nil : trimmed
    }

    /// `KEY=VALUE`, as `--field` takes it.
    public mutating func set(assignment: String) throws(Mistake) {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw Mistake(description: "--field \(assignment): expected KEY=VALUE, e.g. poNumber=PO-4471")
        }
        try set(String(assignment[..<equals]), String(assignment[assignment.index(after: equals)...]))
    }

    /// A side-car file: a JSON object of strings by key, e.g. `{"poNumber": "PO-4471"}`.
    public init(sideCar data: Data, name: String) throws(Mistake) {
        let parsed: JSONValue
        do {
            parsed = try JSONValue.parse(data)
        } catch {
            throw Mistake(description: "\(name): not JSON (\(error.reason)); expected an object of fields, e.g. {\"poNumber\": \"PO-4471\"}")
        }
        guard case .object(let members) = parsed else {
            throw Mistake(description: "\(name): expected a JSON object of fields, e.g. {\"poNumber\": \"PO-4471\"}")
        }
        for (key, value) in members.sorted(by: { $0.key < $1.key }) {
            guard case .string(let text) = value else {
                throw Mistake(description: "\(name): \(key): expected a string, found \(value.summary)")
            }
            do {
                try set(key, text)
            } catch {
                throw Mistake(description: "\(name): \(error.description)")
            }
        }
    }

    /// Fields of `other` replace these (the command line wins over the side-car).
    public func merging(_ other: InvoiceExtras) -> InvoiceExtras {
        var result = self
        result.values.merge(other.values) { $1 }
        return result
    }

    /// The side-car of `responsePath`: `NAME.extras.json` beside `NAME.json`.
    public static func sideCarPath(for responsePath: String) -> String {
        let url = URL(fileURLWithPath: responsePath)
        return url.deletingPathExtension().path + ".extras.json"
    }
}
