import Foundation

/// Strings and numbers: the two rules where readers differ most, so every case is spelled out.
extension StrictJSONReader.Parser {
    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    /// A string at `index` (on its opening quote). Unescaped runs are validated as UTF-8 in one step.
    mutating func string() throws(Failure) -> String {
        let opening = index
        index += 1
        let start = index
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.quote {
                let run = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
                index += 1
                if ascii { return String(decoding: run, as: UTF8.self) }
                guard let text = String(validating: run, as: UTF8.self) else {
                    throw fail("a string is not valid UTF-8", at: opening)
                }
                return text
            }
            if byte == Self.backslash {
                if let text = asciiEscapedString(start: start) { return text }
                return try escapedString(opening: opening, start: start)
            }
            if byte < 0x20 { throw fail("a raw control character (byte 0x\(String(byte, radix: 16))) inside a string") }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        throw fail("a string is not closed", at: opening)
    }

    /// The common escaped string, ASCII with one-letter escapes (a signed QR's `data` is one):
    /// unescaped straight into the new string's storage, sized by a first pass to the closing quote.
    /// `nil`, with `index` unmoved, at anything else (a `\u` escape, a byte over 0x7f, a control
    /// byte, a bad escape, no closing quote): ``escapedString(opening:start:)`` reads those, and
    /// words their errors, exactly as before.
    private mutating func asciiEscapedString(start: Int) -> String? {
        let bytes = self.bytes
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte == Self.quote { break }
            if byte == Self.backslash { end += 2; continue }
            guard byte >= 0x20, byte < 0x80 else { return nil }
            end += 1
        }
        guard end < bytes.count else { return nil }
        var complete = false
        let text = String(unsafeUninitializedCapacity: end - start) { out in
            var from = start
            var to = 0
            while from < end {
                var byte = bytes[from]
                if byte == Self.backslash {
                    switch bytes[from + 1] {
                    case Self.quote, Self.backslash, UInt8(ascii: "/"): byte = bytes[from + 1]
                    case UInt8(ascii: "b"): byte = 0x08
                    case UInt8(ascii: "f"): byte = 0x0c
                    case UInt8(ascii: "n"): byte = 0x0a
                    case UInt8(ascii: "r"): byte = 0x0d
                    case UInt8(ascii: "t"): byte = 0x09
                    default: return 0
                    }
                    from += 2
                } else {
                    from += 1
                }
                out[to] = byte
                to += 1
            }
            complete = true
            return to
        }
        guard complete else { return nil }
        index = end + 1
        return text
    }

    /// The slow path, from the first backslash on: bytes are collected, escapes decoded.
    private mutating func escapedString(opening: Int, start: Int) throws(Failure) -> String {
        // Room for the rest of the input up front: a signed QR's `data` is one long escaped string.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(bytes.count - start)
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case Self.quote:
                index += 1
                guard let text = String(validating: buffer, as: UTF8.self) else {
                    throw fail("a string is not valid UTF-8", at: opening)
                }
                return text
            case Self.backslash:
                try escape(into: &buffer)
            case 0..<0x20:
                throw fail("a raw control character (byte 0x\(String(byte, radix: 16))) inside a string")
            default:
                // The plain bytes up to the next quote, backslash or control byte, copied as one run.
                let run = index
                index += 1
                while index < bytes.count, bytes[index] >= 0x20, bytes[index] != Self.quote, bytes[index] != Self.backslash {
                    index += 1
                }
                buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[run..<index]))
            }
        }
        throw fail("a string is not closed", at: opening)
    }

    private mutating func escape(into buffer: inout [UInt8]) throws(Failure) {
        let start = index
        index += 1
        guard let letter = current else { throw fail("a string is not closed", at: start) }
        index += 1
        switch letter {
        case UInt8(ascii: "\""), Self.backslash, UInt8(ascii: "/"): buffer.append(letter)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0c)
        case UInt8(ascii: "n"): buffer.append(0x0a)
        case UInt8(ascii: "r"): buffer.append(0x0d)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var unit = try hex4()
            if (0xdc00...0xdfff).contains(unit) { throw fail("a lone UTF-16 low surrogate \\u\(hex(unit))", at: start) }
            if (0xd800...0xdbff).contains(unit) {
                guard current == Self.backslash, index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw fail("a lone UTF-16 high surrogate \\u\(hex(unit))", at: start)
                }
                index += 2
                let low = try hex4()
                guard (0xdc00...0xdfff).contains(low) else {
                    throw fail("a UTF-16 high surrogate \\u\(hex(unit)) not followed by a low one", at: start)
                }
                unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)
            }
            // Surrogates were excluded above, so every remaining value is a scalar.
            guard let scalar = Unicode.Scalar(unit) else { throw fail("an invalid \\u escape", at: start) }
            buffer.append(contentsOf: String(Character(scalar)).utf8)
        default:
            throw fail("an invalid escape \\\(String(Unicode.Scalar(letter)))", at: start)
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private func hex(_ unit: UInt32) -> String { String(unit, radix: 16, uppercase: true) }

    /// A number as an exact `Decimal`: the digits are kept, never passed through `Double`.
    mutating func number() throws(Failure) -> Decimal {
        let start = index
        let negative = current == UInt8(ascii: "-")
        if negative { index += 1 }
        var significand: UInt64 = 0
        var exponent = 0
        var exact = true
        var significantDigits = 0
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { (0x30...0x39).contains($0) } ?? false }
        func accumulate(_ byte: UInt8) -> Bool {
            if significantDigits > 0 || byte != 0x30 { significantDigits += 1 }
            let (times10, overflow1) = significand.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - 0x30))
            guard !overflow1, !overflow2 else { return false }
            significand = sum
            return true
        }
        guard isDigit(current) else { throw fail("a '-' must be followed by digits", at: start) }
        if current == UInt8(ascii: "0") {
            index += 1
            if isDigit(current) { throw fail("a number has a leading zero", at: start) }
        } else {
            while let byte = current, isDigit(byte) {
                exact = accumulate(byte) && exact
                index += 1
            }
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard isDigit(current) else { throw fail("a '.' in a number must be followed by digits", at: start) }
            while let byte = current, isDigit(byte) {
                exact = accumulate(byte) && exact
                exponent -= 1
                index += 1
            }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            let negativeExponent = current == UInt8(ascii: "-")
            if negativeExponent || current == UInt8(ascii: "+") { index += 1 }
            guard isDigit(current) else { throw fail("an exponent in a number must have digits", at: start) }
            var value = 0
            while let byte = current, isDigit(byte) {
                value = min(value * 10 + Int(byte - 0x30), 100_000)
                index += 1
            }
            exponent += negativeExponent ? -value : value
        }
        if exact, (-128...127).contains(exponent) {
            return Decimal(sign: negative && significand != 0 ? .minus : .plus, exponent: exponent,
                           significand: Decimal(significand))
        }
        // More than 19 significant digits, or a far exponent: Foundation's parser, checked for range
        // (`Decimal` holds 38 digits and an exponent of -128…127; beyond that it would round silently).
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard significantDigits <= 38, let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN,
              value.isFinite, value == 0 || value.exponent > -128
        else { throw fail("the number \(text.prefix(40)) cannot be held exactly", at: start) }
        return value
    }
}
