import EInvoiceBasics
import EInvoiceKit
import EInvoiceModel
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import InvoiceLayout
import Testing

@Suite struct RenderPipelineTests {
    func odoo() throws -> IRPResponse {
        try #require(try RenderSupport.realResponses().first { $0.name == "odoo-production" }?.response)
    }

    @Test func sameInputGivesByteIdenticalPDFs() throws {
        let first = try RenderSupport.printer().render(try odoo(), options: RenderSupport.options()).pdf
        let second = try RenderSupport.printer().render(try odoo(), options: RenderSupport.options()).pdf
        #expect(first == second)
        #expect(first.count > 10_000)
    }

    @Test func creationDateComesFromSourceDateEpochThenAckDate() throws {
        let printer = try RenderSupport.printer()
        var options = RenderSupport.options()
        let fromAck = try printer.render(try odoo(), options: options).prepared.metadata.creationDate
        #expect(fromAck == "2023-05-12T14:11:00+05:30")
        options.environment = ["SOURCE_DATE_EPOCH": "1700000000"]
        #expect(try printer.render(try odoo(), options: options).prepared.metadata.creationDate == "2023-11-14T22:13:20Z")
        options.creationDate = "2024-01-02T03:04:05+05:30"
        #expect(try printer.render(try odoo(), options: options).prepared.metadata.creationDate == "2024-01-02T03:04:05+05:30")
        options.creationDate = "yesterday"
        #expect(throws: RenderError.self) { try printer.render(try odoo(), options: options) }
    }

    @Test func pdfMetadataCarriesDocumentNumberAndIRN() throws {
        let rendered = try RenderSupport.printer().render(try odoo(), options: RenderSupport.options())
        let pdf = String(decoding: rendered.pdf, as: UTF8.self)
        #expect(pdf.contains("SAJ/2023/0627"))
        #expect(pdf.contains("ee72a3fd6a501a6f53948e89a4989a1ee4abfd0b2ed52bf54793ececd527e620"))
    }

    @Test func forgedResponseIsNotRenderedWithoutPermission() throws {
        var response = try odoo()
        response.signedQRCode = try #require(Fixtures.realTokens.first { $0.environment == "sandbox" && $0.kind == "SignedQRCode" }).token
        #expect(throws: RenderError(.unverified, "")) {
            try RenderSupport.printer().render(response, options: RenderSupport.options())
        }
        let rendered = try RenderSupport.printer().render(response, options: RenderSupport.options(allowUnverified: true))
        #expect(rendered.prepared.printable.marks.contains(.unverified))
        for page in rendered.layout.pages {
            #expect(page.texts.contains { $0.contains("SIGNATURE NOT VERIFIED") })
        }
    }

    @Test func untrustedKeyNeedsAllowUnverified() throws {
        let signer = try #require(TestSigner.shared)
        let response = try SyntheticInvoice.response(lines: 3, signer: signer)
        #expect(throws: RenderError.self) { try RenderSupport.printer().render(response, options: RenderSupport.options()) }
        let trusted = try RenderSupport.printer(verifier: Verifier(trustStore: signer.trustStore()))
        let rendered = try trusted.render(response, options: RenderSupport.options())
        #expect(rendered.prepared.printable.marks.isEmpty)
    }

    @Test func sandboxAndCancelledAreMarked() throws {
        let printer = try RenderSupport.printer()
        var sandbox = try #require(try RenderSupport.realResponses().first { $0.name == "service_item" }?.response)
        #expect(try printer.render(sandbox, options: RenderSupport.options()).prepared.printable.marks == [.sandbox])
        sandbox.status = "CNL"
        #expect(try printer.render(sandbox, options: RenderSupport.options()).prepared.printable.marks == [.sandbox, .cancelled])
    }

    @Test func missingTokensAreExplained() throws {
        var response = try odoo()
        response.signedInvoice = nil
        #expect(throws: RenderError(.missingToken, "")) { try RenderSupport.printer().render(response, options: RenderSupport.options()) }
    }

    @Test func thousandLineInvoiceRendersOnManyPages() throws {
        let signer = try #require(TestSigner.shared)
        let printer = try RenderSupport.printer(verifier: Verifier(trustStore: signer.trustStore()))
        let rendered = try printer.render(try SyntheticInvoice.response(lines: 1000, signer: signer, longDescriptions: true),
                                          options: RenderSupport.options())
        #expect(rendered.pageCount > 15)
        let text = try Raster.pdfText(rendered.pdf)
        #expect(text.contains("Page \(rendered.pageCount) of \(rendered.pageCount)"))
        #expect(text.contains("Item 1000"))
    }

    @Test func moreLinesThanTheIRPAllowsAreRefused() throws {
        let signer = try #require(TestSigner.shared)
        let printer = try RenderSupport.printer(verifier: Verifier(trustStore: signer.trustStore()))
        #expect(throws: RenderError(.unreadable, "")) {
            try printer.render(try SyntheticInvoice.response(lines: 1001, signer: signer), options: RenderSupport.options())
        }
    }

    @Test func upiQRCarriesTheCircularFields() throws {
        let rendered = try RenderSupport.printer().render(try odoo(), options: RenderSupport.options(upi: "odoo@okaxis"))
        let upi = try #require(rendered.prepared.printable.upiQR?.payload)
        #expect(upi.hasPrefix("upi://pay?pa=odoo@okaxis&pn=Odoo%20IN%20Private%20Limited&am=763541.89&cu=INR&gstIn=24AACCT6304M1ZB"))
        #expect(upi.contains("invoiceNo=SAJ%2F2023%2F0627"))
        #expect(upi.contains("invoiceDate=2023-05-09T00%3A00%3A00%2B05%3A30"))
        #expect(upi.contains("gstBrkUp=GST%3A116472.49%7CIGST%3A116472.49"))
        #expect(throws: RenderError.self) { try RenderSupport.printer().render(try odoo(), options: RenderSupport.options(upi: "not a vpa")) }
    }
}
