import EInvoiceModel
import EInvoiceVerification
import Foundation
import InvoiceScanning
import PrintedText
import Testing

/// Pages as data: each line is a baseline and words at x positions (10-point words, 6 points
/// per character), so layouts the reader has never seen can be written in a few lines.
enum WordPage {
    static func words(_ lines: [(y: Double, words: [(x: Double, text: String)])], page: Int = 1) -> [PositionedWord] {
        lines.flatMap { line in
            line.words.map { PositionedWord(text: $0.text, box: WordBox(x: $0.x, y: line.y, width: Double($0.text.count) * 6, height: 10), page: page) }
        }
    }

    /// One line of text starting at `x`: words split on spaces, placed one space apart.
    static func line(_ y: Double, _ x: Double, _ text: String, _ more: (Double, String)...) -> (y: Double, words: [(x: Double, text: String)]) {
        var result: [(x: Double, text: String)] = []
        for (start, phrase) in [(x, text)] + more {
            var cursor = start
            for word in phrase.split(separator: " ") {
                result.append((cursor, String(word)))
                cursor += Double(word.count) * 6 + 6
            }
        }
        return (y, result)
    }

    static let signed: SignedFields = {
        var fields = SignedFields()
        fields.totalInvoiceValue = Decimal.exact("763541.89")
        fields.sellerGstin = "24AACCT6304M1ZB"
        fields.buyerGstin = "09AABCW0339G3ZD"
        fields.docNo = "SAJ/2023/0627"
        fields.docDate = "09/05/2023"
        fields.irn = "ee72a3fd6a501a6f53948e89a4989a1ee4abfd0b2ed52bf54793ececd527e620"
        return fields
    }()

    static func check(_ lines: [(y: Double, words: [(x: Double, text: String)])], _ field: PrintedFieldCheck.Field) -> PrintedFieldCheck? {
        PrintedTextCheck.compare(words(lines), with: signed).first { $0.field == field }
    }
}

@Suite struct PrintedValueReaderTests {
    typealias L = WordPage

    @Test func doctoredGrandTotalIsNotRescuedByTheSignedAmountElsewhere() throws {
        let check = try #require(L.check([
            L.line(100, 300, "Taxable Value", (420, "7,63,541.89")),
            L.line(115, 300, "Grand Total", (420, "7,63,451.89")),
        ], .grandTotal))
        #expect(check.outcome == .differs)
        #expect(check.printed == "7,63,451.89")
    }

    @Test(arguments: ["₹ 7,63,541.89", "Rs. 763,541.89", "INR 763541.89", "₹7,63,541.89", "7,63,541.89/-"])
    func grandTotalBesideItsLabelMatchesInAnyFormat(_ printed: String) throws {
        let check = try #require(L.check([L.line(100, 40, "Sub Total 1,00.00"), L.line(115, 300, "TOTAL INVOICE VALUE", (450, printed))], .grandTotal))
        #expect(check.outcome == .matches)
    }

    @Test func grandTotalBelowItsLabel() throws {
        let check = try #require(L.check([
            L.line(100, 300, "Amount Payable"),
            L.line(113, 300, "₹ 7,63,541.89"),
            L.line(140, 40, "Amount in words: Rupees Seven Lakh only"),
        ], .grandTotal))
        #expect(check.outcome == .matches)
        #expect(check.printed == "7,63,541.89")
    }

    @Test func aColumnHeaderAboveStackedAmountsIsNotALabel() throws {
        let lines = [
            L.line(100, 40, "Item", (300, "Total Amount")),
            L.line(113, 40, "Bearings", (300, "1,000.00")),
            L.line(126, 40, "Seals", (300, "2,000.00")),
        ]
        #expect(L.check(lines, .grandTotal)?.outcome == .notFound)
    }

    @Test func aTotalsRowEndsWithTheInvoiceValue() throws {
        let check = try #require(L.check([L.line(200, 40, "Total", (200, "10 Nos"), (300, "6,47,069.40"), (400, "7,63,541.89"))], .grandTotal))
        #expect(check.outcome == .matches)
    }

    @Test func strongerLabelsWin() throws {
        // "Total" rows of a tax table and a page total do not compete with "Grand Total".
        let check = try #require(L.check([
            L.line(100, 40, "Total", (300, "1,16,472.49")),
            L.line(115, 40, "Page Total", (300, "5,00,000.00")),
            L.line(130, 40, "Grand Total", (300, "7,63,541.89")),
        ], .grandTotal))
        #expect(check.outcome == .matches)
    }

    @Test func gstinsUnderSideBySideHeadings() throws {
        let lines = [
            L.line(50, 40, "Supplier", (300, "Buyer")),
            L.line(63, 40, "Acme Pvt Ltd", (300, "Wayne LLP")),
            L.line(76, 40, "GSTIN: 24AACCT6304M1ZB", (300, "GSTIN: 09AABCW0339G3ZD")),
        ]
        #expect(L.check(lines, .sellerGstin)?.outcome == .matches)
        #expect(L.check(lines, .buyerGstin)?.outcome == .matches)
        var doctored = lines
        doctored[2] = L.line(76, 40, "GSTIN: 24AACCX6304M1ZB", (300, "GSTIN: 09AABCW0339G3ZD"))
        let check = try #require(L.check(doctored, .sellerGstin))
        #expect(check.outcome == .differs)
        #expect(check.printed == "24AACCX6304M1ZB")
        #expect(L.check(doctored, .buyerGstin)?.outcome == .matches)
    }

    @Test func shipToGSTINIsNotTheBuyers() throws {
        let lines = [
            L.line(50, 40, "GSTIN 24AACCT6304M1ZB"),
            L.line(80, 40, "Bill To", (300, "Ship To")),
            L.line(93, 40, "GSTIN 09AABCW0339G3ZD", (300, "GSTIN 27AAPFU0939F1ZV")),
        ]
        #expect(L.check(lines, .buyerGstin)?.outcome == .matches)
        #expect(L.check(lines, .sellerGstin)?.outcome == .matches)
    }

    @Test(arguments: ["09/05/2023", "09-05-2023", "09.05.2023", "09-May-2023", "9 May 2023", "2023-05-09"])
    func documentDateInEveryUsualFormat(_ printed: String) throws {
        let check = try #require(L.check([L.line(100, 40, "Invoice Date:", (140, printed)), L.line(115, 40, "Ack Date: 12/05/2023")], .documentDate))
        #expect(check.outcome == .matches, "\(check)")
    }

    @Test func documentNumberIsComparedCaseInsensitivelyAndQuotedWhenItDiffers() throws {
        #expect(L.check([L.line(100, 40, "Invoice No.", (120, "saj/2023/0627"))], .documentNumber)?.outcome == .matches)
        let check = try #require(L.check([L.line(100, 40, "Invoice No.", (120, "SAJ/2023/0672"))], .documentNumber))
        #expect(check.outcome == .differs)
        #expect(check.printed == "SAJ/2023/0672")
    }

    @Test func irnWrappedOverTwoLines() throws {
        let irn = WordPage.signed.irn ?? ""
        let lines = [L.line(100, 40, "IRN:", (70, String(irn.prefix(40)))), L.line(112, 70, String(irn.dropFirst(40)))]
        #expect(L.check(lines, .irn)?.outcome == .matches)
        var characters = Array(irn)
        characters[50] = characters[50] == "0" ? "1" : "0"
        let doctored = String(characters)
        let check = try #require(L.check([L.line(100, 40, "IRN:", (70, String(doctored.prefix(40)))), L.line(112, 70, String(doctored.dropFirst(40)))], .irn))
        #expect(check.outcome == .differs)
        #expect(check.printed == doctored)
    }

    @Test func nothingPrintedIsNotFoundNeverAFailure() {
        let checks = PrintedTextCheck.compare(L.words([L.line(100, 40, "Thank you for your business")]), with: WordPage.signed)
        #expect(checks.count == 6)
        #expect(checks.allSatisfy { $0.outcome == .notFound && $0.failure == nil })
    }

    @Test(arguments: [("7,63,541.89", "763541.89"), ("763,541.89", "763541.89"), ("₹12,908", "12908"), ("Rs.1,416.00", "1416"),
                      ("12,908.00/-", "12908")])
    func amountsReadFormatInsensitively(_ text: String, _ value: String) {
        #expect(PrintedValueSyntax.amount(text) == Decimal.exact(value))
    }

    @Test(arguments: ["09/05/2023", "GSTIN", "1.2.3", "24AACCT6304M1ZB", "-"])
    func nonAmountsAreNotAmounts(_ text: String) {
        #expect(PrintedValueSyntax.amount(text) == nil)
    }
}
