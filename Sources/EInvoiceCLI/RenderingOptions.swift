public import ArgumentParser
import EInvoiceKit
import EInvoiceModel
import Foundation
import InvoiceLayout
public import QRCodec

/// What to print and how: one option group shared by `render` and `batch`, so an option means
/// the same in both and neither drifts (`--creation-date` and `--qr-ecc` once did).
struct RenderingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Template name (in Templates/) or path to a template JSON.", valueName: "NAME|PATH"))
    var template = "standard"

    @Option(help: ArgumentHelp("Error correction of the signed QR: L, M, Q or H (default: the template's, M).", valueName: "LEVEL"))
    var qrEcc: QREncoder.ErrorCorrection?

    @Flag(help: "Render even if the signature does not hold, marking every page SIGNATURE NOT VERIFIED.")
    var allowUnverified = false

    @Option(help: ArgumentHelp("Add the B2C dynamic UPI QR (Circular 146/156) paying this UPI address; `template` pays the template's payment.upiId.",
                               valueName: "VPA|template"))
    var upi: String?

    @Option(help: ArgumentHelp("Payee name for the UPI QR (default: the seller's trade or legal name).", valueName: "NAME"))
    var upiName: String?

    @Option(help: ArgumentHelp("PDF creation date, ISO 8601 (default: SOURCE_DATE_EPOCH, else the Ack Date).", valueName: "DATE"))
    var creationDate: String?

    @Flag(help: "Write PDF/A-3b with the SignedInvoice, SignedQRCode and response embedded, re-verifiable with `verify FILE.pdf`.")
    var archive = false

    @Option(help: ArgumentHelp("Copies in one PDF, each labelled, e.g. original,duplicate,triplicate (default: the template's).",
                               valueName: "LIST"))
    var copies: String?

    @Option(name: .customLong("field"), help: ArgumentHelp(
        "An unsigned detail for the details block (repeatable): poNumber, poDate, dueDate, vehicle, transporter, notes. NAME.extras.json beside an input adds more.",
        valueName: "KEY=VALUE"))
    var fields: [String] = []

    func validate() throws {
        if let upi, upi != "template", !UPIPayment.isValidVPA(upi) {
            throw ValidationError("--upi \(upi) is not a UPI address (name@bank) or `template`")
        }
        if let copies, copyNames(copies).isEmpty { throw ValidationError("--copies needs at least one copy name") }
        _ = try extras()
    }

    func copyNames(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }

    func extras() throws -> InvoiceExtras {
        var extras = InvoiceExtras()
        for field in fields {
            do {
                try extras.set(assignment: field)
            } catch {
                throw ValidationError("--field \(error.description)")
            }
        }
        return extras
    }

    /// The library's options for these flags.
    func options() throws -> RenderOptions {
        RenderOptions(qrErrorCorrection: qrEcc, allowUnverified: allowUnverified, upiAddress: upi == "template" ? nil : upi,
                      upiPayeeName: upiName, creationDate: creationDate, archive: archive, upiFromTemplate: upi == "template",
                      copies: copies.map(copyNames), extras: try extras())
    }
}

extension QREncoder.ErrorCorrection: ExpressibleByArgument {}
