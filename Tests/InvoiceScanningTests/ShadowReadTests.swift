import EInvoiceBasics
import EInvoiceTestSupport
import EInvoiceModel
import EInvoiceVerification
import InvoiceScanning
import Testing

/// A shadow across the QR (a hand or a phone over the page): paper on one side is brighter than
/// the modules' ink-to-paper contrast on the other, and the plain region search splits the symbol.
@Suite struct ShadowReadTests {
    @Test func flattenedLightingMakesPaperWhiteOnBothSidesOfAShadow() {
        // Paper at 240 with a dark stripe every 10 px; the right half in shadow at 40 %.
        let width = 200, height = 100
        let page = GreyImage(width: width, height: height, pixels: (0..<(width * height)).map { i in
            let x = i % width
            return UInt8((x % 10 < 3 ? 30.0 : 240.0) * (x < 100 ? 1 : 0.4))
        })
        let flat = ImageFilters.flattenLighting(page, block: 6)
        for x in [15, 45, 155, 185] { #expect(flat.pixels[50 * width + x] > 230, "paper at x = \(x)") }
        for x in [10, 40, 150, 180] { #expect(flat.pixels[50 * width + x] < 50, "ink at x = \(x)") }
    }

    /// A phone photo with a shadow's edge across the QR (`Fixtures/scan/shadow-photo.jpg`): no
    /// step read it when the regions came from the page as lit, however long the budget.
    @Test func aShadowAcrossTheQRIsRead() throws {
        let pages = try InvoiceScanner(scanner: QRScanner(timeBudget: 10)).scan(try Fixtures.data("scan/shadow-photo.jpg"))
        let code = try #require(pages.flatMap(\.codes).first { $0.kind == .irp })
        #expect(code.verification?.verdict == .valid)
        #expect(code.verification?.qr?.docNo == "SAJ/2023/0627")
    }
}
