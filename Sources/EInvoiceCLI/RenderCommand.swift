import ArgumentParser
import EInvoiceKit
import Foundation

/// `einvoice render`: the printed invoice, as a PDF, from an IRP response.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render IRP responses as print-ready PDF invoices with the signed QR.",
        discussion: """
            Verifies each response first; an invoice whose signature does not hold is not rendered unless \
            --allow-unverified is given, and then every page is marked SIGNATURE NOT VERIFIED. Sandbox \
            tokens are marked SANDBOX — NOT A TAX INVOICE, cancelled responses CANCELLED. The PDF's creation \
            date is --creation-date, else SOURCE_DATE_EPOCH, else the Ack Date: the same input gives the same bytes. \
            --copies prints several labelled copies in one PDF; --field and NAME.extras.json beside an input add \
            unsigned details (PO, vehicle, due date, notes) in their own block, never in the e-invoice panel.
            """
    )

    @Argument(help: "IRP responses (any shape `verify` reads); - reads standard input.")
    var inputs: [String] = ["-"]

    @OptionGroup var output: OutputOptions
    @OptionGroup var verification: VerificationOptions
    @OptionGroup var resources: ResourceOptions
    @OptionGroup var rendering: RenderingOptions

    func run() throws {
        InvoicePrinter.claimProcessFontConfiguration()
        let root = try resources.root()
        let printer = try resources.printer(rendering.template, root: root, verifier: verification.makeVerifier())
        let options = try rendering.options()
        let inputs = try readDocuments()
        let destination = try OutputDestination(output.output, itemCount: inputs.map(\.documents.count).reduce(0, +))
        var report = ReportWriter(path: nil)
        var worst = ExitStatus.success
        for (path, documents) in inputs {
            for document in documents {
                let outcome = RenderOutcome.render(document, printer: printer, destination: destination) { () throws(RenderError) in
                    // A side-car belongs to a file of one response; stdin and JSON Lines have none.
                    try documents.count == 1 && path != "-" ? options.withSideCar(ofInput: path) : options
                }
                report.write(output.json ? outcome.jsonLine : outcome.text)
                worst = ExitStatus.worse(worst, outcome.status)
            }
        }
        if worst != .success { throw ExitCode(worst.rawValue) }
    }

    /// Each input path with the documents it holds.
    private func readDocuments() throws -> [(path: String, documents: [InputDocument])] {
        var documents: [(String, [InputDocument])] = []
        for path in inputs {
            do {
                let data = try InputSource.read(path)
                documents.append((path, IRPDocumentReader.read(data, source: path == "-" ? "<stdin>" : path)))
            } catch {
                warn(error.description)
                throw ExitCode(ExitStatus.noInput.rawValue)
            }
        }
        return documents
    }
}
