public import Foundation

/// Amounts in words, Indian style: "Rupees Seven Lakh Sixty-Three Thousand … and Eighty-Nine Paise Only".
public enum AmountInWords {
    private static let ones = ["", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
                               "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen",
                               "Eighteen", "Nineteen"]
    private static let tens = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]

    /// Rupees and paise in words; amounts are rounded to paise. Values beyond 99,999 crore are
    /// written with "Crore" repeated, as Indian usage does.
    public static func rupees(_ amount: Decimal) -> String {
        var input = amount < 0 ? -amount : amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 2, .plain)
        let text = IndianNumberFormat.format(rounded).replacingOccurrences(of: ",", with: "")
        let parts = text.split(separator: ".")
        let rupees = String(parts[0])
        let paise = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        var words = "Rupees " + (rupees == "0" ? "Zero" : spell(rupees))
        if paise > 0 { words += " and " + twoDigits(paise) + " Paise" }
        return (amount < 0 ? "Minus " : "") + words + " Only"
    }

    /// Spells a whole number given as decimal digits (any length) in the Indian system.
    static func spell(_ digits: String) -> String {
        let trimmed = String(digits.drop { $0 == "0" })
        guard !trimmed.isEmpty else { return "" }
        if trimmed.count > 7 {
            let crores = String(trimmed.dropLast(7))
            let rest = String(trimmed.suffix(7))
            return [spell(crores) + " Crore", spell(rest)].filter { !$0.isEmpty }.joined(separator: " ")
        }
        let value = Int(trimmed) ?? 0
        var parts: [String] = []
        let lakhs = value / 100_000
        let thousands = (value / 1000) % 100
        let hundreds = (value / 100) % 10
        let rest = value % 100
        if lakhs > 0 { parts.append(twoDigits(lakhs) + " Lakh") }
        if thousands > 0 { parts.append(twoDigits(thousands) + " Thousand") }
        if hundreds > 0 { parts.append(ones[hundreds] + " Hundred") }
        if rest > 0 { parts.append(twoDigits(rest)) }
        return parts.joined(separator: " ")
    }

    private static func twoDigits(_ value: Int) -> String {
        if value < 20 { return ones[value] }
        return tens[value / 10] + (value % 10 > 0 ? "-" + ones[value % 10] : "")
    }
}
