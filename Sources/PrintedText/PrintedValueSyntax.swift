public import Foundation

/// How printed values are written, read format-insensitively: Indian or Western digit grouping,
/// currency marks, paise or none; the usual date formats; GSTIN and IRN shapes.
public enum PrintedValueSyntax {
    /// A money amount in one word (`7,63,541.89`, `₹7,63,541.89`, `Rs.763541.89`, `763541.89/-`, `12,908`),
    /// or `nil` when the word is not one. Grouping may be Indian or Western; only the digits count.
    public static func amount(_ word: String) -> Decimal? {
        var text = Substring(word.trimmingCharacters(in: .whitespaces))
        for prefix in ["₹", "Rs.", "Rs", "INR", "(", "Rs.(", "`"] where text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        for suffix in ["/-", ")", ":", ";", "*"] where text.hasSuffix(suffix) { text = text.dropLast(suffix.count) }
        if text.hasSuffix(".") && !text.dropLast().contains(".") && text.dropLast().contains(",") { text = text.dropLast() }
        guard let first = text.first, first.isASCII, first.isNumber, let last = text.last, last.isASCII, last.isNumber else { return nil }
        var digits = "", dots = 0, commas = 0, digitsAfterDot = 0
        for character in text {
            switch character {
            case "0"..."9":
                digits.append(character)
                if dots > 0 { digitsAfterDot += 1 }
            case ",":
                guard dots == 0 else { return nil }
                commas += 1
            case ".":
                dots += 1
                digits.append(character)
            default: return nil
            }
        }
        // One decimal point with 1–3 decimals; a bare integer only with grouping commas or up to 12 digits.
        guard dots <= 1, dots == 0 || (1...3).contains(digitsAfterDot) else { return nil }
        return Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Whether the word is only a currency mark or word (`₹`, `Rs.`, `INR`, `(₹)`).
    public static func isCurrencyMark(_ word: String) -> Bool {
        let letters = normalized(word)
        return ["", "rs", "inr", "rupees", "र", "रु", "रुपये"].contains(letters) && !word.contains(where: \.isNumber)
    }

    /// Lower-case letters and digits only (punctuation, marks and spaces dropped): how labels compare.
    public static func normalized(_ word: String) -> String {
        String(word.lowercased().unicodeScalars.filter {
            CharacterSet.alphanumerics.contains($0) && $0 != "₹"
        }.map(Character.init))
    }

    /// A calendar date as (day, month, year) from one to three words: `09/05/2023`, `09-05-2023`,
    /// `09.05.2023`, `9-May-2023`, `09 May 2023`, `9 May, 2023`, `2023-05-09`, `May 9, 2023`.
    public static func date(_ words: [String]) -> (day: Int, month: Int, year: Int)? {
        let joined = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " :,;()"))
        let parts = joined.split(whereSeparator: { "/-. ,".contains($0) }).map(String.init)
        guard parts.count == 3 else { return nil }
        func fullYear(_ text: String) -> Int? {
            guard let value = Int(text) else { return nil }
            if text.count == 4 { return value }
            return text.count == 2 ? 2000 + value : nil
        }
        let candidates: [(String, String, String)] = [
            (parts[0], parts[1], parts[2]),  // d m y
            (parts[2], parts[1], parts[0]),  // y m d, only when the first part has four digits
            (parts[1], parts[0], parts[2]),  // Month d, y
        ]
        for (index, (d, m, y)) in candidates.enumerated() {
            if index == 1 && parts[0].count != 4 { continue }
            if index == 2 && monthNumber(parts[0]) == nil { continue }
            if index == 0 && parts[0].count == 4 { continue }
            guard let day = Int(d), let month = Int(m) ?? monthNumber(m), let year = fullYear(y),
                  (1...12).contains(month), (1...31).contains(day)
            else { continue }
            if index == 0, Int(m) != nil, m.count > 2 { continue }
            return (day, month, year)
        }
        return nil
    }

    /// Month number from an English name or abbreviation (`May`, `Sept`, `september`).
    static func monthNumber(_ text: String) -> Int? {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let lower = text.lowercased()
        guard lower.count >= 3, lower.allSatisfy(\.isLetter) else { return nil }
        return names.firstIndex { lower.hasPrefix($0) }.map { $0 + 1 }
    }

    /// A GSTIN-shaped word (15 characters: 2 digits, 5 letters, 4 digits, letter, 3 alphanumerics),
    /// with surrounding punctuation removed; `nil` otherwise.
    public static func gstin(_ word: String) -> String? {
        let trimmed = word.trimmingCharacters(in: CharacterSet.alphanumerics.inverted).uppercased()
        let characters = Array(trimmed)
        guard characters.count == 15, characters.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              characters[0..<2].allSatisfy(\.isNumber), characters[2..<7].allSatisfy(\.isLetter),
              characters[7..<11].allSatisfy(\.isNumber), characters[11].isLetter
        else { return nil }
        return trimmed
    }

    /// The check character a 15-character GSTIN's first 14 call for (mod 36, weights 1, 2, 1, 2, …;
    /// DOMAIN.md §6), or `nil` when they are not all `0-9A-Z`. OCR uses it to tell a misread from a
    /// GSTIN (EInvoiceModel's `GSTIN` validates signed ones; this floor module imports no model).
    public static func gstinCheckCharacter(_ gstin: String) -> Character? {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let characters = Array(gstin)
        guard characters.count == 15 else { return nil }
        var sum = 0
        for (index, character) in characters.prefix(14).enumerated() {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            let weighted = value * (index.isMultiple(of: 2) ? 1 : 2)
            sum += weighted / 36 + weighted % 36
        }
        return alphabet[(36 - sum % 36) % 36]
    }

    /// The text with the letters OCR takes for digits made digits (`O`→`0`, `I`/`L`→`1`), upper-cased:
    /// two serial numbers that are equal folded differ only where OCR cannot tell.
    public static func foldingOCRConfusions(_ text: String) -> String {
        String(text.uppercased().map { character -> Character in
            switch character {
            case "O": "0"
            case "I", "L": "1"
            default: character
            }
        })
    }

    /// The hexadecimal digits of a word that is nothing else (a piece of a printed IRN), lower-cased.
    public static func hexPiece(_ word: String) -> String? {
        let trimmed = word.trimmingCharacters(in: CharacterSet(charactersIn: ":;,.()[]"))
        guard trimmed.count >= 4, trimmed.allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return nil }
        return trimmed.lowercased()
    }
}
