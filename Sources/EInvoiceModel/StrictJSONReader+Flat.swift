/// The verifier's fast path: a JSON object of scalar members (`{"data":"…","iss":"NIC"}`, a
/// `SignedQRCode`'s data), read with this reader's own string and number rules.
///
/// Why: `JSONDecoder` cost about as much as the RSA check per QR token, twice over (the payload,
/// then its `data`). This entry point accepts only what ``StrictJSONReader/parse(_:)`` accepts,
/// and of that only a flat object without a byte-order mark; anything else (a nested value, a
/// duplicate key, a key that is not plain ASCII, any error) is `nil`, and the caller decodes the bytes as before, so a fast read
/// never changes what a token is found to say. Members are kept in a list: a handful of keys, so
/// a linear search beats hashing.
package struct FlatJSONObject: Sendable {
    /// A member's value; a number keeps its exact text (checked by the strict number rule).
    package enum Value: Sendable, Equatable {
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    package private(set) var members: [(key: String, value: Value)] = []

    package subscript(key: String) -> Value? {
        members.first { Self.same($0.key, key) }?.value
    }

    /// Key equality with the lengths compared first: keys of a QR differ in length more often than
    /// not, and `==` on two different strings goes through the standard library's slow comparison.
    /// Exact because every key read is ASCII (the initialiser steps aside at any other key): `==` is
    /// canonical equivalence, under which a non-ASCII key of another length (U+212A, the Kelvin
    /// sign) can equal an ASCII one.
    private static func same(_ one: String, _ other: String) -> Bool {
        one.utf8.count == other.utf8.count && one == other
    }

    /// Reads `bytes`, or returns `nil` when they are not a strict, flat object (see the type's doc).
    package init?(_ bytes: UnsafeRawBufferPointer) {
        guard !(bytes.count >= 3 && bytes[0] == 0xef && bytes[1] == 0xbb && bytes[2] == 0xbf) else { return nil }
        var parser = StrictJSONReader.Parser(bytes: bytes)
        do throws(StrictJSONReader.Parser.Failure) {
            parser.skipSpace()
            guard parser.current == UInt8(ascii: "{") else { return nil }
            guard try parser.open(closing: UInt8(ascii: "}")) else {
                parser.skipSpace()
                guard parser.index == bytes.count else { return nil }
                return
            }
            // Room for a signed QR's data (a dozen members) at once: grown from empty, the array was
            // reallocated four times per token.
            members.reserveCapacity(16)
            repeat {
                guard parser.current == UInt8(ascii: "\"") else { return nil }
                guard let key = parser.plainASCIIKey() else { return nil }
                parser.skipSpace()
                guard parser.current == UInt8(ascii: ":") else { return nil }
                parser.index += 1
                parser.skipSpace()
                guard let value = try parser.flatScalar(), !members.contains(where: { Self.same($0.key, key) }) else { return nil }
                members.append((key, value))
            } while try parser.next(closing: UInt8(ascii: "}"), in: "an object")
            parser.skipSpace()
            guard parser.index == bytes.count else { return nil }
        } catch {
            return nil
        }
    }

    /// Reads the UTF-8 bytes of `text`, as the initialiser over bytes does.
    package init?(_ text: String) {
        var text = text
        guard let object = text.withUTF8({ Self(UnsafeRawBufferPointer($0)) }) else { return nil }
        self = object
    }
}

extension StrictJSONReader.Parser {
    /// A key at `index` (on its opening quote) when it is printable ASCII without escapes, as every
    /// key of an IRP token is; `nil` for any other string, which the flat reader leaves to others.
    mutating func plainASCIIKey() -> String? {
        var end = index + 1
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                let key = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self)
                index = end + 1
                return key
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
            end += 1
        }
        return nil
    }

    /// A scalar at `index`, by the reader's rules; `nil` at an object or array (not flat).
    mutating func flatScalar() throws(Failure) -> FlatJSONObject.Value? {
        guard let byte = current else { return nil }
        switch byte {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            _ = try number()
            return .number(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        case UInt8(ascii: "{"), UInt8(ascii: "["): return nil
        default:
            switch try value() {
            case .bool(let flag): return .bool(flag)
            case .null: return .null
            default: return nil
            }
        }
    }
}
