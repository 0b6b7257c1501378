import EInvoiceKit
import EInvoiceVerification
import Foundation
import InvoiceLayout

/// Printers for the desk's render endpoint, kept between requests: a request borrows one for
/// its template and gives it back, so fonts, templates and images load once per printer, not
/// per invoice.
///
/// An ``InvoicePrinter`` is not `Sendable` (it owns Pango and Cairo objects); the pool hands
/// each to one request at a time, under a lock, which is what makes crossing tasks safe.
final class PrinterPool: @unchecked Sendable {
    private let templatesDirectory: URL
    private let fontsDirectory: String
    private let colorProfile: Data?
    private let verifier: Verifier
    private let lock = NSLock()
    private var idle: [String: [InvoicePrinter]] = [:]

    init(templatesDirectory: URL, fontsDirectory: String, colorProfile: Data?, verifier: Verifier) {
        self.templatesDirectory = templatesDirectory
        self.fontsDirectory = fontsDirectory
        self.colorProfile = colorProfile
        self.verifier = verifier
    }

    /// The names a request may ask for: the templates folder's own (never a path from a request).
    var templateNames: [String] { TemplateLoader.names(in: templatesDirectory) }

    /// Runs `body` with a printer for `template`, made on first use and kept for the next request.
    func withPrinter<T>(_ template: String, _ body: (InvoicePrinter) throws -> T) throws -> T {
        let printer = try borrow(template)
        defer { giveBack(printer, template) }
        return try body(printer)
    }

    private func borrow(_ template: String) throws -> InvoicePrinter {
        lock.lock()
        if let printer = idle[template]?.popLast() {
            lock.unlock()
            return printer
        }
        lock.unlock()
        let loaded = try TemplateLoader.load(template, templatesDirectory: templatesDirectory)
        return try InvoicePrinter(template: loaded, fontsDirectory: fontsDirectory, verifier: verifier, colorProfile: colorProfile)
    }

    private func giveBack(_ printer: InvoicePrinter, _ template: String) {
        lock.lock()
        defer { lock.unlock() }
        if idle[template, default: []].count < 8 { idle[template, default: []].append(printer) }
    }
}
