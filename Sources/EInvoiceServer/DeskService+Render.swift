import EInvoiceKit
import EInvoiceModel
public import Foundation
import InvoiceLayout

extension DeskService {
    /// A rendered PDF and the name to offer it under.
    public struct RenderedPDF: Sendable {
        public var pdf: Data
        public var fileName: String
        public var pages: Int
        public var irn: String
    }

    /// `POST /api/v1/render`: one IRP response in, its PDF out, through the same façade as
    /// `einvoice render` (verification first; an invoice whose signature does not hold is refused).
    ///
    /// - Parameters:
    ///   - template: a template *name* from the templates folder; paths are refused.
    ///   - copies: comma-separated copy names; `nil` takes the template's default.
    public func render(_ body: Data, template: String?, copies: String?, archive: Bool) throws(Failure) -> RenderedPDF {
        guard let printers else { throw Failure(status: 404, message: "rendering is not set up on this desk (no Templates/ and Fonts/)") }
        let name = template ?? configuration.resources?.defaultTemplate ?? "standard"
        guard printers.templateNames.contains(name) else {
            throw Failure(status: 400, message: "unknown template \"\(name)\"; this desk has " + printers.templateNames.joined(separator: ", "))
        }
        let documents = IRPDocumentReader.read(body, source: "request")
        guard documents.count == 1, let document = documents.first else {
            throw Failure(status: 400, message: documents.isEmpty ? "the body holds no IRP response"
                : "the body holds \(documents.count) documents; send one IRP response per request")
        }
        var options = RenderOptions(environment: [:], archive: archive)
        if let copies {
            options.copies = copies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        }
        do {
            let rendered = try printers.withPrinter(name) { try $0.render(document, options: options) }
            let invoice = rendered.prepared.printable.invoice
            let fileName = SafeFileName.component("\(invoice.document.type ?? "INV")-\(invoice.document.number ?? "invoice").pdf")
            return RenderedPDF(pdf: rendered.pdf, fileName: fileName, pages: rendered.pageCount, irn: rendered.prepared.printable.irn)
        } catch let error as RenderError {
            let status = switch error.code {
            case .usage: 400
            case .qr, .drawing: 500
            default: 422
            }
            throw Failure(status: status, message: error.reason)
        } catch {
            throw Failure(status: 500, message: "the template could not be loaded: \(error)")
        }
    }
}
