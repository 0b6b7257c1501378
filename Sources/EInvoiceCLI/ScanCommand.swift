import ArgumentParser
import EInvoiceKit
import EInvoiceVerification
import Foundation

/// `einvoice scan`: find e-invoice QR codes in scans, photos and PDFs, verify them, and compare
/// the printed invoice with what the IRP signed.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Read and verify the QR codes of scanned, photographed or PDF invoices.",
        discussion: """
            Reads PNG, JPEG, TIFF (every page) and PDF files (every page rendered at --dpi, plus the images \
            embedded in it). Each QR is classified: an IRP signed QR is verified like `einvoice verify`; a UPI \
            payment QR is shown with its GST fields. A file is one document, or several when a new signed QR \
            starts the next one (bulk prints). When a PDF has a text layer, the grand total, document number \
            and date, IRN and both GSTINs printed by their labels anywhere in the QR's document are compared \
            with the signed values: a differing printed value exits 1, a value not found is a warning. Pages without \
            a text layer (scans, photos) are read by OCR (--ocr auto); a value OCR cannot read with certainty is \
            "not found", never "differs".

            A sandbox-signed QR exits 5; a file with no e-invoice QR exits 65.
            """
    )

    @Argument(help: "Files to scan; - reads standard input.")
    var inputs: [String] = ["-"]

    @Option(help: ArgumentHelp("Resolution for rendering PDF pages (72–1200).", valueName: "DPI"))
    var dpi: Double = 300

    @OptionGroup var verification: VerificationOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup(title: "Limits per file") var limits: LimitOptions
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var recognition: OCROptions

    func validate() throws {
        guard (72...1200).contains(dpi) else { throw ValidationError("--dpi must be between 72 and 1200") }
    }

    func run() throws {
        let check = ReceivedFileCheck(verifier: try verification.makeVerifier(), dpi: dpi,
                                      limits: limits.rasterLimits(defaultPages: 50), ocr: recognition.ocr)
        var writer = ReportWriter(path: output.output)
        var recorder = LedgerRecorder(try ledger.open())
        var reports: [ReceivedFileCheck.Report] = []
        let unreadable = forEachInput(inputs) { name, data in
            let report = check.check(data, name: name)
            recorder.write(report.findings.map { ($0.json, $0.text) }, input: name, data: data, asJSON: output.json, to: &writer)
            reports.append(report)
        }
        try finish(reports, unreadable: unreadable, writer: writer, json: output.json, ledgerFailed: recorder.failed)
    }
}

/// The end of every command that checks received files: the cancellation note, the report
/// file, and the shared exit status (at least 73 when a check could not be recorded in the ledger).
func finish(_ reports: [ReceivedFileCheck.Report], unreadable: Bool, writer: ReportWriter, json: Bool,
            ledgerFailed: Bool = false) throws {
    var writer = writer
    if !json, reports.contains(where: \.hasVerifiedTokens) {
        writer.write("\nNote: \(VerificationPolicy.cancellationNote)")
    }
    try writer.finish()
    var status = ExitStatus.ofScan(reports.flatMap(\.findings), unreadableInput: unreadable)
    if ledgerFailed { status = ExitStatus.worse(status, .cannotCreateOutput) }
    if status != .success { throw ExitCode(status.rawValue) }
}
