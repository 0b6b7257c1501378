import EInvoiceBasics
import EInvoiceKit
import EInvoiceModel
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import InvoiceLayout
import QRCodec

/// Shared set-up: a printer on the real fonts and templates, and the real IRP responses.
enum RenderSupport {
    static func template(_ name: String = "standard") throws -> InvoiceTemplate {
        try TemplateLoader.load(name, templatesDirectory: Fixtures.root.appendingPathComponent("Templates"))
    }

    static func printer(verifier: Verifier = Verifier(), template name: String = "standard") throws -> InvoicePrinter {
        try InvoicePrinter(template: try template(name), fontsDirectory: Fixtures.root.appendingPathComponent("Fonts").path,
                           verifier: verifier)
    }

    /// Options with a fixed creation date and no SOURCE_DATE_EPOCH from the environment.
    static func options(allowUnverified: Bool = false, upi: String? = nil) -> RenderOptions {
        RenderOptions(allowUnverified: allowUnverified, upiAddress: upi, environment: [:])
    }

    /// Every real response with both tokens: the Odoo production one and the India Compliance sandbox ones.
    static func realResponses() throws -> [(name: String, response: IRPResponse)] {
        var responses: [(String, IRPResponse)] = []
        for (name, json) in try Fixtures.indiaComplianceResponses() {
            for document in IRPDocumentReader.read(json, source: name) {
                if case .response(let response) = document.content, name != "get_e_invoice_by_irn" {
                    responses.append((name, response))
                }
            }
        }
        let odoo = IRPDocumentReader.read(try Fixtures.data("samples/production-odoo-nic-data.json"), source: "odoo")
        if case .response(let response)? = odoo.first?.content { responses.append(("odoo-production", response)) }
        return responses
    }

    /// Reads the QR inside `frame` (points) of a page rasterised at `dpi`.
    static func readQR(in image: Raster.Image, frame: Rect, dpi: Int) -> [String] {
        let scale = Double(dpi) / 72
        let grey = GreyImage(width: image.width, height: image.height, pixels: image.pixels)
        let margin = 12 * scale
        let crop = grey.cropped(x: Int(frame.x * scale - margin), y: Int(frame.y * scale - margin),
                                width: Int(frame.width * scale + 2 * margin), height: Int(frame.height * scale + 2 * margin))
        return QRReader.read(crop).map(\.text)
    }

    static func qrFrames(_ page: Page) -> [QRPlacement] {
        page.items.compactMap { if case .qr(let qr) = $0 { qr } else { nil } }
    }
}
