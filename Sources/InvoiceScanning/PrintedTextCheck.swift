import EInvoiceModel
public import EInvoiceVerification
import Foundation

/// Compares the values printed on a page (its text layer) with those the IRP signed into the QR:
/// a genuine QR beside a tampered total is the fraud this catches.
public enum PrintedTextCheck {
    public struct Outcome: Sendable {
        public var matches: [String] = []
        public var mismatches: [String] = []
    }

    public static func compare(_ text: String, with fields: SignedFields) -> Outcome {
        var outcome = Outcome()
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        let compact = flat.filter { !$0.isWhitespace }

        if let irn = fields.irn {
            if compact.lowercased().contains(irn.lowercased()) {
                outcome.matches.append("IRN")
            } else {
                let printed = hexRuns(in: compact).filter { $0.count == 64 }
                outcome.mismatches.append(printed.first.map { "printed IRN \($0) ≠ signed \(irn)" } ?? "the signed IRN \(irn) is not printed")
            }
        }
        if let docNo = fields.docNo {
            if flat.contains(docNo) { outcome.matches.append("document number") } else {
                outcome.mismatches.append("the signed document number \(docNo) is not printed")
            }
        }
        if let docDate = fields.docDate, let date = DocumentDate(docDate) {
            let variants = [docDate, docDate.replacingOccurrences(of: "/", with: "-"), docDate.replacingOccurrences(of: "/", with: "."), date.iso8601]
            if variants.contains(where: flat.contains) { outcome.matches.append("document date") } else {
                outcome.mismatches.append("the signed document date \(docDate) is not printed")
            }
        }
        let printedGSTINs = Set(gstins(in: compact))
        for (role, value) in [("seller", fields.sellerGstin), ("buyer", fields.buyerGstin)] {
            guard let value, value != "URP" else { continue }
            if printedGSTINs.contains(value) { outcome.matches.append("\(role) GSTIN") } else {
                let others = printedGSTINs.subtracting([fields.sellerGstin, fields.buyerGstin].compactMap { $0 })
                outcome.mismatches.append(others.isEmpty ? "the signed \(role) GSTIN \(value) is not printed"
                                          : "printed \(role) GSTIN \(others.sorted().joined(separator: " or ")) ≠ signed \(value)")
            }
        }
        if let total = fields.totalInvoiceValue {
            let amounts = self.amounts(in: flat)
            if amounts.contains(where: { $0.value == total }) { outcome.matches.append("invoice total") } else {
                let signed = IndianNumberFormat.format(total)
                // The printed total: the largest amount with paise on a line that says "total",
                // else the largest amount with paise anywhere (not an Ack No or a PIN code).
                let totalLines = text.split(whereSeparator: \.isNewline).filter { $0.lowercased().contains("total") }
                let withPaise = { (list: [(text: String, value: Decimal)]) in list.filter { $0.text.contains(".") && $0.value > 0 } }
                let nearest = withPaise(totalLines.flatMap { self.amounts(in: String($0)) }).max { $0.value < $1.value }
                    ?? withPaise(amounts).max { $0.value < $1.value }
                outcome.mismatches.append(nearest.map { "printed total \($0.text) ≠ signed \(signed)" }
                                          ?? "the signed total \(signed) is not printed")
            }
        }
        return outcome
    }

    /// Runs of hex digits (IRNs).
    static func hexRuns(in text: String) -> [String] {
        var runs: [String] = [], current = ""
        for character in text {
            if character.isHexDigit { current.append(character) } else {
                if current.count >= 32 { runs.append(current) }
                current = ""
            }
        }
        if current.count >= 32 { runs.append(current) }
        return runs
    }

    /// 15-character GSTIN-shaped tokens.
    static func gstins(in text: String) -> [String] {
        let characters = Array(text)
        guard characters.count >= 15 else { return [] }
        var found: [String] = []
        for start in 0...(characters.count - 15) {
            let candidate = characters[start..<(start + 15)]
            guard candidate.prefix(2).allSatisfy(\.isNumber), candidate.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }),
                  candidate.dropFirst(2).prefix(5).allSatisfy(\.isLetter)
            else { continue }
            found.append(String(candidate))
        }
        return found
    }

    /// Money-looking numbers (`1,19,261.00`, `119261.00`, `1,19,261`), with their exact values.
    static func amounts(in text: String) -> [(text: String, value: Decimal)] {
        var result: [(String, Decimal)] = []
        var current = ""
        func flush() {
            let trimmed = current.trimmingCharacters(in: CharacterSet(charactersIn: ",."))
            if trimmed.contains(where: \.isNumber), let value = Decimal.exact(trimmed.replacingOccurrences(of: ",", with: "")) {
                result.append((trimmed, value))
            }
            current = ""
        }
        for character in text {
            if character.isASCII, character.isNumber || character == "," || character == "." { current.append(character) } else { flush() }
        }
        flush()
        return result
    }
}
