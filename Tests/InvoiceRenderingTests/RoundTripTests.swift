import EInvoiceBasics
import EInvoiceKit
import EInvoiceModel
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import InvoiceLayout
import InvoiceRenderer
import CairoGraphics
import QRCodec
import Testing

@Suite(.serialized) struct RoundTripTests {
    /// render → rasterise with poppler at 150 and 300 DPI → zbar reads exactly the SignedQRCode.
    @Test(arguments: [150, 300])
    func everyRealResponseRoundTripsThroughPaper(_ dpi: Int) throws {
        let printer = try RenderSupport.printer()
        let responses = try RenderSupport.realResponses()
        #expect(responses.count == 6)
        for (name, response) in responses {
            let rendered = try printer.render(response, options: RenderSupport.options())
            let qr = try #require(RenderSupport.qrFrames(rendered.layout.pages[0]).first)
            let image = try Raster.pdfPage(rendered.pdf, dpi: dpi)
            let read = RenderSupport.readQR(in: image, frame: qr.frame, dpi: dpi)
            #expect(read == [response.signedQRCode ?? ""], "\(name) at \(dpi) DPI read \(read.count) codes")
        }
    }

    @Test func theTextLayerCarriesIRNAckGSTINsAndTotal() throws {
        let printer = try RenderSupport.printer()
        for (name, response) in try RenderSupport.realResponses() {
            let rendered = try printer.render(response, options: RenderSupport.options())
            let text = try Raster.pdfText(rendered.pdf)
            let invoice = rendered.prepared.printable.invoice
            let total = IndianNumberFormat.format(invoice.totals.totalInvoiceValue ?? 0)
            for needle in [rendered.prepared.printable.irn, response.ackNo ?? "?", invoice.seller.gstin ?? "?",
                           invoice.buyer.gstin ?? "?", total] {
                #expect(text.contains(needle), "\(name): \(needle) not in the text layer")
            }
        }
    }

    /// Each real SignedQRCode, including those without a SignedInvoice: encoded at the template's
    /// size and at the 40 mm minimum, drawn, rasterised and read back.
    @Test(arguments: [54.0, 40.0])
    func everyRealQRTokenReadsBackFromAPage(_ sizeMM: Double) throws {
        let fonts = try FontSystem(fontsDirectory: Fixtures.root.appendingPathComponent("Fonts").path)
        let renderer = PageRenderer(fonts: fonts)
        for sample in Fixtures.realTokens where sample.kind == "SignedQRCode" {
            let matrix = try QREncoder.encode(sample.token, errorCorrection: .medium)
            let frame = Rect(x: 72, y: 72, width: .mm(sizeMM), height: .mm(sizeMM))
            let page = Page(size: Size(width: 300, height: 300),
                            items: [.qr(QRPlacement(matrix: matrix, frame: frame, quietZoneModules: 4, payload: sample.token))])
            let metadata = DocumentMetadata(title: "", subject: "", keywords: "", author: "", creator: "", creationDate: "2023-01-01T00:00:00Z")
            let pdf = try renderer.pdf(LaidOutDocument(pages: [page], metadata: metadata))
            for dpi in sizeMM >= 50 ? [150, 300] : [300] {
                let read = RenderSupport.readQR(in: try Raster.pdfPage(pdf, dpi: dpi), frame: frame, dpi: dpi)
                #expect(read == [sample.token], "\(sample.testDescription) at \(sizeMM) mm, \(dpi) DPI")
            }
        }
    }

    @Test(arguments: QREncoder.ErrorCorrection.allCases)
    func qrECCOptionChangesTheSymbolNotTheContent(_ level: QREncoder.ErrorCorrection) throws {
        let token = try #require(Fixtures.realTokens.first { $0.kind == "SignedQRCode" }).token
        let matrix = try QREncoder.encode(token, errorCorrection: level)
        #expect(matrix.errorCorrection == level.rawValue)
        // DOMAIN.md §8: ~950 bytes need version 22 at L and 34–35 at H.
        switch level {
        case .low: #expect(matrix.version == 22)
        case .high: #expect((34...35).contains(matrix.version))
        default: #expect((23...31).contains(matrix.version))
        }
    }

    @Test func tooLongForAQRCodeIsAnError() {
        #expect(throws: QRCodecError.self) {
            try QREncoder.encode(String(repeating: "x", count: 4000), errorCorrection: .high)
        }
    }
}
