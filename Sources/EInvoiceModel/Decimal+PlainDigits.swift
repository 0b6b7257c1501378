package import Foundation

extension Decimal {
    /// Plain decimal digits, `-?[0-9]+(.[0-9]+)?` with at most 18 significant digits and not zero,
    /// read straight into the `Decimal` that `Decimal(string:)` gives, together with the text its
    /// `description` spells: no leading zeros, no trailing fractional zeros, no point without a
    /// fraction. `nil` for anything else (an exponent, more digits, zero, a lone sign or point),
    /// which the caller leaves to `Decimal(string:)`.
    ///
    /// Why: every QR token carries an amount; reading it with `Decimal(string:)`, then spelling it
    /// with `description` for the report, was about 6 % of `verify --json`. Tests hold value and
    /// text to Foundation's on many spellings.
    package static func plainDigits(_ text: String) -> (value: Decimal, text: String)? {
        var text = text
        return text.withUTF8 { bytes in
            let negative = bytes.first == UInt8(ascii: "-")
            var index = negative ? 1 : 0
            var significand: UInt64 = 0
            var length = 0  // digits taken into `significand`, leading zeros of a fraction included
            var integerStart: Int?  // the first non-zero digit before the point
            var point: Int?
            var fractionEnd = 0  // just after the last non-zero fractional digit
            var pendingZeros = 0  // fractional zeros not yet taken into `significand`
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "."), point == nil, index > (negative ? 1 : 0) {
                    point = index
                } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    let digit = UInt64(byte &- UInt8(ascii: "0"))
                    if point == nil {
                        if integerStart == nil, digit != 0 { integerStart = index }
                        if integerStart != nil { significand = significand &* 10 &+ digit; length += 1 }
                    } else if digit == 0 {
                        pendingZeros += 1
                    } else {
                        for _ in 0...pendingZeros { significand = significand &* 10 }
                        significand = significand &+ digit
                        length += pendingZeros + 1
                        pendingZeros = 0
                        fractionEnd = index + 1
                    }
                    guard length <= 18 else { return nil }
                } else {
                    return nil
                }
                index += 1
            }
            guard significand != 0, bytes.last != UInt8(ascii: "."), bytes.count > (negative ? 1 : 0) else { return nil }
            let scale = point.map { fractionEnd > $0 ? fractionEnd - $0 - 1 : 0 } ?? 0
            let value = Decimal(sign: negative ? .minus : .plus, exponent: -scale, significand: Decimal(significand))
            var spelled: [UInt8] = []
            spelled.reserveCapacity(bytes.count + 1)
            if negative { spelled.append(UInt8(ascii: "-")) }
            let integerEnd = point ?? bytes.count
            if let integerStart {
                spelled.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[integerStart..<integerEnd]))
            } else {
                spelled.append(UInt8(ascii: "0"))
            }
            if scale > 0, let point {
                spelled.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[point..<fractionEnd]))
            }
            return (value, String(decoding: spelled, as: UTF8.self))
        }
    }
}
