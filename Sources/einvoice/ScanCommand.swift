import ArgumentParser
import EInvoiceKit
import EInvoiceVerification
import Foundation
import InvoiceScanning
import RasterIO

/// `einvoice scan`: find e-invoice QR codes in scans, photos and PDFs, verify them, and compare
/// the printed invoice with what the IRP signed.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Read and verify the QR codes of scanned, photographed or PDF invoices.",
        discussion: """
            Reads PNG, JPEG, TIFF (every page) and PDF files (every page rendered at --dpi, plus the images
            embedded in it). Each QR is classified: an IRP signed QR is verified like `einvoice verify`; a UPI
            payment QR is shown with its GST fields. When a PDF has a text layer, the IRN, document number and
            date, both GSTINs and the total printed on the page are compared with the signed values, and every
            difference is reported (exit 1). A file with no e-invoice QR exits 65.
            """
    )

    @Argument(help: "Files to scan; - reads standard input.")
    var inputs: [String] = ["-"]

    @Option(help: ArgumentHelp("Resolution for rendering PDF pages (72–1200).", valueName: "DPI"))
    var dpi: Double = 300

    @OptionGroup var verification: VerificationOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup(title: "Limits per file") var limits: LimitOptions

    func validate() throws {
        guard (72...1200).contains(dpi) else { throw ValidationError("--dpi must be between 72 and 1200") }
    }

    func run() throws {
        let scanner = InvoiceScanner(verifier: try verification.makeVerifier(), dpi: dpi,
                                     limits: limits.rasterLimits(defaultPages: 50))
        var writer = ReportWriter(path: output.output)
        var findings: [ScanFinding] = []
        let unreadable = forEachInput(inputs) { name, data in
            let found: [ScanFinding]
            var pages: [InvoiceScanner.PageResult] = []
            do {
                pages = try scanner.scan(data)
                found = ScanFinding.findings(input: name, pages: pages)
            } catch let error as RasterError {
                found = [ScanFinding.unreadable(input: name, reason: error.reason)]
            } catch {
                found = [ScanFinding.unreadable(input: name, reason: "\(error)")]
            }
            let all = found + ScanFinding.embedded(input: name, data: data, pages: pages, verifier: scanner.verifier)
            for finding in all { writer.write(output.json ? finding.json.line : finding.text) }
            findings += all
        }
        if !output.json, findings.contains(where: { $0.result != nil }) {
            writer.write("\nNote: \(VerificationPolicy.cancellationNote)")
        }
        try writer.finish()
        let status = ExitStatus.ofScan(findings, unreadableInput: unreadable)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
