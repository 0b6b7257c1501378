import EInvoiceKit
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import InvoiceLayout
import Testing

/// An item that cannot be drawn fails the invoice with words, never a page silently missing it.
@Suite struct DrawingFailureTests {
    @Test func aLogoThatCannotBeReadFailsThePrinterNamingIt() throws {
        var template = try RenderSupport.template()
        template.company.logo = "no-such-logo.png"
        template.company.logoHeightMM = 14
        let error = #expect(throws: RenderError.self) {
            try InvoicePrinter(template: template, fontsDirectory: Fixtures.root.appendingPathComponent("Fonts").path,
                               verifier: Verifier())
        }
        #expect(error?.reason.contains("company.logo") == true)
        #expect(error?.reason.contains("no-such-logo.png") == true)
    }
}
