public import ArgumentParser
import EInvoiceKit
import EInvoiceModel
import Foundation
import InvoiceLayout
public import QRCodec

/// `einvoice render`: the printed invoice, as a PDF, from an IRP response.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render IRP responses as print-ready PDF invoices with the signed QR.",
        discussion: """
            Verifies each response first; an invoice whose signature does not hold is not rendered unless
            --allow-unverified is given, and then every page is marked SIGNATURE NOT VERIFIED. Sandbox
            tokens are marked SANDBOX — NOT A TAX INVOICE, cancelled responses CANCELLED. The PDF's creation
            date is --creation-date, else SOURCE_DATE_EPOCH, else the Ack Date: the same input gives the same bytes.
            """
    )

    @Argument(help: "IRP responses (any shape `verify` reads); - reads standard input.")
    var inputs: [String] = ["-"]

    @OptionGroup var output: OutputOptions
    @OptionGroup var verification: VerificationOptions
    @OptionGroup var resources: ResourceOptions

    @Option(help: ArgumentHelp("Template name (in Templates/) or path to a template JSON.", valueName: "NAME|PATH"))
    var template = "standard"

    @Option(help: ArgumentHelp("Error correction of the signed QR: L, M, Q or H (default: the template's, M).", valueName: "LEVEL"))
    var qrEcc: QREncoder.ErrorCorrection?

    @Flag(help: "Render even if the signature does not hold, marking every page SIGNATURE NOT VERIFIED.")
    var allowUnverified = false

    @Option(help: ArgumentHelp("Add the B2C dynamic UPI QR (Circular 146/156) paying this UPI address.", valueName: "VPA"))
    var upi: String?

    @Option(help: ArgumentHelp("Payee name for the UPI QR (default: the seller's trade or legal name).", valueName: "NAME"))
    var upiName: String?

    @Option(help: ArgumentHelp("PDF creation date, ISO 8601 (default: SOURCE_DATE_EPOCH, else the Ack Date).", valueName: "DATE"))
    var creationDate: String?

    @Flag(help: "Write PDF/A-3b with the SignedInvoice, SignedQRCode and response embedded, re-verifiable with `verify FILE.pdf`.")
    var archive = false

    func validate() throws {
        if let upi, !UPIPaymentLink.isValidVPA(upi) { throw ValidationError("--upi \(upi) is not a UPI address (name@bank)") }
    }

    func run() throws {
        let verifier = try verification.makeVerifier()
        let root = try resources.root()
        let template = try resources.template(template, root: root)
        let printer: InvoicePrinter
        do {
            printer = try InvoicePrinter(template: template, fontsDirectory: resources.fontsDirectory(root: root), verifier: verifier,
                                         colorProfile: resources.colorProfile(root: root))
        } catch {
            throw ValidationError(error.reason)
        }
        let options = RenderOptions(qrErrorCorrection: qrEcc, allowUnverified: allowUnverified, upiAddress: upi,
                                    upiPayeeName: upiName, creationDate: creationDate, archive: archive)
        let documents = try readDocuments()
        let destination = try OutputDestination(output.output, itemCount: documents.count)
        var report = ReportWriter(path: nil)
        var worst = ExitStatus.success
        for document in documents {
            let outcome = RenderOutcome.render(document, printer: printer, options: options, destination: destination)
            report.write(output.json ? outcome.jsonLine : outcome.text)
            worst = ExitStatus.worse(worst, outcome.status)
        }
        if worst != .success { throw ExitCode(worst.rawValue) }
    }

    private func readDocuments() throws -> [InputDocument] {
        var documents: [InputDocument] = []
        for path in inputs {
            do {
                let data = try InputSource.read(path)
                documents += IRPDocumentReader.read(data, source: path == "-" ? "<stdin>" : path)
            } catch {
                warn(error.description)
                throw ExitCode(ExitStatus.noInput.rawValue)
            }
        }
        return documents
    }
}

extension QREncoder.ErrorCorrection: ExpressibleByArgument {}
