/// A GST identification number, kept exactly as written.
///
/// Validation is separate from construction: sandbox tokens carry test GSTINs whose check
/// character is wrong (DOMAIN.md §6), and a verifier must still read them, and warn.
public struct GSTIN: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) { self.value = value }

    public var description: String { value }

    /// `URP` stands for an unregistered person (exports, B2C) and has no check character.
    public var isUnregistered: Bool { value == "URP" }

    /// The two-digit state code at the front, when present.
    public var stateCode: String? {
        let prefix = value.prefix(2)
        return prefix.count == 2 && prefix.allSatisfy(\.isASCIIDigit) ? String(prefix) : nil
    }

    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)

    /// The check character the first 14 characters call for (mod-36, weights 1, 2, 1, 2, …).
    ///
    /// Returns `nil` when the value is not 15 characters of `0-9A-Z`.
    public var expectedCheckCharacter: Character? {
        // Over the string's own UTF-8 buffer: generic steps through the UTF-8 view cost more than
        // the arithmetic, and every verified token checks two GSTINs.
        var value = value
        let sum = value.withUTF8 { bytes -> Int? in
            guard bytes.count == 15 else { return nil }
            var sum = 0
            for index in 0..<14 {
                let byte = bytes[index]
                let digit: Int
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = Int(byte - UInt8(ascii: "A")) + 10
                default: return nil
                }
                let product = digit * (index % 2 == 0 ? 1 : 2)
                sum += product / 36 + product % 36
            }
            return sum
        }
        guard let sum else { return nil }
        return Character(Unicode.Scalar(Self.alphabet[(36 - sum % 36) % 36]))
    }

    /// What is wrong with this GSTIN, or `nil` if it is well formed with a correct check character.
    public var problem: String? { problem(prefix: "") }

    /// ``problem`` after `prefix` (`"seller "`), made as one string rather than a message and then a
    /// copy of it with the prefix: sandbox tokens carry two such warnings each.
    public func problem(prefix: String) -> String? {
        if isUnregistered { return nil }
        guard value.utf8.count == 15 else { return "\(prefix)GSTIN \(value) has \(value.count) characters, not 15" }
        guard let expected = expectedCheckCharacter else {
            return "\(prefix)GSTIN \(value) contains characters other than 0-9 and A-Z"
        }
        // Fifteen bytes of 0-9 and A-Z by now: the state code is two digit bytes (no `Character` walk).
        let bytes = value.utf8
        guard bytes.prefix(2).allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return "\(prefix)GSTIN \(value) does not start with a two-digit state code"
        }
        if value.utf8.last != expected.asciiValue {
            // Appended, not interpolated: interpolating the `Character` took its generic text-stream path.
            var message = prefix
            message.reserveCapacity(prefix.utf8.count + 96)
            message += "GSTIN "
            message += value
            message += " fails its check digit (expected "
            message.append(expected)
            message += "); normal for NIC sandbox test GSTINs"
            return message
        }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
