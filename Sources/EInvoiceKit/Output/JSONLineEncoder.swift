import Foundation

/// Encodes any `Encodable` as one line of JSON, byte for byte as `JSONEncoder` does with
/// `[.sortedKeys, .withoutEscapingSlashes]`, at a fraction of its cost.
///
/// Why: `verify --json` writes one report line per token, and `JSONEncoder` (a new encoder, a
/// boxed value tree, a sort per object) cost more than the token's RSA check. This
/// encoder builds a small tree of members and writes it in one pass. What it cannot spell exactly
/// as `JSONEncoder` does is left to `JSONEncoder`: scalars it formats in its own way (floating
/// point, `Decimal`, `Date`, `Data`, `URL`) one by one, and the whole value when a key is not
/// ASCII (where its sort may follow Unicode rules of its own). Reports hold
/// neither on the hot path. Tests compare both encoders on every report shape and on awkward values.
public enum JSONLineEncoder {
    /// One line of JSON for `value`, without the trailing newline.
    public static func line(_ value: some Encodable) throws -> String {
        let encoder = TreeEncoder()
        try value.encode(to: encoder)
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        guard write(encoder.node ?? .object(ObjectNode()), to: &out) else { return try foundationFragment(value) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes `node`; `false` (output abandoned) at a key this encoder does not sort itself.
    static func write(_ node: Node, to out: inout [UInt8]) -> Bool {
        switch node {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .raw(let text): out.append(contentsOf: text.utf8)
        case .string(let text): writeString(text, to: &out)
        case .array(let array):
            out.append(UInt8(ascii: "["))
            for (index, item) in array.items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                guard write(item, to: &out) else { return false }
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            guard object.members.allSatisfy({ isPlain($0.key) }) else { return false }
            out.append(UInt8(ascii: "{"))
            // Swift's sort is stable: of a key set twice, the later value is the last of its run.
            let members = object.members.sorted { keyPrecedes($0.key, $1.key) }
            var first = true
            for (index, member) in members.enumerated() {
                if index + 1 < members.count, members[index + 1].key == member.key { continue }
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                writeString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                guard write(member.value, to: &out) else { return false }
            }
            out.append(UInt8(ascii: "}"))
        }
        return true
    }

    /// A JSON string as `JSONEncoder` escapes it: `"` and `\`, the short escapes for control
    /// characters that have one, `\u00XX` for the others; everything else (slashes, non-ASCII) as is.
    static func writeString<Sink: JSONByteSink>(_ text: String, to out: inout Sink) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape at all: copy them whole, from the string's own UTF-8 buffer,
        // borrowed (`var text = text` then `withUTF8` retained and released every string written).
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard !needsEscape(UnsafeRawBufferPointer(bytes)) else { return false }
            out.append(UnsafeRawBufferPointer(bytes))
            return true
        }
        if copied == true {
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
            case 0x0a: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0d: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
            case 0x0c: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
            case 0..<0x20:
                for escape in "\\u00".utf8 { out.append(escape) }
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0f)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The most bytes ``writeString(_:to:)`` writes for `text`: every byte a six-byte `\u00XX`, and quotes.
    static func maximumStringLength(_ text: String) -> Int { text.utf8.count * 6 + 2 }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Whether any byte is a control character, `"` or `\\`, eight bytes at a time (SWAR: a
    /// byte-by-byte test was most of writing a `verify --json` line, whose strings need no escape).
    static func needsEscape(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        /// Whether some byte of `word` is zero: the classic `(w - 0x01…) & ~w & 0x80…` test.
        func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            // A byte below 0x20 has none of the bits 0x20, 0x40, 0x80: mask those and look for zero.
            if hasZeroByte(word & (0xe0 &* ones)) || hasZeroByte(word ^ (0x22 &* ones)) || hasZeroByte(word ^ (0x5c &* ones)) {
                return true
            }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            index += 1
        }
        return false
    }

    /// ASCII keys: all of the reports' own.
    static func isPlain(_ key: String) -> Bool {
        key.utf8.allSatisfy { $0 < 0x80 }
    }

    /// The order `.sortedKeys` gives ASCII keys on this platform: byte order (upper case before
    /// lower, `item10` before `item9`). The tests hold it to `JSONEncoder`'s own output.
    static func keyPrecedes(_ a: String, _ b: String) -> Bool {
        a < b  // for ASCII, String's order is byte order, and it compares ASCII strings as bytes
    }

    /// `JSONEncoder`'s own spelling of a value (a scalar fragment, or the whole line).
    static func foundationFragment(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Where JSON bytes go: an array, or a ``ByteCursor`` into memory sized beforehand.
protocol JSONByteSink {
    mutating func append(_ byte: UInt8)
    mutating func append(_ bytes: UnsafeRawBufferPointer)
}

extension Array: JSONByteSink where Element == UInt8 {
    mutating func append(_ bytes: UnsafeRawBufferPointer) { append(contentsOf: bytes) }
}

/// Writes bytes one after another into memory whose size was worked out beforehand, with one
/// bounds check per write: `verify --json` writes a few hundred short pieces per token, and an
/// array's uniqueness and capacity checks on each were most of the line's cost.
struct ByteCursor: JSONByteSink {
    private(set) var next: UnsafeMutablePointer<UInt8>
    private let end: UnsafeMutablePointer<UInt8>

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        next = buffer.baseAddress!  // a buffer of capacity > 0 always has one
        end = next + buffer.count
    }

    mutating func append(_ byte: UInt8) {
        precondition(next < end, "ByteCursor: the line outgrew the size worked out for it")
        next.pointee = byte
        next += 1
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count <= end - next, "ByteCursor: the line outgrew the size worked out for it")
        guard let source = bytes.baseAddress else { return }
        next.update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        next += bytes.count
    }
}
