public import Foundation

/// Formats exact decimals the Indian way: `12,34,567.89` (lakh and crore grouping).
///
/// Works on the decimal's own digits, never through `Double`, so `0.1 + 0.2` prints `0.30`.
public enum IndianNumberFormat {
    /// `value` rounded half-up to `fractionDigits` places, grouped 3 then 2s: 1,23,45,678.90.
    public static func format(_ value: Decimal, fractionDigits: Int = 2) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, fractionDigits, .plain)
        let negative = rounded < 0
        let magnitude = negative ? -rounded : rounded
        let plain = plainString(magnitude)
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        fraction = String((fraction + String(repeating: "0", count: fractionDigits)).prefix(fractionDigits))
        let grouped = group(integer)
        let body = fractionDigits > 0 ? "\(grouped).\(fraction)" : grouped
        return negative ? "-" + body : body
    }

    /// Quantities and rates: as many decimals as the value has (up to `maxFractionDigits`), grouped.
    public static func formatTrimmed(_ value: Decimal, maxFractionDigits: Int = 3) -> String {
        let full = format(value, fractionDigits: maxFractionDigits)
        guard full.contains(".") else { return full }
        var trimmed = Substring(full)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    /// Groups integer digits: last three, then pairs.
    static func group(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        let lastThree = digits.suffix(3)
        var head = Array(digits.dropLast(3))
        var groups: [String] = []
        while head.count > 2 {
            groups.insert(String(head.suffix(2)), at: 0)
            head.removeLast(2)
        }
        if !head.isEmpty { groups.insert(String(head), at: 0) }
        return (groups + [String(lastThree)]).joined(separator: ",")
    }

    /// The decimal in positional notation (Decimal.description never uses exponents for our range).
    private static func plainString(_ value: Decimal) -> String {
        value.description
    }
}
