public import ArgumentParser
public import EInvoiceKit
import EInvoiceVerification
import Foundation
import RasterIO

/// `einvoice verify`: check IRP responses or tokens offline against pinned IRP keys.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify IRP responses or signed tokens offline.",
        discussion: """
            Reads the NIC Data object or envelope, GSP wrappers (Adaequare, ClearTax, Masters India,
            sandbox.co.in), JSON Lines of those, or bare compact JWS tokens one per line. Checks the RS256
            signature against the pinned IRP keys, recomputes the IRN, compares the QR with the signed
            invoice, and checks GSTIN check digits. The built-in keys were derived from public IRP tokens,
            not taken from NIC certificates: see `einvoice keys list`. A PDF or image is checked as a received
            file, exactly as `einvoice scan` does.
            """
    )

    @Argument(help: "Files to verify; - reads standard input.")
    var inputs: [String] = ["-"]

    @Option(help: ArgumentHelp("Read the input as this format instead of detecting it: \(ResponseFormat.selectable.map(\.rawValue).joined(separator: ", ")).", valueName: "FORMAT"))
    var format: ResponseFormat?

    @OptionGroup var verification: VerificationOptions
    @OptionGroup var output: OutputOptions
    /// Budgets and child-process decoding for a PDF or image given to verify, as for `scan`.
    @OptionGroup var limits: LimitOptions
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var recognition: OCROptions

    func run() throws {
        let verifier = try verification.makeVerifier()
        let check = ReceivedFileCheck(verifier: verifier, limits: limits.rasterLimits(defaultPages: 50), ocr: recognition.ocr)
        var writer = ReportWriter(path: output.output)
        var recorder = LedgerRecorder(try ledger.open())
        var results: [VerificationResult] = []
        var files: [ReceivedFileCheck.Report] = []
        var inputCount = 0
        let unreadable = forEachInput(inputs) { name, data in
            inputCount += 1
            // A PDF or image is a received file: the same check as `scan` (its printed QR, its
            // embedded tokens, the printed values against the signed ones).
            if format == nil, ImageFormat.detect(data) != nil {
                let report = check.check(data, name: name)
                recorder.write(report.findings.map { ($0.json, $0.text) }, input: name, data: data, asJSON: output.json, to: &writer)
                files.append(report)
                return
            }
            let verified = verifier.verify(data, source: name, format: format)
            if recorder.isRecording {
                recorder.write(verified.map { ($0.json, $0.text) }, input: name, data: data, asJSON: output.json, to: &writer)
            } else {
                for result in verified { writer.write(output.json ? result.jsonLine : result.text) }
            }
            results += verified
        }
        if !output.json, results.contains(where: { $0.token != nil }) || files.contains(where: \.hasVerifiedTokens) {
            writer.write("\nNote: \(VerificationPolicy.cancellationNote)")
        }
        let summary = VerificationSummary(results, inputs: inputCount)
        writer.write(output.json ? summary.jsonLine : summary.text)
        try writer.finish()
        var status = ExitStatus.worse(ExitStatus.of(results), files.isEmpty ? .success
                                      : ExitStatus.ofScan(files.flatMap(\.findings), unreadableInput: false))
        if unreadable, status == .success || (results.isEmpty && files.isEmpty) { status = .noInput }
        if recorder.failed { status = ExitStatus.worse(status, .cannotCreateOutput) }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

extension ResponseFormat: ExpressibleByArgument {}
