import EInvoiceModel
import Foundation
import Testing

/// The one UPI type both ways: the link `render` prints is read back field for field by `scan`.
@Suite struct UPIPaymentTests {
    static let printed = UPIPayment(
        payeeAddress: "odoo@okaxis", payeeName: "Odoo India Pvt. Ltd.", amount: Decimal(string: "118000.50")!,
        gstin: "24AACCT6304M1ZB", invoiceNumber: "INV/2023/0001", invoiceDate: "2023-05-09T00:00:00+05:30",
        breakup: [("CGST", 9000), ("SGST", Decimal(string: "9000.25")!)])

    @Test func linkCarriesEveryCircularFieldEncoded() {
        // GST = 9000 + 9000.25 comes first; `/`, `:`, `|` and spaces are percent-encoded.
        #expect(Self.printed.uri == "upi://pay?pa=odoo@okaxis&pn=Odoo%20India%20Pvt.%20Ltd.&am=118000.50&cu=INR"
            + "&gstIn=24AACCT6304M1ZB&invoiceNo=INV%2F2023%2F0001&invoiceDate=2023-05-09T00%3A00%3A00%2B05%3A30"
            + "&gstBrkUp=GST%3A18000.25%7CCGST%3A9000.00%7CSGST%3A9000.25")
        #expect(Self.printed.missingFields.isEmpty)
    }

    @Test func printedLinkReadsBackAsTheSameValue() throws {
        let read = try #require(UPIPayment(Self.printed.uri))
        #expect(read == Self.printed)
        #expect(read.gstBreakup == [["GST", "18000.25"], ["CGST", "9000.00"], ["SGST", "9000.25"]])
    }

    @Test func aBareLinkNamesWhatTheCircularAsksFor() throws {
        let read = try #require(UPIPayment("UPI://pay?pa=shop@upi&pn=Shop"))
        #expect(read.payeeAddress == "shop@upi")
        #expect(read.missingFields == ["am (amount)", "gstIn", "invoiceNo", "invoiceDate", "gstBrkUp"])
        #expect(UPIPayment("https://example.com/pay?pa=shop@upi") == nil)
    }

    @Test(arguments: [("name@bank", true), ("a.b-c_d@ok", true), ("nobank", false), ("a@b@c", false), ("sp ace@x", false)])
    func vpaShape(_ text: String, _ valid: Bool) {
        #expect(UPIPayment.isValidVPA(text) == valid)
    }
}
