import EInvoiceBasics
import EInvoiceModel
import EInvoiceTestSupport
import Foundation
import InvoiceLayout

/// Shared set-up for layout tests: the real standard template and a fixed-advance measurer.
enum LayoutSupport {
    static func template(_ name: String = "standard") throws -> InvoiceTemplate {
        try TemplateLoader.load(name, templatesDirectory: Fixtures.root.appendingPathComponent("Templates"))
    }

    static let measurer = FixedAdvanceMeasurer()

    /// A 117-module matrix (version 25, ECC M: the size of a real signed QR) with no dark modules.
    static let qr = QRMatrix(size: 117, modules: Array(repeating: false, count: 117 * 117), version: 25, errorCorrection: "M")

    static func printable(lines: Int, marks: [PrintableInvoice.Mark] = [], longDescriptions: Bool = false) throws -> PrintableInvoice {
        PrintableInvoice(invoice: try SyntheticInvoice.invoice(lines: lines, longDescriptions: longDescriptions),
                         irn: SyntheticInvoice.irn, ackNo: "112010009045094", ackDate: "2023-05-12 14:11:00",
                         signedQR: .init(matrix: qr, payload: "token"), marks: marks, signatureNote: "test")
    }

    static let metadata = DocumentMetadata(title: "t", subject: "s", keywords: "k", author: "a", creator: "c",
                                           creationDate: "2023-05-12T14:11:00+05:30")

    static func layout(lines: Int, marks: [PrintableInvoice.Mark] = [], longDescriptions: Bool = false) throws -> LaidOutDocument {
        InvoiceLayoutEngine(template: try template(), measurer: measurer)
            .layout(try printable(lines: lines, marks: marks, longDescriptions: longDescriptions), metadata: metadata)
    }
}
