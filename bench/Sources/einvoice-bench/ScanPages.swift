import EInvoiceKit
import InvoiceLayout
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import InvoiceScanning
import RasterIO

/// `einvoice-bench scan-pages PAGES OUT.pdf`: renders one of the tool's own invoices long enough
/// for PAGES pages (text and tables on every page, the signed QR on the first), writes it to
/// OUT.pdf, then loads and scans it in this process page by page, as `einvoice scan` does, and
/// prints each page's CPU milliseconds: drawing (poppler at 300 DPI) and scanning apart.
/// Pages without a QR should be given up in ≤ 50 ms of scanning, the whole file in ≤ 2 s
/// (bench/scan-pages adds the CLI's own figure, child processes included).
func scanPages(_ pages: Int, output: String) throws {
    guard let signer = TestSigner.shared else { fail("no test key") }
    let template = try TemplateLoader.load("standard", templatesDirectory: root.appendingPathComponent("Templates"))
    let printer = try InvoicePrinter(template: template, fontsDirectory: root.appendingPathComponent("Fonts").path,
                                     verifier: Verifier(trustStore: signer.trustStore()))
    // Lines per page measured, not assumed: grow until the render has PAGES pages.
    // Long item descriptions, so 23 pages stay within the IRP's 1 000 lines.
    func render(_ lines: Int) throws -> InvoicePrinter.Rendered {
        try printer.render(try SyntheticInvoice.response(lines: lines, signer: signer, longDescriptions: true),
                           options: RenderOptions(environment: [:]))
    }
    var lines = min(1000, pages * 40)
    var rendered = try render(lines)
    for _ in 0..<12 where rendered.pageCount != pages {
        lines = min(1000, max(1, lines * pages / max(1, rendered.pageCount) + (rendered.pageCount < pages ? 1 : -1)))
        rendered = try render(lines)
    }
    try rendered.pdf.write(to: URL(fileURLWithPath: output))
    var drawing: [Double] = [], scanning: [Double] = [], codes: [Int] = []
    let start = now()
    var mark = start
    _ = try RasterLoader.forEachPage(rendered.pdf, dpi: 300) { page in
        guard case .pdfPage = page.origin else { return }
        let loaded = now()
        drawing.append((loaded - mark) * 1000)
        let result = QRScanner().scan(page.image)
        mark = now()
        scanning.append((mark - loaded) * 1000)
        codes.append(result.symbols.count)
    }
    let total = (now() - start) * 1000
    for (index, (draw, scan)) in zip(drawing, scanning).enumerated() {
        print(String(format: "page %2d  draw %6.1f ms  scan %6.1f ms  codes %d", index + 1, draw, scan, codes[index]))
    }
    let empty = zip(scanning, codes).filter { $0.1 == 0 }.map(\.0).sorted()
    print(String(format: "pages %d (%d lines)  total %.0f ms CPU  scan of a page without a QR: median %.1f ms, max %.1f ms",
                 drawing.count, lines, total, empty.isEmpty ? 0 : empty[empty.count / 2], empty.last ?? 0))
}
