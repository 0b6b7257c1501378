import EInvoiceModel
import Foundation
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [("1234567.891", "12,34,567.89"), ("763541.89", "7,63,541.89"), ("100", "100.00"),
                      ("0.005", "0.01"), ("-99999.999", "-1,00,000.00"), ("123456789012.5", "1,23,45,67,89,012.50"),
                      ("999", "999.00"), ("1000", "1,000.00")])
    func indianGrouping(_ input: String, _ expected: String) throws {
        #expect(IndianNumberFormat.format(try #require(Decimal.exact(input))) == expected)
    }

    @Test func exactDecimalArithmeticHasNoFloatingPointDrift() throws {
        let sum = try #require(Decimal.exact("0.1")) + #require(Decimal.exact("0.2"))
        #expect(sum == Decimal.exact("0.3"))
    }

    /// A QR amount is read without a locale; it must read as with en_US_POSIX, value and spelling.
    @Test(arguments: ["100", "0", "-0", "763541.89", "1234.50", "00012.3400", "1e5", "1E-3", "-2.5e+2", "0.1",
                      "99999999999999999999999999999999999999", "123456789012345678901234567890.123456789",
                      "1,5", "1.2.3", "", "-", "12abc", "1e", ".5", "5."])
    func qrAmountsReadWithoutALocaleAsWithPOSIX(_ digits: String) {
        let posix = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX"))
        let read = QRPayload.decimal(digits)
        #expect(read == posix)
        #expect(read.map { "\($0)" } == posix.map { "\($0)" })
    }

    /// Plain digits read without Foundation: the value and the spelling `description` gives, or
    /// nothing (then `Decimal(string:)` reads them).
    @Test(arguments: ["100", "100.0", "100.50", "0.05", "00012.3400", "-5.50", "1000", "763541.89", "10.010",
                      "999999999999999999", "9999999999999999999", "0.000000000000000001", "0.0000000000000000001",
                      "1.000000000000000000000", "123456789.123456789", "0", "-0", "0.0", "-0.0", "5.", ".5", "-",
                      "", "1e5", "+5", "1.2.3", "-.5", "12abc", "1,5", "١٢"])
    func plainDigitsReadAsFoundationDoes(_ digits: String) {
        let foundation = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX"))
        guard let plain = Decimal.plainDigits(digits) else {
            #expect(!["100", "100.50", "0.05", "-5.50", "999999999999999999"].contains(digits))
            return
        }
        #expect(plain.value == foundation)
        #expect(plain.text == foundation?.description)
        #expect(plain.value.description == plain.text)
    }

    @Test(arguments: ["12abc", "", "1.2.3", "1e5", "--1", "١٢"])
    func moneyTextMustBeAPlainDecimal(_ text: String) {
        #expect(Decimal.exact(text) == nil)
    }

    @Test(arguments: [
        ("763541.89", "Rupees Seven Lakh Sixty-Three Thousand Five Hundred Forty-One and Eighty-Nine Paise Only"),
        ("100", "Rupees One Hundred Only"),
        ("0.5", "Rupees Zero and Fifty Paise Only"),
        ("123456789.10", "Rupees Twelve Crore Thirty-Four Lakh Fifty-Six Thousand Seven Hundred Eighty-Nine and Ten Paise Only"),
        ("1000000000000", "Rupees One Lakh Crore Only"),
    ])
    func amountsInWords(_ input: String, _ expected: String) throws {
        #expect(AmountInWords.rupees(try #require(Decimal.exact(input))) == expected)
    }
}
