import EInvoiceKit
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import InvoiceLayout
import Testing

/// An item that cannot be drawn fails the invoice with words, never a page silently missing it.
@Suite struct DrawingFailureTests {
    @Test func aLetterheadThatCannotBeReadFailsTheRenderNamingIt() throws {
        var template = try RenderSupport.template()
        template.letterhead = try JSONDecoder().decode(InvoiceTemplate.Letterhead.self,
                                                       from: Data(#"{"logo": "no-such-logo.png", "logoHeightMM": 14}"#.utf8))
        let printer = try InvoicePrinter(template: template, fontsDirectory: Fixtures.root.appendingPathComponent("Fonts").path,
                                         verifier: Verifier())
        let response = try #require(try RenderSupport.realResponses().first { $0.name == "odoo-production" }?.response)
        let error = #expect(throws: RenderError.self) {
            try printer.render(response, options: RenderSupport.options())
        }
        #expect(error?.code == .drawing)
        #expect(error?.reason.contains("the template's image") == true)
        #expect(error?.reason.contains("no-such-logo.png") == true)
    }
}
