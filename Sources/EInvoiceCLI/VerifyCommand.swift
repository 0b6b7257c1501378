public import ArgumentParser
public import EInvoiceKit
import EInvoiceVerification
import Foundation

/// `einvoice verify`: check IRP responses or tokens offline against pinned IRP keys.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify IRP responses or signed tokens offline.",
        discussion: """
            Reads the NIC Data object or envelope, GSP wrappers (Adaequare, ClearTax, Masters India, \
            sandbox.co.in), JSON Lines of those, or bare compact JWS tokens one per line. Checks the RS256 \
            signature against the pinned IRP keys, recomputes the IRN, compares the QR with the signed \
            invoice, and checks GSTIN check digits. The built-in keys were derived from public IRP tokens, \
            not taken from NIC certificates: see `einvoice keys list`. A PDF or image is checked as a received \
            file, exactly as `einvoice scan` does.
            """
    )

    @Argument(help: "Files to verify; - reads standard input.")
    var inputs: [String] = ["-"]

    @Option(help: ArgumentHelp("Read the input as this format instead of detecting it: \(ResponseFormat.selectable.map(\.rawValue).joined(separator: ", ")).", valueName: "FORMAT"))
    var format: ResponseFormat?

    @Option(help: ArgumentHelp("Parallel workers for files of tokens or responses (default: the number of cores); the output is the same for any number.", valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var verification: VerificationOptions
    @OptionGroup var output: OutputOptions
    /// Budgets and child-process decoding for a PDF or image given to verify, as for `scan`.
    @OptionGroup var limits: LimitOptions
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var recognition: OCROptions

    func validate() throws {
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 256") }
    }

    func run() throws {
        StandardOutput.bufferLargeBlocks()
        let check = ReceivedFileCheck(verifier: try verification.makeVerifier(), limits: limits.rasterLimits(defaultPages: 50), ocr: recognition.ocr)
        var writer = ReportWriter(path: output.output)
        var recorder = LedgerRecorder(try ledger.open())
        var tally = VerificationTally()
        // Read once: an option group's value is looked up through its property wrapper on each use.
        let asJSON = output.json
        let unreadable = try forEachOpenedInput(inputs) { name, input in
            guard !recorder.isRecording else {
                let data = try input.readAll()
                // The ledger records an input's checks in one transaction, so it takes them together.
                let outcome = check.verify(data, name: name, format: format)
                switch outcome {
                case .tokens(let results):
                    recorder.write(results.map { ($0.json, $0.text) }, input: name, data: data, asJSON: asJSON, to: &writer)
                case .receivedFile(let report):
                    recorder.write(report.findings.map { ($0.json, $0.text) }, input: name, data: data, asJSON: asJSON, to: &writer)
                }
                tally.add(outcome)
                return
            }
            // Each result's report is made on the thread that verified it; written here, in input order.
            let report = try check.verify(input, name: name, format: format, jobs: jobs) { result in
                asJSON ? result.jsonLineBytes : Array(result.text.utf8)
            } each: { result, line in
                writer.writeLine(line)
                tally.add(result)
            }
            if let report {
                // Nothing is recorded on this path (no ledger), so the input's bytes are not needed.
                recorder.write(report.findings.map { ($0.json, $0.text) }, input: name, data: Data(), asJSON: asJSON, to: &writer)
                tally.add(.receivedFile(report))
            } else {
                tally.endInput()
            }
        }
        if !asJSON, tally.hasVerifiedTokens {
            writer.write("\nNote: \(VerificationPolicy.cancellationNote)")
        }
        writer.write(asJSON ? tally.summary.jsonLine : tally.summary.text)
        try writer.finish()
        var status = tally.status(unreadableInput: unreadable)
        if recorder.failed { status = ExitStatus.worse(status, .cannotCreateOutput) }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

extension ResponseFormat: ExpressibleByArgument {}
