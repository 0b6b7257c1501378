public import Foundation

/// A strict RFC 8259 JSON reader that refuses what other readers accept silently, so that every
/// reader of a signed or registered document sees the same values.
///
/// Why not Foundation: `JSONSerialization` and `JSONDecoder` keep one of two duplicate keys
/// without a word (`"Status":"ACT"` then `"Status":"CNL"` reads as active, while Python,
/// JavaScript, jq and most ERPs read the last value, cancelled). No JSON package on the machine's
/// offline list reports duplicates either. This reader refuses:
/// - duplicate object keys, naming the key and the JSON Pointer of the object;
/// - anything outside RFC 8259: trailing commas, comments, single quotes, `NaN`, leading zeros,
///   raw control characters in strings, invalid UTF-8, lone UTF-16 surrogates, text after the value;
/// - nesting deeper than ``maximumDepth``, and numbers `Decimal` cannot hold exactly.
/// One UTF-8 byte-order mark before the value is skipped (RFC 8259 §8.1 allows it; Windows tools write one).
///
/// It is a single pass over the bytes with no Foundation scanner in between, and about as fast as
/// `JSONDecoder` into ``JSONValue`` (`einvoice-bench json` prints both). Other modules may reuse it
/// (the verifier's payload decoding, for one): the API is this one function and ``JSONValue``.
/// It is fuzzed by `bench/fuzz` (target `json`).
public enum StrictJSONReader {
    /// Deeper input is refused (IRP data is under 10 levels; this keeps the recursion bounded).
    public static let maximumDepth = 256
    /// More values than this in one document are refused: IRP data holds far fewer (a 1000-line
    /// invoice about 40 000, a JSON array of a month's responses a few hundred thousand), while
    /// 64 MB of `{},` is 21 million objects, which took about 1 GB of memory to hold.
    public static let maximumValues = 2_000_000

    /// Reads one JSON value from `data`.
    /// - Throws: ``ModelError`` `.duplicateKey` for a repeated key, `.notJSON` for anything else,
    ///   with the line, column and JSON Pointer in the reason.
    public static func parse(_ data: Data) throws(ModelError) -> JSONValue {
        let result: Result<JSONValue, ModelError> = data.withUnsafeBytes { buffer in
            var parser = Parser(bytes: buffer)
            do throws(Parser.Failure) {
                return .success(try parser.document())
            } catch {
                return .failure(error.modelError(in: buffer))
            }
        }
        return try result.get()
    }

    /// The JSON Pointer (RFC 6901) for a list of member names and array indices.
    public static func pointer(_ components: [String]) -> String {
        components.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }
            .joined()
    }
}

extension StrictJSONReader {
    /// The parser proper: an index into the bytes and one method per grammar rule.
    struct Parser {
        struct Failure: Error {
            var message: String
            var offset: Int
            var duplicate = false
            /// Innermost first, appended while unwinding so the success path pays nothing.
            var reversedPath: [String] = []

            func modelError(in bytes: UnsafeRawBufferPointer) -> ModelError {
                var line = 1
                var lineStart = 0
                for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0a {
                    line += 1
                    lineStart = index + 1
                }
                let path = Array(reversedPath.reversed())
                let pointer = StrictJSONReader.pointer(Array(path.prefix(12))) + (path.count > 12 ? "/…" : "")
                let place = "line \(line), column \(offset - lineStart + 1)" + (pointer.isEmpty ? "" : ", at \(pointer)")
                return ModelError(duplicate ? .duplicateKey : .notJSON, "\(message) (\(place))")
            }
        }

        let bytes: UnsafeRawBufferPointer
        var index = 0
        var depth = 0
        var values = 0

        init(bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
            if bytes.count >= 3, bytes[0] == 0xef, bytes[1] == 0xbb, bytes[2] == 0xbf { index = 3 }
        }

        mutating func document() throws(Failure) -> JSONValue {
            skipSpace()
            let value = try value()
            skipSpace()
            guard index == bytes.count else { throw fail("unexpected text after the JSON value") }
            return value
        }

        func fail(_ message: String, at offset: Int? = nil) -> Failure {
            Failure(message: message, offset: offset ?? index)
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0a, 0x0d, 0x09: index += 1
                default: return
                }
            }
        }

        mutating func value() throws(Failure) -> JSONValue {
            guard let byte = current else { throw fail("the input ends where a value should start") }
            values += 1
            guard values <= StrictJSONReader.maximumValues else {
                throw fail("more than \(StrictJSONReader.maximumValues) values in one document")
            }
            switch byte {
            case UInt8(ascii: "{"): return try object()
            case UInt8(ascii: "["): return try array()
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw fail("unexpected \(describe(byte)) where a value should start")
            }
        }

        mutating func enter() throws(Failure) {
            depth += 1
            guard depth <= StrictJSONReader.maximumDepth else {
                throw fail("nested deeper than \(StrictJSONReader.maximumDepth) levels")
            }
        }

        mutating func object() throws(Failure) -> JSONValue {
            var members: [String: JSONValue] = [:]
            guard try open(closing: UInt8(ascii: "}")) else { return .object(members) }
            repeat {
                guard current == UInt8(ascii: "\"") else { throw fail("expected a member name in double quotes") }
                let keyOffset = index
                let key = try string()
                skipSpace()
                guard current == UInt8(ascii: ":") else { throw fail("expected ':' after the member name") }
                index += 1
                skipSpace()
                let member = try element(at: key)
                if members.updateValue(member, forKey: key) != nil {
                    var failure = fail("duplicate key \"\(key)\": JSON readers disagree on which value counts",
                                       at: keyOffset)
                    failure.duplicate = true
                    throw failure
                }
            } while try next(closing: UInt8(ascii: "}"), in: "an object")
            return .object(members)
        }

        mutating func array() throws(Failure) -> JSONValue {
            var items: [JSONValue] = []
            guard try open(closing: UInt8(ascii: "]")) else { return .array(items) }
            repeat {
                items.append(try element(at: String(items.count)))
            } while try next(closing: UInt8(ascii: "]"), in: "an array")
            return .array(items)
        }

        /// Steps over `{` or `[`; `false` if the container is empty (and then already closed).
        mutating func open(closing: UInt8) throws(Failure) -> Bool {
            try enter()
            index += 1
            skipSpace()
            guard current == closing else { return true }
            index += 1
            depth -= 1
            return false
        }

        /// After an element: `true` at a comma (another element follows), `false` at the closing bracket.
        mutating func next(closing: UInt8, in container: String) throws(Failure) -> Bool {
            skipSpace()
            switch current {
            case UInt8(ascii: ","):
                index += 1
                skipSpace()
                return true
            case closing:
                index += 1
                depth -= 1
                return false
            default:
                throw fail("expected ',' or '\(Character(Unicode.Scalar(closing)))' in \(container)")
            }
        }

        /// A member or item; a failure inside it learns its place in the path on the way out.
        mutating func element(at component: @autoclosure () -> String) throws(Failure) -> JSONValue {
            do throws(Failure) {
                return try value()
            } catch {
                var failure = error
                failure.reversedPath.append(component())
                throw failure
            }
        }

        mutating func literal(_ word: StaticString) throws(Failure) {
            let start = index
            for expected in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
                guard current == expected else {
                    throw fail("unexpected \(describe(bytes[start])) where a value should start", at: start)
                }
                index += 1
            }
        }

        func describe(_ byte: UInt8) -> String {
            (0x21..<0x7f).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        }
    }
}
