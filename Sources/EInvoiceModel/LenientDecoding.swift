public import Foundation

/// Lenient readers for IRP JSON.
///
/// The IRP re-emits numbers as it likes (`"SlNo": "1"` in one token, `1` in another; `Pin` as a
/// number, `Stcd` as a string) and 2020-era tokens use older names. A field of the wrong JSON type
/// is read through its text rather than failing the whole invoice; a field that is absent is `nil`.
extension KeyedDecodingContainer {
    /// A string, or the exact text of a number.
    public func text(_ key: Key) -> String? {
        if let value = try? decodeIfPresent(String.self, forKey: key) { return value }
        if let value = try? decodeIfPresent(Decimal.self, forKey: key) { return value.description }
        return nil
    }

    /// A number, or a string holding a plain decimal number (never through `Double`).
    public func decimal(_ key: Key) -> Decimal? {
        if let value = try? decodeIfPresent(Decimal.self, forKey: key) { return value }
        if let text = try? decodeIfPresent(String.self, forKey: key) { return Decimal.exact(text) }
        return nil
    }

    /// A whole number that fits in `Int`.
    public func integer(_ key: Key) -> Int? {
        if let value = try? decodeIfPresent(Int.self, forKey: key) { return value }
        return text(key).flatMap { Int($0) }
    }

    /// A nested object, or `nil` when absent or of another shape.
    public func object<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
        (try? decodeIfPresent(T.self, forKey: key)) ?? nil
    }

    /// A list of objects; entries that cannot be read are dropped, a missing list is empty.
    public func list<T: Decodable>(_ type: T.Type, _ key: Key) -> [T] {
        guard var items = try? nestedUnkeyedContainer(forKey: key) else { return [] }
        var result: [T] = []
        while !items.isAtEnd {
            if let item = try? items.decode(T.self) {
                result.append(item)
            } else if (try? items.decode(JSONValue.self)) == nil {
                break
            }
        }
        return result
    }
}

/// Coding keys for any JSON member name, so lenient readers can ask for alternatives.
public struct AnyKey: CodingKey, Hashable, Sendable, ExpressibleByStringLiteral {
    public let stringValue: String
    public var intValue: Int? { nil }
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
    public init(stringLiteral value: String) { self.stringValue = value }
}

extension Decimal {
    /// Parses a plain decimal literal (`-12.50`, `1e3` is refused) exactly, or returns `nil`.
    ///
    /// `Decimal(string:)` accepts trailing junk ("12abc" → 12); money must not.
    public static func exact(_ text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var digits = 0
        var dots = 0
        for (index, scalar) in trimmed.unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9": digits += 1
            case ".": dots += 1
            case "-" where index == 0, "+" where index == 0: continue
            default: return nil
            }
        }
        guard digits > 0, dots <= 1 else { return nil }
        return Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX"))
    }
}
