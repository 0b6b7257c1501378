import EInvoiceModel
import Foundation

/// Version 1 → 2 in memory, so a desk's old template keeps printing.
///
/// Version 1 had `letterhead {logo, logoHeightMM, tagline}` and no fonts; version 2 puts the
/// letterhead in `company` and names the font families.
enum TemplateMigration {
    static func fromVersion1(_ members: [String: JSONValue]) -> [String: JSONValue] {
        var result = members
        result["version"] = .number(2)
        if case .object(let letterhead)? = result.removeValue(forKey: "letterhead") {
            result["company"] = .object(letterhead.filter { ["logo", "logoHeightMM", "tagline"].contains($0.key) })
        }
        // Version 1's signature-box statement is gone: the IRP's signature is stated in the e-invoice panel.
        if case .object(var labels)? = result["labels"] {
            labels["digitallySigned"] = nil
            result["labels"] = .object(labels)
        }
        if result["fonts"] == nil {
            let fonts = InvoiceTemplate.Fonts.bundled
            result["fonts"] = .object(["text": .string(fonts.text), "identifiers": .string(fonts.identifiers)])
        }
        return result
    }

    /// Serialises a parsed value again (for the decoder, and `templates show`).
    static func data(_ value: JSONValue) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(Encoded(value))
    }

    private struct Encoded: Encodable {
        let value: JSONValue
        init(_ value: JSONValue) { self.value = value }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch value {
            case .null: try container.encodeNil()
            case .bool(let flag): try container.encode(flag)
            case .number(let number): try container.encode(number)
            case .string(let text): try container.encode(text)
            case .array(let items): try container.encode(items.map(Encoded.init))
            case .object(let members): try container.encode(members.mapValues(Encoded.init))
            }
        }
    }
}
